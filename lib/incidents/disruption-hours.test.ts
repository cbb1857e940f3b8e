import { describe, expect, it } from "vitest";
import {
  calendarBuckets,
  countedEnd,
  measureHours,
  measureSegments,
  measureTotals,
  operatorIntervals,
  operatorPhases,
  phaseMeasure,
  regionIntervals,
  regionPhases,
  type IncidentForHours,
  type Interval,
  type PhaseForHours,
} from "@/lib/incidents/disruption-hours";

const at = (iso: string) => new Date(iso);
const ms = (iso: string) => at(iso).getTime();
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function phase(overrides: Partial<PhaseForHours>): PhaseForHours {
  return {
    type: "FULL_BLACKOUT",
    extent: "FULL",
    startsAt: at("2022-01-05T11:15:00Z"),
    endsAt: at("2022-01-05T18:00:00Z"),
    endPrecision: "EXACT",
    endStatus: "RECORDED",
    lastReportedOn: null,
    allOperators: false,
    operators: [],
    regions: [],
    ...overrides,
  };
}

function incident(overrides: Partial<IncidentForHours>): IncidentForHours {
  return { scope: "NATIONAL", endsAt: null, endPrecision: null, endStatus: "NOT_RECORDED", operators: [], regions: [], phases: [], ...overrides };
}

const interval = (start: string, end: string, measure: Interval["measure"], extra: Partial<Interval> = {}): Interval => ({
  start: ms(start),
  end: ms(end),
  measure,
  type: measure === "service_blocking" ? "SERVICE_BLOCKING" : measure === "full_blackout" ? "FULL_BLACKOUT" : "THROTTLING",
  endKind: "recorded",
  onAndOff: false,
  ...extra,
});

const JANUARY = { from: at("2021-12-31T18:00:00Z"), to: at("2022-01-31T18:00:00Z") };

describe("countedEnd: one rule for every view", () => {
  const now = at("2026-12-01T00:00:00Z");

  it("covers the whole day of a day-precision end, as the incident page shows it", () => {
    // "6 January" (midnight in Almaty, UTC+6) is counted to the start of 7 January.
    expect(countedEnd(phase({ endsAt: at("2022-01-05T18:00:00Z"), endPrecision: "DAY" }), now)).toEqual({ at: at("2022-01-06T18:00:00Z"), kind: "recorded" });
    expect(countedEnd(phase({ endsAt: at("2022-01-05T17:30:00Z"), endPrecision: "HOUR" }), now)).toEqual({ at: at("2022-01-05T17:30:00Z"), kind: "recorded" });
  });

  it("counts an ongoing phase to now", () => {
    expect(countedEnd(phase({ endsAt: null, endPrecision: null, endStatus: "ONGOING" }), now)).toEqual({ at: now, kind: "ongoing" });
  });

  it("counts an end not recorded to the end of the last day a source reports it, or not at all", () => {
    const open = phase({ endsAt: null, endPrecision: null, endStatus: "NOT_RECORDED" });
    expect(countedEnd(open, now)).toBeNull();
    // 4 January 2022 ends at midnight in Almaty: 18:00 UTC.
    expect(countedEnd({ ...open, lastReportedOn: day("2022-01-04") }, now)).toEqual({ at: at("2022-01-04T18:00:00Z"), kind: "last_report" });
    // After March 2024 Kazakhstan is UTC+5.
    expect(countedEnd({ ...open, lastReportedOn: day("2024-06-01") }, now)!.at).toEqual(at("2024-06-01T19:00:00Z"));
  });

  it("never runs an open phase to its incident's end or to now", () => {
    const ended = incident({
      endsAt: at("2022-01-16T18:00:00Z"),
      endPrecision: "DAY",
      endStatus: "RECORDED",
      operators: ["kcell"],
      phases: [phase({ startsAt: at("2022-01-15T18:00:00Z"), endsAt: null, endPrecision: null, endStatus: "NOT_RECORDED", operators: ["kcell"] })],
    });
    expect(operatorIntervals([ended], "kcell", now)).toEqual([]);
    const [counted] = operatorPhases([ended], "kcell", now);
    expect(counted).toMatchObject({ number: 1, end: null, interval: null, attribution: "named" });
  });
});

describe("attribution", () => {
  const now = at("2022-01-20T00:00:00Z");

  it("counts a phase for the operators it names, or for all of the incident's when marked so, and for no one otherwise", () => {
    const qantar = incident({
      operators: ["kcell", "beeline"],
      phases: [phase({ operators: ["beeline"] }), phase({ type: "SERVICE_BLOCKING", allOperators: true }), phase({ type: "THROTTLING" })],
    });
    expect(operatorPhases([qantar], "kcell", now).map((counted) => [counted.number, counted.attribution])).toEqual([[2, "all_operators"]]);
    expect(operatorPhases([qantar], "beeline", now).map((counted) => [counted.number, counted.attribution])).toEqual([
      [1, "named"],
      [2, "all_operators"],
    ]);
    // Not among the incident's operators: "all" does not reach it.
    expect(operatorPhases([qantar], "tele2-altel", now)).toEqual([]);
  });

  it("counts a phase naming no region in every region of a nationwide incident, and a regional one only where it names", () => {
    const national = incident({ regions: ["mangystau"], phases: [phase({}), phase({ regions: ["almaty-city"] })] });
    expect(regionIntervals([national], "pavlodar", now)).toHaveLength(1);
    expect(regionIntervals([national], "almaty-city", now)).toHaveLength(2);
    const regional = incident({ scope: "REGIONAL", regions: ["mangystau"], phases: [phase({})] });
    expect(regionIntervals([regional], "pavlodar", now)).toEqual([]);
    expect(regionIntervals([regional], "mangystau", now)).toHaveLength(1);
  });
});

describe("phaseMeasure", () => {
  const national = incident({ operators: ["kcell"] });

  it("counts a full nationwide cut as full blackout for operators and regions alike", () => {
    expect(phaseMeasure(phase({}), national, "operator")).toBe("full_blackout");
    expect(phaseMeasure(phase({}), national, "region")).toBe("full_blackout");
  });

  it("does not count a regional cut as national: it is a partial disruption of the operator, and a full blackout of its region", () => {
    const almaty = phase({ regions: ["almaty-city"], allOperators: true });
    expect(phaseMeasure(almaty, national, "operator")).toBe("partial_disruption");
    expect(phaseMeasure(almaty, national, "region")).toBe("full_blackout");
    const regionalIncident = incident({ scope: "REGIONAL", regions: ["astana"] });
    expect(phaseMeasure(phase({}), regionalIncident, "operator")).toBe("partial_disruption");
  });

  it("puts mobile-only, fixed-only, throttling and partial or on-and-off cuts in partial disruption, and blocking on its own", () => {
    for (const type of ["MOBILE_DATA_SHUTDOWN", "FIXED_BROADBAND_SHUTDOWN", "THROTTLING"] as const) {
      expect(phaseMeasure(phase({ type }), national, "operator")).toBe("partial_disruption");
    }
    expect(phaseMeasure(phase({ extent: "PARTIAL" }), national, "region")).toBe("partial_disruption");
    expect(phaseMeasure(phase({ extent: "INTERMITTENT" }), national, "operator")).toBe("partial_disruption");
    expect(phaseMeasure(phase({ type: "SERVICE_BLOCKING" }), national, "operator")).toBe("service_blocking");
    expect(phaseMeasure(phase({ type: "WEBSITE_BLOCKING" }), national, "region")).toBe("service_blocking");
  });
});

describe("measureSegments and measureTotals", () => {
  it("counts overlaps once per measure, leaves full-blackout hours out of partial, and keeps blocking apart", () => {
    const intervals = [
      interval("2022-01-04T00:00:00Z", "2022-01-06T00:00:00Z", "service_blocking"),
      interval("2022-01-05T00:00:00Z", "2022-01-05T12:00:00Z", "full_blackout"),
      interval("2022-01-05T06:00:00Z", "2022-01-05T10:00:00Z", "full_blackout"),
      interval("2022-01-04T20:00:00Z", "2022-01-05T14:00:00Z", "partial_disruption"),
    ];
    const totals = measureTotals(intervals, JANUARY.from, JANUARY.to);
    expect(totals.full_blackout.hours).toBe(12);
    // 20:00–24:00 on the 4th and 12:00–14:00 on the 5th: the rest is full blackout.
    expect(totals.partial_disruption.hours).toBe(6);
    // Blocking counts on its own, overlapping the network measures.
    expect(totals.service_blocking.hours).toBe(48);
  });

  it("clips to the period and leaves gaps between separate phases", () => {
    const intervals = [
      interval("2021-12-31T16:00:00Z", "2021-12-31T20:00:00Z", "partial_disruption"),
      interval("2022-01-01T05:00:00Z", "2022-01-01T06:00:00Z", "partial_disruption"),
    ];
    expect(measureTotals(intervals, JANUARY.from, JANUARY.to).partial_disruption.hours).toBe(3);
    expect(measureSegments([], JANUARY.from, JANUARY.to)).toEqual([]);
    expect(measureSegments(intervals, JANUARY.from, JANUARY.from)).toEqual([]);
  });

  it("says which hours rest on an open end or come and go, a recorded end winning where they overlap", () => {
    const intervals = [
      interval("2022-01-10T00:00:00Z", "2022-01-10T10:00:00Z", "partial_disruption", { endKind: "last_report" }),
      interval("2022-01-10T06:00:00Z", "2022-01-10T08:00:00Z", "partial_disruption"),
      interval("2022-01-11T00:00:00Z", "2022-01-11T05:00:00Z", "partial_disruption", { endKind: "ongoing", onAndOff: true }),
    ];
    expect(measureTotals(intervals, JANUARY.from, JANUARY.to).partial_disruption).toEqual({ hours: 15, onAndOffHours: 5, toNowHours: 5, toLastReportHours: 8 });
  });
});

describe("calendarBuckets", () => {
  it("starts Kazakhstan months at local midnight, UTC+6 before March 2024 and UTC+5 after", () => {
    const buckets = calendarBuckets(at("2024-01-15T00:00:00Z"), at("2024-03-31T19:00:00Z"), "month");
    expect(buckets.map((bucket) => [bucket.key, bucket.start.toISOString()])).toEqual([
      ["2024-01", "2023-12-31T18:00:00.000Z"],
      ["2024-02", "2024-01-31T18:00:00.000Z"],
      // Clocks went back an hour at midnight on 1 March 2024, so March began at UTC+5 midnight.
      ["2024-03", "2024-02-29T19:00:00.000Z"],
    ]);
    expect(buckets[2]!.end.toISOString()).toBe("2024-03-31T19:00:00.000Z");
  });

  it("puts an instant late on 31 December UTC into January in Kazakhstan", () => {
    const [first] = calendarBuckets(at("2021-12-31T19:00:00Z"), at("2022-01-02T00:00:00Z"), "month");
    expect(first!.key).toBe("2022-01");
  });

  it("can use UTC months and calendar years", () => {
    expect(calendarBuckets(at("2021-12-31T19:00:00Z"), at("2022-01-02T00:00:00Z"), "month", "utc").map((b) => b.key)).toEqual(["2021-12", "2022-01"]);
    expect(calendarBuckets(at("2019-06-01T00:00:00Z"), at("2022-03-01T00:00:00Z"), "year").map((b) => b.key)).toEqual(["2019", "2020", "2021", "2022"]);
  });
});

describe("measureHours", () => {
  it("splits a phase that crosses a Kazakhstan month boundary", () => {
    // 22:00 to 02:00 local time (UTC+6) across the New Year.
    const intervals = [interval("2021-12-31T16:00:00Z", "2021-12-31T20:00:00Z", "full_blackout")];
    const buckets = measureHours(intervals, { from: at("2021-11-30T18:00:00Z"), to: JANUARY.to, granularity: "month" });
    expect(buckets.map((bucket) => [bucket.key, bucket.measures.full_blackout.hours])).toEqual([
      ["2021-12", 2],
      ["2022-01", 2],
    ]);
    expect(buckets[1]!.measures.partial_disruption.hours).toBe(0);
  });

  it("gives each measure per bucket; the network measures stack to the hours with any network disruption", () => {
    const intervals = [
      interval("2022-01-04T00:00:00Z", "2022-01-06T00:00:00Z", "partial_disruption"),
      interval("2022-01-05T00:00:00Z", "2022-01-05T12:00:00Z", "full_blackout"),
    ];
    const [year] = measureHours(intervals, { ...JANUARY, granularity: "year" });
    expect(year!.measures.full_blackout.hours + year!.measures.partial_disruption.hours).toBe(48);
    expect(year!.measures.full_blackout.hours).toBe(12);
  });
});

describe("a region and an operator from the same phases", () => {
  it("gives a regional full cut to its region as full blackout and to its operators as partial disruption", () => {
    const now = at("2026-01-01T00:00:00Z");
    const qantar = incident({
      operators: ["kcell", "beeline"],
      phases: [
        phase({ startsAt: at("2022-01-05T10:45:00Z"), endsAt: at("2022-01-05T17:30:00Z"), allOperators: true }),
        phase({ startsAt: at("2022-01-05T10:45:00Z"), endsAt: at("2022-01-06T01:45:00Z"), allOperators: true, regions: ["almaty-city"] }),
      ],
    });
    const kcell = measureTotals(operatorIntervals([qantar], "kcell", now), JANUARY.from, JANUARY.to);
    expect([kcell.full_blackout.hours, kcell.partial_disruption.hours]).toEqual([6.75, 8.25]);
    const almaty = measureTotals(regionIntervals([qantar], "almaty-city", now), JANUARY.from, JANUARY.to);
    expect([almaty.full_blackout.hours, almaty.partial_disruption.hours]).toEqual([15, 0]);
    expect(regionPhases([qantar], "pavlodar", now).map((counted) => counted.measure)).toEqual(["full_blackout"]);
  });
});

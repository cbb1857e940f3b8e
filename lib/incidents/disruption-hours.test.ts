import { describe, expect, it } from "vitest";
import {
  calendarBuckets,
  disruptionHours,
  flattenIntervals,
  operatorIntervals,
  regionIntervals,
  totalDisruptionHours,
  type IncidentForHours,
  type Interval,
  type PhaseForHours,
} from "@/lib/incidents/disruption-hours";

const at = (iso: string) => new Date(iso);
const ms = (iso: string) => at(iso).getTime();

function phase(overrides: Partial<PhaseForHours>): PhaseForHours {
  return {
    type: "FULL_BLACKOUT",
    startsAt: at("2022-01-05T11:15:00Z"),
    endsAt: at("2022-01-05T18:00:00Z"),
    endPrecision: "EXACT",
    operators: [],
    regions: [],
    ...overrides,
  };
}

function incident(overrides: Partial<IncidentForHours>): IncidentForHours {
  return { scope: "NATIONAL", endsAt: null, endPrecision: null, operators: [], regions: [], phases: [], ...overrides };
}

describe("flattenIntervals", () => {
  it("counts overlapping phases once and gives the overlap to the more severe type", () => {
    const intervals: Interval[] = [
      { start: ms("2022-01-04T00:00:00Z"), end: ms("2022-01-06T00:00:00Z"), type: "SERVICE_BLOCKING" },
      { start: ms("2022-01-05T00:00:00Z"), end: ms("2022-01-05T12:00:00Z"), type: "FULL_BLACKOUT" },
      { start: ms("2022-01-05T06:00:00Z"), end: ms("2022-01-05T10:00:00Z"), type: "FULL_BLACKOUT" },
    ];
    const flat = flattenIntervals(intervals, at("2022-01-01T00:00:00Z"), at("2022-02-01T00:00:00Z"));
    expect(flat).toEqual([
      { start: ms("2022-01-04T00:00:00Z"), end: ms("2022-01-05T00:00:00Z"), type: "SERVICE_BLOCKING" },
      { start: ms("2022-01-05T00:00:00Z"), end: ms("2022-01-05T12:00:00Z"), type: "FULL_BLACKOUT" },
      { start: ms("2022-01-05T12:00:00Z"), end: ms("2022-01-06T00:00:00Z"), type: "SERVICE_BLOCKING" },
    ]);
    expect(totalDisruptionHours(intervals, at("2022-01-01T00:00:00Z"), at("2022-02-01T00:00:00Z"))).toBe(48);
  });

  it("clips to the period and leaves gaps between separate phases", () => {
    const intervals: Interval[] = [
      { start: ms("2021-12-31T20:00:00Z"), end: ms("2022-01-01T02:00:00Z"), type: "THROTTLING" },
      { start: ms("2022-01-01T05:00:00Z"), end: ms("2022-01-01T06:00:00Z"), type: "THROTTLING" },
    ];
    expect(totalDisruptionHours(intervals, at("2022-01-01T00:00:00Z"), at("2022-01-02T00:00:00Z"))).toBe(3);
  });

  it("is empty with no intervals or an empty period", () => {
    expect(flattenIntervals([], at("2022-01-01T00:00:00Z"), at("2022-02-01T00:00:00Z"))).toEqual([]);
    const one: Interval[] = [{ start: 0, end: 10, type: "THROTTLING" }];
    expect(flattenIntervals(one, at("2022-01-01T00:00:00Z"), at("2022-01-01T00:00:00Z"))).toEqual([]);
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

describe("disruptionHours", () => {
  it("splits a phase that crosses a Kazakhstan month boundary", () => {
    // 22:00 to 02:00 local time (UTC+6) across the New Year.
    const intervals: Interval[] = [{ start: ms("2021-12-31T16:00:00Z"), end: ms("2021-12-31T20:00:00Z"), type: "FULL_BLACKOUT" }];
    const buckets = disruptionHours(intervals, { from: at("2021-11-30T18:00:00Z"), to: at("2022-01-31T18:00:00Z"), granularity: "month" });
    expect(buckets.map((bucket) => [bucket.key, bucket.totalHours])).toEqual([
      ["2021-12", 2],
      ["2022-01", 2],
    ]);
    expect(buckets[1]!.hoursByType).toEqual({ FULL_BLACKOUT: 2 });
  });

  it("stacks by type and the stack adds up to the union", () => {
    const intervals: Interval[] = [
      { start: ms("2022-01-04T00:00:00Z"), end: ms("2022-01-06T00:00:00Z"), type: "SERVICE_BLOCKING" },
      { start: ms("2022-01-05T00:00:00Z"), end: ms("2022-01-05T12:00:00Z"), type: "FULL_BLACKOUT" },
    ];
    const [january] = disruptionHours(intervals, { from: at("2022-01-01T00:00:00Z"), to: at("2022-01-20T00:00:00Z"), granularity: "year" });
    expect(january!.hoursByType).toEqual({ SERVICE_BLOCKING: 36, FULL_BLACKOUT: 12 });
    expect(january!.totalHours).toBe(48);
  });
});

describe("phase attribution", () => {
  const now = at("2022-01-20T00:00:00Z");

  it("runs open phases to the incident's end, and an ongoing incident's to now", () => {
    const ended = incident({
      endsAt: at("2022-01-16T18:00:00Z"),
      endPrecision: "DAY",
      operators: ["kcell"],
      phases: [phase({ startsAt: at("2022-01-15T18:00:00Z"), endsAt: null, endPrecision: null })],
    });
    // A day-precision end covers that whole day: 15 Jan 18:00Z to 17 Jan 18:00Z.
    expect(operatorIntervals([ended], "kcell", now)).toEqual([{ start: ms("2022-01-15T18:00:00Z"), end: ms("2022-01-17T18:00:00Z"), type: "FULL_BLACKOUT" }]);

    const ongoing = incident({ operators: ["kcell"], phases: [phase({ startsAt: at("2022-01-19T00:00:00Z"), endsAt: null, endPrecision: null })] });
    expect(operatorIntervals([ongoing], "kcell", now)).toEqual([{ start: ms("2022-01-19T00:00:00Z"), end: now.getTime(), type: "FULL_BLACKOUT" }]);
  });

  it("uses the phase's operators, or the incident's when the phase names none", () => {
    const qantar = incident({
      operators: ["kcell", "beeline"],
      phases: [phase({ operators: ["beeline"] }), phase({ type: "SERVICE_BLOCKING" })],
    });
    expect(operatorIntervals([qantar], "kcell", now).map((interval) => interval.type)).toEqual(["SERVICE_BLOCKING"]);
    expect(operatorIntervals([qantar], "beeline", now)).toHaveLength(2);
    expect(operatorIntervals([qantar], "tele2-altel", now)).toEqual([]);
  });

  it("treats a nationwide phase without regions as affecting every region", () => {
    const national = incident({ regions: ["mangystau"], phases: [phase({}), phase({ regions: ["almaty-city"] })] });
    expect(regionIntervals([national], "pavlodar", now)).toHaveLength(1);
    expect(regionIntervals([national], "almaty-city", now)).toHaveLength(2);
    const regional = incident({ scope: "REGIONAL", regions: ["mangystau"], phases: [phase({})] });
    expect(regionIntervals([regional], "pavlodar", now)).toEqual([]);
    expect(regionIntervals([regional], "mangystau", now)).toHaveLength(1);
  });
});

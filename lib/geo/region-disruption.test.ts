import { describe, expect, it } from "vitest";
import type { PhaseForHours } from "@/lib/incidents/disruption-hours";
import { kazakhstanCalendarDay, regionHours, summarizeRegionFrames, type IncidentForFigures, type RegionFigures } from "./region-disruption";

const at = (iso: string) => new Date(iso);

function phase(overrides: Partial<PhaseForHours>): PhaseForHours {
  const endsAt = "endsAt" in overrides ? overrides.endsAt! : at("2022-01-05T10:00:00+06:00");
  return {
    type: "FULL_BLACKOUT",
    extent: "FULL",
    startsAt: at("2022-01-05T00:00:00+06:00"),
    endsAt,
    endPrecision: "EXACT",
    endStatus: endsAt ? "RECORDED" : "NOT_RECORDED",
    lastReportedOn: null,
    allOperators: false,
    operators: [],
    regions: [],
    ...overrides,
  };
}

function incident(overrides: Partial<IncidentForFigures>): IncidentForFigures {
  return { scope: "NATIONAL", endsAt: null, endPrecision: null, endStatus: "NOT_RECORDED", operators: [], regions: [], phases: [], ...overrides };
}

/** [full blackout, partial disruption, service blocking] hours. */
const hoursOf = (figures: RegionFigures | null | undefined) =>
  figures ? [figures.measures.full_blackout.hours, figures.measures.partial_disruption.hours, figures.measures.service_blocking.hours] : null;

const REGIONS = [
  { slug: "astana", establishedOn: null },
  { slug: "mangystau", establishedOn: null },
  { slug: "abai", establishedOn: at("2022-06-08T00:00:00+06:00") },
];

const JANUARY_AND_FEBRUARY = { from: at("2022-01-01T00:00:00+06:00"), to: at("2022-03-01T00:00:00+06:00"), zone: "local" as const, now: at("2026-01-01T00:00:00Z") };

describe("summarizeRegionFrames", () => {
  it("gives a nationwide phase that names no region to every region, and a named phase only to its regions", () => {
    const incidents = [
      incident({
        phases: [
          phase({}), // nationwide, 10 h on 5 January
          phase({ regions: ["mangystau"], startsAt: at("2022-01-02T00:00:00+06:00"), endsAt: at("2022-01-03T00:00:00+06:00") }),
        ],
      }),
    ];
    const [whole, january, february] = summarizeRegionFrames({ regions: REGIONS.slice(0, 2), incidents, ...JANUARY_AND_FEBRUARY });
    expect([whole!.key, january!.key, february!.key]).toEqual(["all", "2022-01", "2022-02"]);
    expect(whole!.figures.astana).toMatchObject({ count: 1, local: 0, incidents: [0], uncounted: 0 });
    expect(hoursOf(whole!.figures.astana)).toEqual([10, 0, 0]);
    // A full cut named for a region is that region's full blackout.
    expect(hoursOf(whole!.figures.mangystau)).toEqual([34, 0, 0]);
    expect(february!.figures.mangystau).toMatchObject({ count: 0, incidents: [] });
    expect(hoursOf(february!.figures.mangystau)).toEqual([0, 0, 0]);
  });

  it("counts regional incidents as local ones, overlaps once per measure, and keeps the measures apart", () => {
    const incidents = [
      incident({
        scope: "REGIONAL",
        regions: ["astana"],
        phases: [
          phase({}),
          phase({ type: "THROTTLING", startsAt: at("2022-01-05T05:00:00+06:00"), endsAt: at("2022-01-05T12:00:00+06:00") }),
          phase({ type: "SERVICE_BLOCKING", startsAt: at("2022-01-05T00:00:00+06:00"), endsAt: at("2022-01-06T00:00:00+06:00") }),
        ],
      }),
    ];
    const [whole] = summarizeRegionFrames({ regions: REGIONS.slice(0, 2), incidents, ...JANUARY_AND_FEBRUARY });
    expect(whole!.figures.astana).toMatchObject({ count: 1, local: 1, incidents: [0] });
    // 10 h full blackout; throttling only where there is no blackout (10:00–12:00); blocking on its own.
    expect(hoursOf(whole!.figures.astana)).toEqual([10, 2, 24]);
    expect(whole!.figures.mangystau).toMatchObject({ count: 0, incidents: [] });
  });

  it("splits an incident across the months it spans, an ongoing one running to now", () => {
    const incidents = [
      incident({ endStatus: "ONGOING", phases: [phase({ startsAt: at("2022-01-31T12:00:00+06:00"), endsAt: null, endStatus: "ONGOING" })] }),
    ];
    const [whole, january, february] = summarizeRegionFrames({ regions: REGIONS.slice(0, 1), incidents, ...JANUARY_AND_FEBRUARY });
    expect(january!.figures.astana).toMatchObject({ count: 1 });
    expect(hoursOf(january!.figures.astana)).toEqual([12, 0, 0]);
    expect(february!.figures.astana!.measures.full_blackout).toEqual({ hours: 28 * 24, onAndOffHours: 0, toNowHours: 28 * 24, toLastReportHours: 0 });
    expect(hoursOf(whole!.figures.astana)).toEqual([12 + 28 * 24, 0, 0]);
  });

  it("counts an end that is not recorded to its last report, or not at all, and says how many phases it left out", () => {
    const incidents = [
      incident({
        phases: [
          phase({ startsAt: at("2022-01-10T00:00:00+06:00"), endsAt: null, lastReportedOn: at("2022-01-11T00:00:00Z") }),
          phase({ startsAt: at("2022-02-10T00:00:00+06:00"), endsAt: null }),
        ],
      }),
    ];
    const [whole, january, february] = summarizeRegionFrames({ regions: REGIONS.slice(0, 1), incidents, ...JANUARY_AND_FEBRUARY });
    expect(january!.figures.astana!.measures.full_blackout).toMatchObject({ hours: 48, toLastReportHours: 48 });
    expect(february!.figures.astana).toMatchObject({ count: 1, uncounted: 1 });
    expect(hoursOf(february!.figures.astana)).toEqual([0, 0, 0]);
    expect(whole!.figures.astana).toMatchObject({ count: 1, uncounted: 1 });
  });

  it("has no figures for a region before it was formed, and counts it only from then", () => {
    const incidents = [incident({ phases: [phase({ startsAt: at("2022-06-01T00:00:00+06:00"), endsAt: at("2022-06-11T00:00:00+06:00") })] })];
    const frames = summarizeRegionFrames({
      regions: REGIONS,
      incidents,
      from: at("2022-05-01T00:00:00+06:00"),
      to: at("2022-07-01T00:00:00+06:00"),
      zone: "local",
      now: at("2026-01-01T00:00:00Z"),
    });
    const byKey = Object.fromEntries(frames.map((frame) => [frame.key, frame]));
    expect(byKey["2022-05"]!.figures.abai).toBeNull();
    expect(byKey["2022-06"]!.figures.abai).toMatchObject({ count: 1, local: 0, incidents: [0] });
    expect(hoursOf(byKey["2022-06"]!.figures.abai)).toEqual([3 * 24, 0, 0]);
    expect(hoursOf(byKey["2022-06"]!.figures.astana)).toEqual([10 * 24, 0, 0]);
    expect(hoursOf(byKey.all!.figures.abai)).toEqual([3 * 24, 0, 0]);
    // The API's region figures follow the same rule.
    const abai = regionHours({ region: REGIONS[2]!, incidents, from: at("2022-05-01T00:00:00+06:00"), to: at("2022-07-01T00:00:00+06:00"), granularity: "month", zone: "local", now: at("2026-01-01T00:00:00Z") });
    expect(abai.totals.full_blackout.hours).toBe(3 * 24);
    expect(abai.buckets.map((bucket) => [bucket.key, bucket.measures.full_blackout.hours])).toEqual([
      ["2022-05", 0],
      ["2022-06", 72],
    ]);
  });

  it("clips the first and last months to the period and names its calendar days", () => {
    const frames = summarizeRegionFrames({
      regions: REGIONS.slice(0, 1),
      incidents: [],
      from: at("2022-01-15T00:00:00+06:00"),
      to: at("2022-02-11T00:00:00+06:00"),
      zone: "local",
      now: at("2026-01-01T00:00:00Z"),
    });
    expect(frames.map((frame) => [frame.key, frame.fromDay, frame.toDay])).toEqual([
      ["all", "2022-01-15", "2022-02-10"],
      ["2022-01", "2022-01-15", "2022-01-31"],
      ["2022-02", "2022-02-01", "2022-02-10"],
    ]);
    expect(frames[1]!.figures.astana).toMatchObject({ count: 0, local: 0, incidents: [], uncounted: 0 });
  });

  it("is empty for an empty period", () => {
    const instant = at("2022-01-01T00:00:00Z");
    expect(summarizeRegionFrames({ regions: REGIONS, incidents: [], from: instant, to: instant, zone: "local", now: instant })).toEqual([]);
  });

  it("names Kazakhstan calendar days, UTC+5 since March 2024", () => {
    expect(kazakhstanCalendarDay(at("2022-01-31T18:30:00Z"))).toBe("2022-02-01");
    expect(kazakhstanCalendarDay(at("2024-03-31T18:30:00Z"))).toBe("2024-03-31");
  });
});

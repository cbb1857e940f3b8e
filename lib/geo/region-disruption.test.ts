import { describe, expect, it } from "vitest";
import type { PhaseForHours } from "@/lib/incidents/disruption-hours";
import { kazakhstanCalendarDay, summarizeRegionFrames, type IncidentForFigures } from "./region-disruption";

const at = (iso: string) => new Date(iso);

function phase(overrides: Partial<PhaseForHours>): PhaseForHours {
  return {
    type: "FULL_BLACKOUT",
    startsAt: at("2022-01-05T00:00:00+06:00"),
    endsAt: at("2022-01-05T10:00:00+06:00"),
    endPrecision: "EXACT",
    operators: [],
    regions: [],
    ...overrides,
  };
}

function incident(overrides: Partial<IncidentForFigures>): IncidentForFigures {
  return { scope: "NATIONAL", endsAt: null, endPrecision: null, operators: [], regions: [], phases: [], ...overrides };
}

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
    expect(whole!.figures.astana).toEqual({ count: 1, local: 0, hours: 10, incidents: [0] });
    expect(whole!.figures.mangystau).toEqual({ count: 1, local: 0, hours: 34, incidents: [0] });
    expect(february!.figures.mangystau).toEqual({ count: 0, local: 0, hours: 0, incidents: [] });
  });

  it("counts regional incidents as local ones, and overlapping phases once", () => {
    const incidents = [
      incident({
        scope: "REGIONAL",
        regions: ["astana"],
        phases: [phase({}), phase({ type: "THROTTLING", startsAt: at("2022-01-05T05:00:00+06:00"), endsAt: at("2022-01-05T12:00:00+06:00") })],
      }),
    ];
    const [whole] = summarizeRegionFrames({ regions: REGIONS.slice(0, 2), incidents, ...JANUARY_AND_FEBRUARY });
    expect(whole!.figures.astana).toEqual({ count: 1, local: 1, hours: 12, incidents: [0] });
    expect(whole!.figures.mangystau).toEqual({ count: 0, local: 0, hours: 0, incidents: [] });
  });

  it("splits an incident across the months it spans, an ongoing one running to now", () => {
    const incidents = [incident({ phases: [phase({ startsAt: at("2022-01-31T12:00:00+06:00"), endsAt: null })] })];
    const [whole, january, february] = summarizeRegionFrames({ regions: REGIONS.slice(0, 1), incidents, ...JANUARY_AND_FEBRUARY });
    expect(january!.figures.astana).toMatchObject({ count: 1, hours: 12 });
    expect(february!.figures.astana).toMatchObject({ count: 1, hours: 28 * 24 });
    expect(whole!.figures.astana).toMatchObject({ count: 1, hours: 12 + 28 * 24 });
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
    expect(byKey["2022-06"]!.figures.abai).toEqual({ count: 1, local: 0, hours: 3 * 24, incidents: [0] });
    expect(byKey["2022-06"]!.figures.astana).toMatchObject({ hours: 10 * 24 });
    expect(byKey.all!.figures.abai).toMatchObject({ hours: 3 * 24 });
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
    expect(frames[1]!.figures.astana).toEqual({ count: 0, local: 0, hours: 0, incidents: [] });
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

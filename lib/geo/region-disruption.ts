import type { IncidentScope } from "@/lib/generated/prisma/enums";
import {
  calendarBuckets,
  figuresOfSegments,
  measureSegments,
  regionPhases,
  roundFigures,
  type CountedPhase,
  type Granularity,
  type HoursBucket,
  type IncidentForHours,
  type MeasureFigures,
  type Segment,
} from "@/lib/incidents/disruption-hours";
import { KAZAKHSTAN_TIME_ZONE, type ZoneChoice } from "@/lib/time/format";

/**
 * Per-region figures for the map: for the whole period and for each calendar
 * month in it, how many incidents touched each region and the hours of each
 * measure. The rules are those of lib/incidents/disruption-hours.ts (a
 * nationwide phase counts in every region; a regional phase only in the
 * regions it names; overlaps count once per measure), plus one of the map's
 * own: a region formed during the period (Shymkent 2018; Abai, Jetisu, Ulytau
 * 2022) is counted only from the day it was formed, and has no figures for
 * windows that end before then.
 */

export type RegionForFigures = { slug: string; establishedOn: Date | null };

export type IncidentForFigures = IncidentForHours & { scope: IncidentScope };

export type RegionFigures = {
  /** Incidents with a phase affecting the region in the window (counted, or starting in it). */
  count: number;
  /** Of those, incidents that were not nationwide (drawn as markers). */
  local: number;
  /** Hours of each measure in the window, to a tenth of an hour. */
  measures: MeasureFigures;
  /** Phases affecting the region that start in the window but are not counted (no end recorded, no last report). */
  uncounted: number;
  /** Indexes into the incidents given, in their order. */
  incidents: number[];
};

export type RegionFrame = {
  /** "all" for the whole period, else the month as "YYYY-MM". */
  key: string;
  from: Date;
  /** Exclusive. */
  to: Date;
  /** Kazakhstan calendar days the window covers, inclusive ("YYYY-MM-DD"), for links to the list. */
  fromDay: string;
  toDay: string;
  /** Per region slug; null when the region did not exist yet during the window. */
  figures: Record<string, RegionFigures | null>;
};

const kazakhstanDay = new Intl.DateTimeFormat("en-CA", { timeZone: KAZAKHSTAN_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The Kazakhstan calendar day of an instant, as "YYYY-MM-DD". */
export function kazakhstanCalendarDay(instant: Date): string {
  return kazakhstanDay.format(instant);
}

type RegionCounts = { phases: CountedPhase<IncidentForFigures>[]; incidentIndex: Map<IncidentForFigures, number>; segments: Segment[] };

function figuresIn(counts: RegionCounts, from: Date, to: Date, scopes: IncidentScope[]): RegionFigures {
  const lower = from.getTime();
  const upper = to.getTime();
  const touched = new Set<number>();
  let uncounted = 0;
  for (const counted of counts.phases) {
    const index = counts.incidentIndex.get(counted.incident)!;
    if (counted.interval) {
      if (counted.interval.start < upper && counted.interval.end > lower) touched.add(index);
    } else {
      const start = counted.phase.startsAt.getTime();
      if (start >= lower && start < upper) {
        touched.add(index);
        uncounted += 1;
      }
    }
  }
  const incidents = [...touched].sort((a, b) => a - b);
  return {
    count: incidents.length,
    local: incidents.filter((index) => scopes[index] !== "NATIONAL").length,
    measures: roundFigures(figuresOfSegments(counts.segments, lower, upper)),
    uncounted,
    incidents,
  };
}

/** Figures per region for [from, to) as a whole ("all") and for each calendar month in it. */
export function summarizeRegionFrames(options: {
  regions: RegionForFigures[];
  incidents: IncidentForFigures[];
  from: Date;
  to: Date;
  zone: ZoneChoice;
  now: Date;
}): RegionFrame[] {
  const { regions, incidents, from, to, zone, now } = options;
  if (!(to > from)) return [];
  const scopes = incidents.map((incident) => incident.scope);
  const incidentIndex = new Map(incidents.map((incident, index) => [incident, index]));
  const countsByRegion = new Map(
    regions.map((region) => {
      const phases = regionPhases(incidents, region.slug, now);
      // A region formed during the period is counted from the day it was formed.
      const start = region.establishedOn && region.establishedOn > from ? region.establishedOn : from;
      const intervals = phases.flatMap((counted) => (counted.interval ? [counted.interval] : []));
      return [region.slug, { phases, incidentIndex, segments: measureSegments(intervals, start, to) }];
    }),
  );
  const windows = [
    { key: "all", start: from, end: to },
    ...calendarBuckets(from, to, "month", zone).map((bucket) => ({
      key: bucket.key,
      start: bucket.start > from ? bucket.start : from,
      end: bucket.end < to ? bucket.end : to,
    })),
  ];
  return windows.map((window) => {
    const figures: Record<string, RegionFigures | null> = {};
    for (const region of regions) {
      const start = region.establishedOn && region.establishedOn > window.start ? region.establishedOn : window.start;
      figures[region.slug] = start < window.end ? figuresIn(countsByRegion.get(region.slug)!, start, window.end, scopes) : null;
    }
    return {
      key: window.key,
      from: window.start,
      to: window.end,
      fromDay: kazakhstanCalendarDay(window.start),
      toDay: kazakhstanCalendarDay(new Date(window.end.getTime() - 1)),
      figures,
    };
  });
}

/**
 * One region's hours per calendar month or year over [from, to), with the
 * phases that count for it: what the API's region figures are. Counted from
 * the day the region was formed, as on the map.
 */
export function regionHours(options: {
  region: RegionForFigures;
  incidents: IncidentForFigures[];
  from: Date;
  to: Date;
  granularity: Granularity;
  zone: ZoneChoice;
  now: Date;
}): { countedFrom: Date; buckets: HoursBucket[]; totals: MeasureFigures; phases: CountedPhase<IncidentForFigures>[] } {
  const { region, incidents, from, to, now } = options;
  const countedFrom = region.establishedOn && region.establishedOn > from ? region.establishedOn : from;
  const phases = regionPhases(incidents, region.slug, now);
  const intervals = phases.flatMap((counted) => (counted.interval ? [counted.interval] : []));
  const start = countedFrom < to ? countedFrom : to;
  const segments = measureSegments(intervals, start, to);
  const buckets = calendarBuckets(from, to, options.granularity, options.zone).map((bucket) => ({
    ...bucket,
    measures: roundFigures(figuresOfSegments(segments, Math.max(bucket.start.getTime(), from.getTime()), Math.min(bucket.end.getTime(), to.getTime()))),
  }));
  return { countedFrom, buckets, totals: roundFigures(figuresOfSegments(segments, from.getTime(), to.getTime())), phases };
}

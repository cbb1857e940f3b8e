import type { IncidentScope } from "@/lib/generated/prisma/enums";
import { calendarBuckets, regionIntervals, totalDisruptionHours, type IncidentForHours, type Interval } from "@/lib/incidents/disruption-hours";
import { KAZAKHSTAN_TIME_ZONE, type ZoneChoice } from "@/lib/time/format";

/**
 * Per-region figures for the map: for the whole period and for each calendar
 * month in it, how many incidents touched each region and for how many
 * disruption-hours. The rules are those of lib/incidents/disruption-hours.ts
 * (a nationwide phase that names no region affects every region; overlaps
 * count once), plus one of the map's own: a region formed during the period
 * (Shymkent 2018; Abai, Jetisu, Ulytau 2022) is counted only from the day it
 * was formed, and has no figures for windows that end before then.
 */

export type RegionForFigures = { slug: string; establishedOn: Date | null };

export type IncidentForFigures = IncidentForHours & { scope: IncidentScope };

export type RegionFigures = {
  /** Incidents with a phase affecting the region in the window. */
  count: number;
  /** Of those, incidents that were not nationwide (drawn as markers). */
  local: number;
  /** Disruption-hours in the window, overlaps counted once. */
  hours: number;
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

function figuresIn(perIncident: Interval[][], all: Interval[], from: Date, to: Date, scopes: IncidentScope[]): RegionFigures {
  const lower = from.getTime();
  const upper = to.getTime();
  const incidents = perIncident.flatMap((intervals, index) =>
    intervals.some((interval) => interval.start < upper && interval.end > lower) ? [index] : [],
  );
  return {
    count: incidents.length,
    local: incidents.filter((index) => scopes[index] !== "NATIONAL").length,
    hours: Math.round(totalDisruptionHours(all, from, to) * 10) / 10,
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
  const intervalsByRegion = new Map(
    regions.map((region) => {
      const perIncident = incidents.map((incident) => regionIntervals([incident], region.slug, now));
      return [region.slug, { perIncident, all: perIncident.flat() }];
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
      const { perIncident, all } = intervalsByRegion.get(region.slug)!;
      figures[region.slug] = start < window.end ? figuresIn(perIncident, all, start, window.end, scopes) : null;
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

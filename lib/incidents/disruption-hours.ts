import type { DisruptionType, IncidentScope, TimePrecision } from "@/lib/generated/prisma/enums";
import { effectiveEnd, kazakhstanDayStart, type ZoneChoice } from "@/lib/time/format";

/**
 * Disruption-hours: how long a set of incident phases kept an operator (or a
 * region) disrupted, per calendar month or year.
 *
 * Rules, so every view counts the same way:
 * - A phase affects the operators it names; a phase that names none affects
 *   the incident's operators. Likewise for regions, except that a phase of a
 *   nationwide incident that names no region affects every region.
 * - A phase without an end runs to the incident's end, and an ongoing
 *   incident's open phases run to "now". Ends known only to the day cover
 *   that whole day (as on the incident page).
 * - Overlapping phases are counted once: each moment goes to the most severe
 *   type active then (the order of DISRUPTION_SEVERITY), so the stacked bars
 *   add up to the hours with any disruption.
 * - Months and years are Kazakhstan calendar periods (UTC+6 until March 2024,
 *   UTC+5 since), or UTC ones when asked.
 */

/** Most severe first: the enum's order. */
export const DISRUPTION_SEVERITY: readonly DisruptionType[] = [
  "FULL_BLACKOUT",
  "MOBILE_DATA_SHUTDOWN",
  "FIXED_BROADBAND_SHUTDOWN",
  "THROTTLING",
  "SERVICE_BLOCKING",
  "WEBSITE_BLOCKING",
];

const HOUR = 3_600_000;

/** The fields of a published incident and its phases the computation reads. */
export type PhaseForHours = {
  type: DisruptionType;
  startsAt: Date;
  endsAt: Date | null;
  endPrecision: TimePrecision | null;
  operators: string[];
  regions: string[];
};

export type IncidentForHours = {
  scope: IncidentScope;
  endsAt: Date | null;
  endPrecision: TimePrecision | null;
  operators: string[];
  regions: string[];
  phases: PhaseForHours[];
};

/** A stretch of time with one disruption type, as milliseconds since the epoch [start, end). */
export type Interval = { start: number; end: number; type: DisruptionType };

/** Where a phase ends, following the rules above. */
export function phaseEnd(phase: PhaseForHours, incident: IncidentForHours, now: Date): number {
  if (phase.endsAt) return effectiveEnd(phase.endsAt, phase.endPrecision).getTime();
  if (incident.endsAt) return effectiveEnd(incident.endsAt, incident.endPrecision).getTime();
  return now.getTime();
}

/** The operators a phase affects. */
export function phaseOperators(phase: PhaseForHours, incident: IncidentForHours): string[] {
  return phase.operators.length > 0 ? phase.operators : incident.operators;
}

/** The regions a phase affects, or "all" for a nationwide phase. */
export function phaseRegions(phase: PhaseForHours, incident: IncidentForHours): string[] | "all" {
  if (phase.regions.length > 0) return phase.regions;
  if (incident.scope === "NATIONAL") return "all";
  return incident.regions;
}

/** The phases' intervals that the predicate keeps (e.g. "names Kcell"). */
export function intervalsOf(
  incidents: IncidentForHours[],
  keep: (phase: PhaseForHours, incident: IncidentForHours) => boolean,
  now: Date,
): Interval[] {
  const intervals: Interval[] = [];
  for (const incident of incidents) {
    for (const phase of incident.phases) {
      if (!keep(phase, incident)) continue;
      const start = phase.startsAt.getTime();
      const end = phaseEnd(phase, incident, now);
      if (end > start) intervals.push({ start, end, type: phase.type });
    }
  }
  return intervals;
}

export const operatorIntervals = (incidents: IncidentForHours[], operator: string, now: Date) =>
  intervalsOf(incidents, (phase, incident) => phaseOperators(phase, incident).includes(operator), now);

export const regionIntervals = (incidents: IncidentForHours[], region: string, now: Date) =>
  intervalsOf(
    incidents,
    (phase, incident) => {
      const regions = phaseRegions(phase, incident);
      return regions === "all" || regions.includes(region);
    },
    now,
  );

export type Granularity = "month" | "year";

export type HoursBucket = {
  /** "2022-01" for a month, "2022" for a year. */
  key: string;
  start: Date;
  end: Date;
  hoursByType: Partial<Record<DisruptionType, number>>;
  totalHours: number;
};

function periodStart(year: number, month: number, zone: ZoneChoice): Date {
  return zone === "utc" ? new Date(Date.UTC(year, month - 1, 1)) : kazakhstanDayStart(year, month, 1);
}

function calendarOf(instant: Date, zone: ZoneChoice): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat("en", {
    timeZone: zone === "utc" ? "UTC" : "Asia/Almaty",
    year: "numeric",
    month: "numeric",
  }).formatToParts(instant);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return { year: value("year"), month: value("month") };
}

/** The calendar months or years that cover [from, to). */
export function calendarBuckets(from: Date, to: Date, granularity: Granularity, zone: ZoneChoice = "local"): { key: string; start: Date; end: Date }[] {
  const buckets: { key: string; start: Date; end: Date }[] = [];
  if (!(to > from)) return buckets;
  let { year, month } = calendarOf(from, zone);
  if (granularity === "year") month = 1;
  for (;;) {
    const start = periodStart(year, month, zone);
    if (start >= to) break;
    const next = granularity === "year" ? { year: year + 1, month: 1 } : month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
    const end = periodStart(next.year, next.month, zone);
    const key = granularity === "year" ? String(year) : `${year}-${String(month).padStart(2, "0")}`;
    buckets.push({ key, start, end });
    ({ year, month } = next);
  }
  return buckets;
}

/**
 * Union of the intervals, each moment given to the most severe type active
 * then, clipped to [from, to): a list of non-overlapping intervals.
 */
export function flattenIntervals(intervals: Interval[], from: Date, to: Date): Interval[] {
  const lower = from.getTime();
  const upper = to.getTime();
  const events: { at: number; type: DisruptionType; delta: 1 | -1 }[] = [];
  for (const interval of intervals) {
    const start = Math.max(interval.start, lower);
    const end = Math.min(interval.end, upper);
    if (end <= start) continue;
    events.push({ at: start, type: interval.type, delta: 1 }, { at: end, type: interval.type, delta: -1 });
  }
  events.sort((a, b) => a.at - b.at);
  const active = new Map<DisruptionType, number>();
  const flat: Interval[] = [];
  let cursor = -Infinity;
  let index = 0;
  while (index < events.length) {
    const at = events[index]!.at;
    const current = DISRUPTION_SEVERITY.find((type) => (active.get(type) ?? 0) > 0);
    if (current && at > cursor) {
      const last = flat.at(-1);
      if (last && last.type === current && last.end === cursor) last.end = at;
      else flat.push({ start: cursor, end: at, type: current });
    }
    while (index < events.length && events[index]!.at === at) {
      const event = events[index]!;
      active.set(event.type, (active.get(event.type) ?? 0) + event.delta);
      index += 1;
    }
    cursor = at;
  }
  return flat;
}

/** Disruption-hours per calendar month or year over [from, to), by type. */
export function disruptionHours(
  intervals: Interval[],
  options: { from: Date; to: Date; granularity: Granularity; zone?: ZoneChoice },
): HoursBucket[] {
  const buckets = calendarBuckets(options.from, options.to, options.granularity, options.zone);
  if (buckets.length === 0) return [];
  const flat = flattenIntervals(intervals, options.from, options.to);
  return buckets.map((bucket) => {
    const hoursByType: Partial<Record<DisruptionType, number>> = {};
    let totalHours = 0;
    const start = Math.max(bucket.start.getTime(), options.from.getTime());
    const end = Math.min(bucket.end.getTime(), options.to.getTime());
    for (const interval of flat) {
      const overlap = Math.min(interval.end, end) - Math.max(interval.start, start);
      if (overlap <= 0) continue;
      const hours = overlap / HOUR;
      hoursByType[interval.type] = (hoursByType[interval.type] ?? 0) + hours;
      totalHours += hours;
    }
    return { ...bucket, hoursByType, totalHours };
  });
}

/** Total disruption-hours over [from, to), overlaps counted once. */
export function totalDisruptionHours(intervals: Interval[], from: Date, to: Date): number {
  return flattenIntervals(intervals, from, to).reduce((sum, interval) => sum + (interval.end - interval.start) / HOUR, 0);
}

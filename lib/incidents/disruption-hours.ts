import type { DisruptionType, EndStatus, IncidentScope, PhaseExtent, TimePrecision } from "@/lib/generated/prisma/enums";
import { effectiveEnd, kazakhstanDayStart, type ZoneChoice } from "@/lib/time/format";
import { dateTimeFormat } from "@/lib/time/intl-formats";

/**
 * Disruption-hours: how long the published phases kept an operator (or a
 * region) disrupted, per calendar month or year, as separate measures. Every
 * figure the site, its downloads, cards and API give comes from here, so that
 * they agree. Decision 0013 explains the rules; in short:
 *
 * - Measures, never summed into one figure:
 *   - full_blackout: a FULL_BLACKOUT phase of FULL extent covering the whole
 *     entity (for an operator: nationwide; for a region: that region, or
 *     nationwide);
 *   - partial_disruption: every other network disruption — mobile-only or
 *     fixed-only shutdowns, throttling, cuts of partial or on-and-off extent,
 *     and (for an operator) cuts limited to some regions — minus the hours
 *     already counted as full blackout, so the two stack into "hours with any
 *     network disruption";
 *   - service_blocking: services or websites blocked or throttled; counted on
 *     its own (the network may have been up or down at the time), never stacked
 *     with the two above.
 * - Attribution: a phase counts for an operator it names, or for every
 *   operator of its incident when it is marked `allOperators` (an inferred
 *   attribution); a phase naming neither counts for no operator. It counts for
 *   the regions it names; naming none, for every region when the incident is
 *   nationwide, else for the incident's regions.
 * - Ends (countedEnd): a recorded end (a DAY end covers that day); an ongoing
 *   phase to now; an end not recorded to the end of the last day a source
 *   reports it, or — without one — not at all. Hours counted to now or to a
 *   last report are reported as such.
 * - Within a measure, overlapping phases count once; an hour is "on and off"
 *   when every phase counting it is intermittent.
 * - Months and years are Kazakhstan calendar periods (UTC+6 until March 2024,
 *   UTC+5 since), or UTC ones when asked.
 */

/** Most severe first: the enum's order (the timeline draws in this order). */
export const DISRUPTION_SEVERITY: readonly DisruptionType[] = [
  "FULL_BLACKOUT",
  "MOBILE_DATA_SHUTDOWN",
  "FIXED_BROADBAND_SHUTDOWN",
  "THROTTLING",
  "SERVICE_BLOCKING",
  "WEBSITE_BLOCKING",
];

export const MEASURES = ["full_blackout", "partial_disruption", "service_blocking"] as const;
export type Measure = (typeof MEASURES)[number];
/** The measures that may be stacked: together they are the hours with any network disruption. */
export const NETWORK_MEASURES: readonly Measure[] = ["full_blackout", "partial_disruption"];

/** Whose figures: an operator's network (nationwide), a region, or the whole country (as an operator's, without attribution). */
export type Entity = "operator" | "region" | "country";

const HOUR = 3_600_000;
const BLOCKING_TYPES: ReadonlySet<DisruptionType> = new Set(["SERVICE_BLOCKING", "WEBSITE_BLOCKING"]);

/** The fields of a published phase the computation reads. */
export type PhaseForHours = {
  type: DisruptionType;
  extent: PhaseExtent;
  startsAt: Date;
  endsAt: Date | null;
  endPrecision: TimePrecision | null;
  endStatus: EndStatus;
  /** A calendar date (midnight UTC): the last Kazakhstan day a source reports the phase. */
  lastReportedOn: Date | null;
  allOperators: boolean;
  operators: string[];
  regions: string[];
};

export type IncidentForHours = {
  scope: IncidentScope;
  endsAt: Date | null;
  endPrecision: TimePrecision | null;
  endStatus: EndStatus;
  operators: string[];
  regions: string[];
  phases: PhaseForHours[];
};

/** How a counted end was reached: a recorded end, "now" (ongoing), or the last day a source reports it. */
export type EndKind = "recorded" | "ongoing" | "last_report";

export type CountedEnd = { at: Date; kind: EndKind };

/** The start of the Kazakhstan day after a calendar date (stored as midnight UTC). */
export function dayAfterCalendarDate(date: Date): Date {
  return kazakhstanDayStart(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate() + 1);
}

/**
 * The one end rule: where a phase (or incident) is counted to, or null when
 * it is not counted at all (an end not recorded and no last report).
 */
export function countedEnd(
  period: { endsAt: Date | null; endPrecision: TimePrecision | null; endStatus: EndStatus; lastReportedOn?: Date | null },
  now: Date,
): CountedEnd | null {
  if (period.endStatus === "RECORDED") return period.endsAt ? { at: effectiveEnd(period.endsAt, period.endPrecision), kind: "recorded" } : null;
  if (period.endStatus === "ONGOING") return { at: now, kind: "ongoing" };
  return period.lastReportedOn ? { at: dayAfterCalendarDate(period.lastReportedOn), kind: "last_report" } : null;
}

/** How a phase is attributed to an operator: it names the operator, or it affects all of the incident's operators (inferred). */
export type OperatorAttribution = "named" | "all_operators";

export function operatorAttribution(phase: PhaseForHours, incident: IncidentForHours, operator: string): OperatorAttribution | null {
  if (phase.operators.includes(operator)) return "named";
  if (phase.allOperators && incident.operators.includes(operator)) return "all_operators";
  return null;
}

/** The operators a phase counts for. */
export function phaseOperators(phase: PhaseForHours, incident: IncidentForHours): string[] {
  return phase.allOperators ? [...new Set([...phase.operators, ...incident.operators])] : phase.operators;
}

/** Whether a phase covers the whole country: it names no region and its incident is nationwide. */
export function phaseIsNationwide(phase: Pick<PhaseForHours, "regions">, incident: Pick<IncidentForHours, "scope">): boolean {
  return phase.regions.length === 0 && incident.scope === "NATIONAL";
}

/** The regions a phase affects, or "all" for a nationwide phase. */
export function phaseRegions(phase: PhaseForHours, incident: IncidentForHours): string[] | "all" {
  if (phase.regions.length > 0) return phase.regions;
  if (incident.scope === "NATIONAL") return "all";
  return incident.regions;
}

/** The measure a phase's hours go to, for an operator or for a region. */
export function phaseMeasure(phase: PhaseForHours, incident: IncidentForHours, entity: Entity): Measure {
  if (BLOCKING_TYPES.has(phase.type)) return "service_blocking";
  if (phase.type === "FULL_BLACKOUT" && phase.extent === "FULL" && (entity === "region" || phaseIsNationwide(phase, incident))) return "full_blackout";
  return "partial_disruption";
}

/** A stretch of one phase, as milliseconds since the epoch [start, end). */
export type Interval = { start: number; end: number; measure: Measure; type: DisruptionType; endKind: EndKind; onAndOff: boolean };

/** One phase as it counts for an entity: its measure, where it is counted to, and its interval (null when not counted). */
export type CountedPhase<I extends IncidentForHours = IncidentForHours> = {
  incident: I;
  phase: I["phases"][number];
  /** 1-based, in the incident's order. */
  number: number;
  measure: Measure;
  end: CountedEnd | null;
  interval: Interval | null;
};

function countPhase<I extends IncidentForHours>(incident: I, phase: I["phases"][number], index: number, entity: Entity, now: Date): CountedPhase<I> {
  const measure = phaseMeasure(phase, incident, entity);
  const end = countedEnd(phase, now);
  const start = phase.startsAt.getTime();
  const interval =
    end && end.at.getTime() > start
      ? { start, end: end.at.getTime(), measure, type: phase.type, endKind: end.kind, onAndOff: phase.extent === "INTERMITTENT" }
      : null;
  return { incident, phase, number: index + 1, measure, end, interval };
}

/** The phases that count for an operator, with how each is attributed. */
export function operatorPhases<I extends IncidentForHours>(
  incidents: I[],
  operator: string,
  now: Date,
): (CountedPhase<I> & { attribution: OperatorAttribution })[] {
  return incidents.flatMap((incident) =>
    incident.phases.flatMap((phase, index) => {
      const attribution = operatorAttribution(phase, incident, operator);
      return attribution ? [{ ...countPhase(incident, phase, index, "operator", now), attribution }] : [];
    }),
  );
}

/** The phases that count for a region. */
export function regionPhases<I extends IncidentForHours>(incidents: I[], region: string, now: Date): CountedPhase<I>[] {
  return incidents.flatMap((incident) =>
    incident.phases.flatMap((phase, index) => {
      const regions = phaseRegions(phase, incident);
      return regions === "all" || regions.includes(region) ? [countPhase(incident, phase, index, "region", now)] : [];
    }),
  );
}

/** Every phase counted for the whole country: a cut limited to some regions is a partial disruption of the country. */
export function countryPhases<I extends IncidentForHours>(incidents: I[], now: Date): CountedPhase<I>[] {
  return incidents.flatMap((incident) => incident.phases.map((phase, index) => countPhase(incident, phase, index, "country", now)));
}

export const intervalsOf = (phases: CountedPhase[]): Interval[] => phases.flatMap((counted) => (counted.interval ? [counted.interval] : []));

export const operatorIntervals = (incidents: IncidentForHours[], operator: string, now: Date) => intervalsOf(operatorPhases(incidents, operator, now));
export const regionIntervals = (incidents: IncidentForHours[], region: string, now: Date) => intervalsOf(regionPhases(incidents, region, now));

/** A stretch of time counted once in one measure. */
export type Segment = { start: number; end: number; measure: Measure; endKind: EndKind; onAndOff: boolean };

const END_KIND_ORDER: EndKind[] = ["recorded", "ongoing", "last_report"];

/**
 * Per measure, the moments counted, each once, clipped to [from, to): full
 * blackout; partial disruption where there is no full blackout; service
 * blocking. A segment's end kind is the firmest of the phases active then
 * (a recorded end beats "to now", which beats "to the last report").
 */
export function measureSegments(intervals: Interval[], from: Date, to: Date): Segment[] {
  const lower = from.getTime();
  const upper = to.getTime();
  const clipped = intervals
    .map((interval) => ({ ...interval, start: Math.max(interval.start, lower), end: Math.min(interval.end, upper) }))
    .filter((interval) => interval.end > interval.start);
  // A sweep over starts and ends: between two consecutive instants the set of active intervals is constant.
  const events = clipped.flatMap((interval) => [
    { at: interval.start, interval, opens: true },
    { at: interval.end, interval, opens: false },
  ]);
  events.sort((a, b) => a.at - b.at);
  const segments: Segment[] = [];
  const last = new Map<Measure, Segment>();
  const active = new Set<Interval>();
  for (let index = 0; index < events.length; ) {
    const start = events[index]!.at;
    while (index < events.length && events[index]!.at === start) {
      const event = events[index]!;
      if (event.opens) active.add(event.interval);
      else active.delete(event.interval);
      index += 1;
    }
    if (index >= events.length || active.size === 0) continue;
    const end = events[index]!.at;
    emit(start, end, [...active]);
  }
  return segments;

  function emit(start: number, end: number, active: Interval[]) {
    const fullActive = active.some((interval) => interval.measure === "full_blackout");
    for (const measure of MEASURES) {
      if (measure === "partial_disruption" && fullActive) continue;
      const mine = active.filter((interval) => interval.measure === measure);
      if (mine.length === 0) continue;
      const endKind = END_KIND_ORDER.find((kind) => mine.some((interval) => interval.endKind === kind))!;
      const onAndOff = mine.every((interval) => interval.onAndOff);
      const previous = last.get(measure);
      if (previous && previous.end === start && previous.endKind === endKind && previous.onAndOff === onAndOff) {
        previous.end = end;
      } else {
        const segment = { start, end, measure, endKind, onAndOff };
        segments.push(segment);
        last.set(measure, segment);
      }
    }
  }
}

/** One measure's hours, and how many of them rest on an open end or come and go. */
export type MeasureFigure = {
  hours: number;
  /** Of `hours`: when every phase counting them was intermittent (the whole on-and-off window counts). */
  onAndOffHours: number;
  /** Of `hours`: counted to now, from phases staff say are ongoing. */
  toNowHours: number;
  /** Of `hours`: counted to the last day a source reports a phase whose end is not recorded. */
  toLastReportHours: number;
};

export type MeasureFigures = Record<Measure, MeasureFigure>;

const emptyFigure = (): MeasureFigure => ({ hours: 0, onAndOffHours: 0, toNowHours: 0, toLastReportHours: 0 });
export const emptyFigures = (): MeasureFigures => ({ full_blackout: emptyFigure(), partial_disruption: emptyFigure(), service_blocking: emptyFigure() });

/** The figures of segments within [start, end). */
export function figuresOfSegments(segments: Segment[], start: number, end: number): MeasureFigures {
  const figures = emptyFigures();
  for (const segment of segments) {
    const overlap = Math.min(segment.end, end) - Math.max(segment.start, start);
    if (overlap <= 0) continue;
    const hours = overlap / HOUR;
    const figure = figures[segment.measure];
    figure.hours += hours;
    if (segment.onAndOff) figure.onAndOffHours += hours;
    if (segment.endKind === "ongoing") figure.toNowHours += hours;
    if (segment.endKind === "last_report") figure.toLastReportHours += hours;
  }
  return figures;
}

/** Figures over [from, to), overlaps counted once per measure. */
export function measureTotals(intervals: Interval[], from: Date, to: Date): MeasureFigures {
  return figuresOfSegments(measureSegments(intervals, from, to), from.getTime(), to.getTime());
}

/** Figures rounded to a tenth of an hour, as every view shows them. */
export function roundFigures(figures: MeasureFigures): MeasureFigures {
  const round = (hours: number) => Math.round(hours * 10) / 10;
  const one = (figure: MeasureFigure): MeasureFigure => ({
    hours: round(figure.hours),
    onAndOffHours: round(figure.onAndOffHours),
    toNowHours: round(figure.toNowHours),
    toLastReportHours: round(figure.toLastReportHours),
  });
  return { full_blackout: one(figures.full_blackout), partial_disruption: one(figures.partial_disruption), service_blocking: one(figures.service_blocking) };
}

export type Granularity = "month" | "year";

export type HoursBucket = {
  /** "2022-01" for a month, "2022" for a year. */
  key: string;
  start: Date;
  end: Date;
  measures: MeasureFigures;
};

function periodStart(year: number, month: number, zone: ZoneChoice): Date {
  return zone === "utc" ? new Date(Date.UTC(year, month - 1, 1)) : kazakhstanDayStart(year, month, 1);
}

function calendarOf(instant: Date, zone: ZoneChoice): { year: number; month: number } {
  const parts = dateTimeFormat("en", {
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

/** Every measure's hours per calendar month or year over [from, to) (the first and last buckets clipped to it). */
export function measureHours(intervals: Interval[], options: { from: Date; to: Date; granularity: Granularity; zone?: ZoneChoice }): HoursBucket[] {
  const buckets = calendarBuckets(options.from, options.to, options.granularity, options.zone);
  if (buckets.length === 0) return [];
  const segments = measureSegments(intervals, options.from, options.to);
  return buckets.map((bucket) => ({
    ...bucket,
    measures: figuresOfSegments(segments, Math.max(bucket.start.getTime(), options.from.getTime()), Math.min(bucket.end.getTime(), options.to.getTime())),
  }));
}

import "server-only";
import type { DisruptionType, PhaseExtent, TimePrecision } from "@/lib/generated/prisma/enums";
import {
  DISRUPTION_SEVERITY,
  disruptionHours,
  phaseEnd,
  phaseOperators,
  phaseRegions,
  totalDisruptionHours,
  type Granularity,
  type Interval,
} from "@/lib/incidents/disruption-hours";
import { periodOfFilters, type IncidentFilters } from "@/lib/schemas/incident-filters";
import { listDashboardIncidents, type DashboardIncident } from "@/lib/server/incidents/list-dashboard-incidents";
import { kazakhstanDayStart, type ZoneChoice } from "@/lib/time/format";
import { listOperators, type OperatorOption } from "./list-operators";

/** Up to this long a period is shown by month by default; longer ones by year. */
const MONTHLY_UP_TO_MS = 3 * 366 * 24 * 3_600_000;

export type OperatorHoursBucket = {
  /** "2022-01" or "2022". */
  key: string;
  start: string;
  end: string;
  hoursByType: Partial<Record<DisruptionType, number>>;
  totalHours: number;
};

/** One phase that affected the operator (the phaseOperators rule), as a band on its charts. */
export type OperatorPhase = {
  incidentSlug: string;
  incidentTitle: string;
  label: string;
  type: DisruptionType;
  extent: PhaseExtent;
  startsAt: string;
  startPrecision: TimePrecision;
  /** Where the phase ends under the disruption-hours rules (open phases run to their incident's end, or now). */
  endsAt: string;
  /** False when the end was derived (no end recorded on the phase). */
  endRecorded: boolean;
};

export type OperatorIncident = {
  slug: string;
  title: string;
  type: DisruptionType;
  startsAt: string;
  startPrecision: TimePrecision;
  endsAt: string | null;
  endPrecision: TimePrecision | null;
  /** Disruption-hours of this incident for the operator inside the period. */
  hours: number;
};

export type OperatorDisruption = {
  operator: OperatorOption;
  buckets: OperatorHoursBucket[];
  totalHours: number;
  /** The largest bucket's hours. */
  peakHours: number;
  incidents: OperatorIncident[];
  phases: OperatorPhase[];
};

export type OperatorDisruptionSummary = {
  from: string;
  to: string;
  granularity: Granularity;
  /** Calendar of the buckets: Kazakhstan time or UTC (the filters' `tz`). */
  zone: ZoneChoice;
  /** Whether the granularity came from the address (otherwise it follows the period's length). */
  granularityChosen: boolean;
  /** Types with any hours for any operator shown, most severe first. */
  types: DisruptionType[];
  /** One y-axis maximum for every operator's chart, so they compare at a glance. */
  sharedMaxHours: number;
  operators: OperatorDisruption[];
};

/** The period the curated charts cover: the filters' dates, else their years, else the whole record up to now. */
function periodOf(filters: IncidentFilters, incidents: DashboardIncident[], now: Date): { from: Date; to: Date } {
  const explicit = periodOfFilters(filters);
  const years = [...filters.years].sort((a, b) => a - b);
  const earliest = incidents.reduce<Date | null>((min, incident) => (min === null || incident.startsAt < min ? incident.startsAt : min), null);
  const earliestYear = earliest ? Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Almaty", year: "numeric" }).format(earliest)) : null;
  const from =
    explicit.from ??
    (years.length > 0 ? kazakhstanDayStart(years[0]!, 1, 1) : earliestYear !== null ? kazakhstanDayStart(earliestYear, 1, 1) : kazakhstanDayStart(2018, 1, 1));
  let to = explicit.to ?? (years.length > 0 ? kazakhstanDayStart(years.at(-1)! + 1, 1, 1) : now);
  if (!(to > from)) to = new Date(from.getTime() + 24 * 3_600_000);
  return { from, to };
}

export function defaultGranularity(from: Date, to: Date): Granularity {
  return to.getTime() - from.getTime() <= MONTHLY_UP_TO_MS ? "month" : "year";
}

const round = (hours: number) => Math.round(hours * 10) / 10;

/** Whether the phase passes the filters that apply to phases (types, regions). */
function phaseMatches(filters: IncidentFilters, phase: DashboardIncident["phases"][number], incident: DashboardIncident): boolean {
  if (filters.types.length > 0 && !filters.types.includes(phase.type)) return false;
  if (filters.regions.length > 0) {
    const regions = phaseRegions(phase, incident);
    if (regions !== "all" && !regions.some((region) => filters.regions.includes(region))) return false;
  }
  return true;
}

function summarizeOne(
  operator: OperatorOption,
  incidents: DashboardIncident[],
  filters: IncidentFilters,
  period: { from: Date; to: Date },
  granularity: Granularity,
  now: Date,
): OperatorDisruption {
  const intervals: Interval[] = [];
  const phases: OperatorPhase[] = [];
  const involved: OperatorIncident[] = [];
  for (const incident of incidents) {
    const own: Interval[] = [];
    for (const phase of incident.phases) {
      if (!phaseOperators(phase, incident).includes(operator.slug) || !phaseMatches(filters, phase, incident)) continue;
      const start = phase.startsAt.getTime();
      const end = phaseEnd(phase, incident, now);
      if (end <= start) continue;
      own.push({ start, end, type: phase.type });
      phases.push({
        incidentSlug: incident.slug,
        incidentTitle: incident.title,
        label: phase.label,
        type: phase.type,
        extent: phase.extent,
        startsAt: phase.startsAt.toISOString(),
        startPrecision: phase.startPrecision,
        endsAt: new Date(end).toISOString(),
        endRecorded: phase.endsAt !== null,
      });
    }
    const named = incident.operators.includes(operator.slug) || incident.phases.some((phase) => phase.operators.includes(operator.slug));
    if (own.length === 0 && !named) continue;
    intervals.push(...own);
    involved.push({
      slug: incident.slug,
      title: incident.title,
      type: incident.type,
      startsAt: incident.startsAt.toISOString(),
      startPrecision: incident.startPrecision,
      endsAt: incident.endsAt?.toISOString() ?? null,
      endPrecision: incident.endPrecision,
      hours: round(totalDisruptionHours(own, period.from, period.to)),
    });
  }
  const buckets = disruptionHours(intervals, { ...period, granularity, zone: filters.zone }).map((bucket) => ({
    key: bucket.key,
    start: bucket.start.toISOString(),
    end: bucket.end.toISOString(),
    hoursByType: Object.fromEntries(Object.entries(bucket.hoursByType).map(([type, hours]) => [type, round(hours)])),
    totalHours: round(bucket.totalHours),
  }));
  return {
    operator,
    buckets,
    totalHours: round(totalDisruptionHours(intervals, period.from, period.to)),
    peakHours: Math.max(0, ...buckets.map((bucket) => bucket.totalHours)),
    incidents: involved.reverse(),
    phases,
  };
}

/**
 * Curated disruption-hours of operators, per Kazakhstan (or UTC) calendar
 * month or year, stacked by type, from the published incidents' phases that
 * affect each operator (lib/incidents/disruption-hours.ts has the rules).
 * Also lists each operator's incidents (newest first) and phases, and one
 * y-axis maximum shared by all operators.
 *
 * `operatorSlugs` picks the operators (default: the filters' operators, or all).
 */
export async function summarizeOperatorDisruption(options: {
  filters: IncidentFilters;
  locale: string;
  operatorSlugs?: string[];
  granularity?: Granularity;
  now?: Date;
}): Promise<OperatorDisruptionSummary> {
  const now = options.now ?? new Date();
  const all = await listOperators();
  const wanted = options.operatorSlugs ?? (options.filters.operators.length > 0 ? options.filters.operators : all.map((operator) => operator.slug));
  const operators = all.filter((operator) => wanted.includes(operator.slug));
  const incidents = await listDashboardIncidents({
    filters: { ...options.filters, operators: operators.map((operator) => operator.slug) },
    locale: options.locale,
  });
  const period = periodOf(options.filters, incidents, now);
  const granularity = options.granularity ?? defaultGranularity(period.from, period.to);
  const summaries = operators.map((operator) => summarizeOne(operator, incidents, options.filters, period, granularity, now));
  const types = DISRUPTION_SEVERITY.filter((type) => summaries.some((summary) => summary.buckets.some((bucket) => (bucket.hoursByType[type] ?? 0) > 0)));
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    granularity,
    zone: options.filters.zone,
    granularityChosen: options.granularity !== undefined,
    types,
    sharedMaxHours: Math.max(0, ...summaries.map((summary) => summary.peakHours)),
    operators: summaries,
  };
}

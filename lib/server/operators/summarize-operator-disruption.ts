import "server-only";
import type { Caller } from "@/lib/auth/permissions";
import type { DisruptionType, EndStatus, PhaseExtent, TimePrecision } from "@/lib/generated/prisma/enums";
import {
  emptyFigures,
  figuresOfSegments,
  measureHours,
  measureSegments,
  operatorPhases,
  phaseIsNationwide,
  phaseRegions,
  roundFigures,
  type EndKind,
  type Granularity,
  type Interval,
  type Measure,
  type MeasureFigures,
  type OperatorAttribution,
} from "@/lib/incidents/disruption-hours";
import { defaultGranularity, summaryPeriod } from "@/lib/incidents/summary-period";
import type { IncidentFilters } from "@/lib/schemas/incident-filters";
import { listDashboardIncidents, type DashboardIncident } from "@/lib/server/incidents/list-dashboard-incidents";
import type { ZoneChoice } from "@/lib/time/format";
import { listOperators, type OperatorOption } from "./list-operators";

export type OperatorHoursBucket = {
  /** "2022-01" or "2022". */
  key: string;
  start: string;
  end: string;
  /** Every measure's hours, to a tenth of an hour. */
  measures: MeasureFigures;
};

/** One phase that counts for the operator (decision 0013), as a band on its charts and a row of its tables. */
export type OperatorPhase = {
  incidentSlug: string;
  incidentTitle: string;
  /** The phase's number in its incident (1-based). */
  number: number;
  label: string;
  type: DisruptionType;
  extent: PhaseExtent;
  measure: Measure;
  /** "named": the phase names the operator; "all_operators": inferred from the incident's operators. */
  attribution: OperatorAttribution;
  /** The phase covers some regions only (so its cuts are not a nationwide full blackout). */
  regional: boolean;
  startsAt: string;
  startPrecision: TimePrecision;
  endStatus: EndStatus;
  /** The recorded end as stored (a DAY end is that day's midnight in Kazakhstan), or null. */
  endsAt: string | null;
  endPrecision: TimePrecision | null;
  /** YYYY-MM-DD: the last day a source reports the phase (end not recorded). */
  lastReportedOn: string | null;
  /** YYYY-MM-DD: the day staff last checked (an ongoing phase: its incident's). */
  lastCheckedOn: string | null;
  /** Where the figures count it to (a DAY end: the next midnight), or null when it is not counted. */
  countedUntil: string | null;
  countedKind: EndKind | null;
};

export type OperatorIncident = {
  slug: string;
  title: string;
  type: DisruptionType;
  startsAt: string;
  startPrecision: TimePrecision;
  endStatus: EndStatus;
  endsAt: string | null;
  endPrecision: TimePrecision | null;
  lastCheckedOn: string | null;
  lastReportedOn: string | null;
  /** This incident's hours for the operator inside the period, per measure. */
  measures: MeasureFigures;
  /** Phases that count for the operator but have no end to count to (end not recorded, no last report). */
  uncountedPhases: number;
  /** Phases of the incident that name no operator and are not marked as affecting all of them: counted for no operator. */
  unattributedPhases: number;
};

export type OperatorDisruption = {
  operator: OperatorOption;
  buckets: OperatorHoursBucket[];
  /** The period's hours per measure, each overlap counted once. */
  totals: MeasureFigures;
  /** The largest bucket: the network measures stacked, and service blocking. */
  peak: { network: number; service: number };
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
  /** One y-axis maximum for every operator's chart, so they compare at a glance. */
  sharedMaxHours: number;
  operators: OperatorDisruption[];
};

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

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
  const counted = operatorPhases(incidents, operator.slug, now).filter((entry) => phaseMatches(filters, entry.phase, entry.incident));
  const intervals: Interval[] = counted.flatMap((entry) => (entry.interval ? [entry.interval] : []));
  const phases: OperatorPhase[] = counted.map((entry) => ({
    incidentSlug: entry.incident.slug,
    incidentTitle: entry.incident.title,
    number: entry.number,
    label: entry.phase.label,
    type: entry.phase.type,
    extent: entry.phase.extent,
    measure: entry.measure,
    attribution: entry.attribution,
    regional: !phaseIsNationwide(entry.phase, entry.incident),
    startsAt: entry.phase.startsAt.toISOString(),
    startPrecision: entry.phase.startPrecision,
    endStatus: entry.phase.endStatus,
    endsAt: entry.phase.endsAt?.toISOString() ?? null,
    endPrecision: entry.phase.endPrecision,
    lastReportedOn: isoDay(entry.phase.lastReportedOn),
    lastCheckedOn: entry.phase.endStatus === "ONGOING" ? isoDay(entry.incident.lastCheckedOn) : null,
    countedUntil: entry.interval ? new Date(entry.interval.end).toISOString() : null,
    countedKind: entry.interval ? entry.interval.endKind : null,
  }));
  const involved: OperatorIncident[] = [];
  for (const incident of incidents) {
    const own = counted.filter((entry) => entry.incident === incident);
    const named = incident.operators.includes(operator.slug) || incident.phases.some((phase) => phase.operators.includes(operator.slug));
    if (own.length === 0 && !named) continue;
    const ownIntervals = own.flatMap((entry) => (entry.interval ? [entry.interval] : []));
    involved.push({
      slug: incident.slug,
      title: incident.title,
      type: incident.type,
      startsAt: incident.startsAt.toISOString(),
      startPrecision: incident.startPrecision,
      endStatus: incident.endStatus,
      endsAt: incident.endsAt?.toISOString() ?? null,
      endPrecision: incident.endPrecision,
      lastCheckedOn: isoDay(incident.lastCheckedOn),
      lastReportedOn: isoDay(incident.lastReportedOn),
      measures: roundFigures(figuresOfSegments(measureSegments(ownIntervals, period.from, period.to), period.from.getTime(), period.to.getTime())),
      uncountedPhases: own.filter((entry) => entry.interval === null).length,
      unattributedPhases: incident.phases.filter((phase) => phase.operators.length === 0 && !phase.allOperators).length,
    });
  }
  const buckets = measureHours(intervals, { ...period, granularity, zone: filters.zone }).map((bucket) => ({
    key: bucket.key,
    start: bucket.start.toISOString(),
    end: bucket.end.toISOString(),
    measures: roundFigures(bucket.measures),
  }));
  const totals = intervals.length === 0 ? emptyFigures() : roundFigures(figuresOfSegments(measureSegments(intervals, period.from, period.to), period.from.getTime(), period.to.getTime()));
  return {
    operator,
    buckets,
    totals,
    peak: {
      network: Math.max(0, ...buckets.map((bucket) => bucket.measures.full_blackout.hours + bucket.measures.partial_disruption.hours)),
      service: Math.max(0, ...buckets.map((bucket) => bucket.measures.service_blocking.hours)),
    },
    incidents: involved.reverse(),
    phases,
  };
}

/**
 * Curated disruption-hours of operators, per Kazakhstan (or UTC) calendar
 * month or year, as separate measures (full blackout, partial or regional
 * disruption, service blocking), from the published incidents' phases that
 * count for each operator (lib/incidents/disruption-hours.ts has the rules).
 * Also lists each operator's incidents (newest first) and phases, and one
 * y-axis maximum shared by all operators.
 *
 * `operatorSlugs` picks the operators (default: the filters' operators, or all).
 */
export async function summarizeOperatorDisruption(options: {
  caller: Caller;
  filters: IncidentFilters;
  locale: string;
  operatorSlugs?: string[];
  granularity?: Granularity;
  now?: Date;
}): Promise<OperatorDisruptionSummary> {
  const now = options.now ?? new Date();
  const all = await listOperators({ caller: options.caller });
  const wanted = options.operatorSlugs ?? (options.filters.operators.length > 0 ? options.filters.operators : all.map((operator) => operator.slug));
  const operators = all.filter((operator) => wanted.includes(operator.slug));
  const incidents = await listDashboardIncidents({
    caller: options.caller,
    filters: { ...options.filters, operators: operators.map((operator) => operator.slug) },
    locale: options.locale,
  });
  const period = summaryPeriod(options.filters, incidents, now);
  const granularity = options.granularity ?? defaultGranularity(period.from, period.to);
  const summaries = operators.map((operator) => summarizeOne(operator, incidents, options.filters, period, granularity, now));
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    granularity,
    zone: options.filters.zone,
    granularityChosen: options.granularity !== undefined,
    sharedMaxHours: Math.max(0, ...summaries.map((summary) => Math.max(summary.peak.network, summary.peak.service))),
    operators: summaries,
  };
}

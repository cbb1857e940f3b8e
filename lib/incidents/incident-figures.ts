import type { EndStatus, IncidentScope, PhaseExtent, DisruptionType, TimePrecision } from "@/lib/generated/prisma/enums";
import {
  countryPhases,
  figuresOfSegments,
  measureSegments,
  operatorPhases,
  phaseIsNationwide,
  regionPhases,
  roundFigures,
  type CountedPhase,
  type IncidentForHours,
  type Measure,
  type MeasureFigures,
} from "@/lib/incidents/disruption-hours";

/**
 * One incident's own figures, as its page shows them: for the whole country,
 * for each operator a phase counts for, and for each region a phase names
 * (plus every other region, when a phase is nationwide). The same rules and
 * functions as the operator pages, the map and the API, so they agree.
 */

type Named = { slug: string; name: string };

export type IncidentForFigures = {
  scope: IncidentScope;
  endsAt: Date | null;
  endPrecision: TimePrecision | null;
  endStatus: EndStatus;
  operators: Named[];
  regions: Named[];
  phases: {
    type: DisruptionType;
    extent: PhaseExtent;
    startsAt: Date;
    endsAt: Date | null;
    endPrecision: TimePrecision | null;
    endStatus: EndStatus;
    lastReportedOn: Date | null;
    allOperators: boolean;
    operators: Named[];
    regions: Named[];
  }[];
};

export type IncidentFigures = {
  country: MeasureFigures;
  /** Operators a phase counts for, in the incident's order, then any named only on a phase. */
  operators: { slug: string; name: string; figures: MeasureFigures; inferred: boolean }[];
  /** Regions a phase names, or the incident names. */
  regions: { slug: string; name: string; figures: MeasureFigures }[];
  /** Any other region's figures (nationwide phases only), or null when no phase is nationwide. */
  otherRegions: MeasureFigures | null;
  /** Phases with no end to count to. */
  uncountedPhases: number;
  /** Phases that count for no operator (they name none and are not marked as affecting all). */
  unattributedPhases: number;
  /** Per phase, in order: the measure its hours go to for the whole country, and where it is counted to (null: not counted). */
  phases: { measure: Measure; countedUntil: Date | null }[];
};

function totals(counted: CountedPhase[]): MeasureFigures {
  const intervals = counted.flatMap((entry) => (entry.interval ? [entry.interval] : []));
  if (intervals.length === 0) return roundFigures(figuresOfSegments([], 0, 0));
  const from = new Date(Math.min(...intervals.map((interval) => interval.start)));
  const to = new Date(Math.max(...intervals.map((interval) => interval.end)));
  return roundFigures(figuresOfSegments(measureSegments(intervals, from, to), from.getTime(), to.getTime()));
}

export function incidentFigures(incident: IncidentForFigures, now: Date): IncidentFigures {
  const forHours: IncidentForHours = {
    scope: incident.scope,
    endsAt: incident.endsAt,
    endPrecision: incident.endPrecision,
    endStatus: incident.endStatus,
    operators: incident.operators.map((operator) => operator.slug),
    regions: incident.regions.map((region) => region.slug),
    phases: incident.phases.map((phase) => ({
      ...phase,
      operators: phase.operators.map((operator) => operator.slug),
      regions: phase.regions.map((region) => region.slug),
    })),
  };
  const operators = new Map<string, Named>();
  for (const operator of [...incident.operators, ...incident.phases.flatMap((phase) => phase.operators)]) operators.set(operator.slug, operator);
  const regions = new Map<string, Named>();
  for (const region of [...incident.regions, ...incident.phases.flatMap((phase) => phase.regions)]) regions.set(region.slug, region);
  const nationwide = forHours.phases.some((phase) => phaseIsNationwide(phase, forHours));
  const country = countryPhases([forHours], now);
  return {
    country: totals(country),
    operators: [...operators.values()].flatMap((operator) => {
      const counted = operatorPhases([forHours], operator.slug, now);
      if (counted.length === 0) return [];
      return [{ ...operator, figures: totals(counted), inferred: counted.some((entry) => entry.attribution === "all_operators") }];
    }),
    regions: [...regions.values()].map((region) => ({ ...region, figures: totals(regionPhases([forHours], region.slug, now)) })),
    // A region no phase names: a slug no region has gets only the nationwide phases.
    otherRegions: nationwide ? totals(regionPhases([forHours], "\u0000other", now)) : null,
    uncountedPhases: country.filter((entry) => entry.interval === null).length,
    unattributedPhases: forHours.phases.filter((phase) => phase.operators.length === 0 && !phase.allOperators).length,
    phases: country.map((entry) => ({ measure: entry.measure, countedUntil: entry.interval ? new Date(entry.interval.end) : null })),
  };
}

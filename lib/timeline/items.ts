import type { DisruptionType, EndStatus, IncidentScope, PhaseExtent } from "@/lib/generated/prisma/enums";
import { countedEnd, phaseIsNationwide, phaseOperators, type IncidentForHours, type PhaseForHours } from "@/lib/incidents/disruption-hours";

/**
 * The timeline's data: compact, serialisable items (numbers, not Dates) that
 * the server hands to the client island and to the compact overview chart.
 *
 * Lane rule (shown under the chart): a phase is drawn in the lane of every
 * operator it counts for (the operators it names, or all of the incident's
 * when it is marked so, as in lib/incidents/disruption-hours.ts); the phases of a
 * nationwide incident are also drawn in the "National" lane; a phase of a
 * regional or local incident that names no operator at all goes to the
 * "No operator named" lane.
 */
export const NATIONAL_LANE = "national";
export const UNATTRIBUTED_LANE = "unattributed";

export type TimelinePhase = {
  label: string;
  type: DisruptionType;
  extent: PhaseExtent;
  /** Milliseconds since the epoch. */
  start: number;
  /** Where the bar is drawn to: where the phase is counted to (decision 0013); a phase that is not counted runs to its incident's end, or to now. */
  end: number;
  /** The end is not recorded (ongoing, or unknown). */
  open: boolean;
  /** RECORDED, ONGOING (counted to now) or NOT_RECORDED (counted to the last report, or not at all). */
  endStatus: EndStatus;
  /** False when the phase is not counted in any figure (end not recorded, no last report). */
  counted: boolean;
  /** The phase covers some regions only, not the whole country. */
  regional: boolean;
  lanes: string[];
};

export type TimelineItem = {
  slug: string;
  title: string;
  type: DisruptionType;
  scope: IncidentScope;
  start: number;
  end: number;
  open: boolean;
  endStatus: EndStatus;
  operators: string[];
  phases: TimelinePhase[];
};

type SourceIncident = Omit<IncidentForHours, "phases"> & {
  slug: string;
  title: string;
  type: DisruptionType;
  scope: IncidentScope;
  startsAt: Date;
  phases: (PhaseForHours & { label: string; extent: PhaseExtent })[];
};

/** The lanes a phase is drawn in (see the rule above). */
export function phaseLanes(phase: PhaseForHours, incident: IncidentForHours): string[] {
  const operators = phaseOperators(phase, incident);
  const lanes = incident.scope === "NATIONAL" ? [NATIONAL_LANE] : operators.length === 0 ? [UNATTRIBUTED_LANE] : [];
  return [...lanes, ...operators];
}

/** Incidents (with their phases) as timeline items. An incident without phases is drawn as one phase. */
export function toTimelineItems(incidents: SourceIncident[], now: Date): TimelineItem[] {
  return incidents.map((incident) => {
    const start = incident.startsAt.getTime();
    const end = (countedEnd(incident, now)?.at ?? now).getTime();
    const phases: TimelinePhase[] = incident.phases.map((phase) => {
      const counted = countedEnd(phase, now);
      return {
        label: phase.label,
        type: phase.type,
        extent: phase.extent,
        start: phase.startsAt.getTime(),
        end: Math.max((counted?.at.getTime() ?? end), phase.startsAt.getTime()),
        open: phase.endStatus !== "RECORDED",
        endStatus: phase.endStatus,
        counted: counted !== null && counted.at > phase.startsAt,
        regional: !phaseIsNationwide(phase, incident),
        lanes: phaseLanes(phase, incident),
      };
    });
    if (phases.length === 0) {
      const whole: PhaseForHours = {
        type: incident.type,
        extent: "FULL",
        startsAt: incident.startsAt,
        endsAt: incident.endsAt,
        endPrecision: incident.endPrecision,
        endStatus: incident.endStatus,
        lastReportedOn: null,
        allOperators: incident.operators.length > 0,
        operators: [],
        regions: [],
      };
      phases.push({
        label: incident.title,
        type: incident.type,
        extent: "FULL",
        start,
        end,
        open: incident.endStatus !== "RECORDED",
        endStatus: incident.endStatus,
        counted: false,
        regional: incident.scope !== "NATIONAL",
        lanes: phaseLanes(whole, incident),
      });
    }
    return {
      slug: incident.slug,
      title: incident.title,
      type: incident.type,
      scope: incident.scope,
      start,
      end: Math.max(end, start),
      open: incident.endStatus !== "RECORDED",
      endStatus: incident.endStatus,
      operators: incident.operators,
      phases,
    };
  });
}

/** The lanes to draw, in order: National, the operators (in the given order), then "No operator named". Only lanes with bars. */
export function laneOrder(items: TimelineItem[], operatorOrder: string[]): string[] {
  const used = new Set(items.flatMap((item) => item.phases.flatMap((phase) => phase.lanes)));
  const known = [NATIONAL_LANE, ...operatorOrder, UNATTRIBUTED_LANE];
  const extra = [...used].filter((lane) => !known.includes(lane)).sort();
  return [...known, ...extra].filter((lane) => used.has(lane));
}

import type { DisruptionType, EndStatus, IncidentScope, PhaseExtent, TimePrecision } from "@/lib/generated/prisma/enums";
import { countedEnd, dayAfterCalendarDate, phaseOperators, phaseRegions, type IncidentForHours, type PhaseForHours } from "@/lib/incidents/disruption-hours";

/**
 * The timeline's data: compact, serialisable items (numbers and strings, not
 * Dates) that the server hands to the client island and to the compact
 * overview chart.
 *
 * Lane rule (shown under the chart), after lib/incidents/disruption-hours.ts:
 * - a phase covering the whole country is drawn in the "National" lane;
 * - a phase limited to some regions is drawn in the lane of each region it
 *   counts in (the regions it names, else its incident's), never in the
 *   National one;
 * - either way it is also drawn in the lane of every operator it counts for
 *   (the operators it names, or all of the incident's when it is marked so),
 *   where a regional phase is drawn with a dashed outline;
 * - a phase with neither a region nor an operator to go to (a regional
 *   incident that names none) goes to the "No region or operator named" lane.
 */
export const NATIONAL_LANE = "national";
export const UNATTRIBUTED_LANE = "unattributed";
const REGION_LANE_PREFIX = "region:";

export const regionLane = (slug: string) => `${REGION_LANE_PREFIX}${slug}`;
/** The region of a region lane, or null for any other lane. */
export const laneRegion = (lane: string) => (lane.startsWith(REGION_LANE_PREFIX) ? lane.slice(REGION_LANE_PREFIX.length) : null);

/**
 * How a bar's end is drawn (decision 0013's end statuses):
 * - "recorded": solid to the recorded end;
 * - "ongoing": solid to the day staff last checked, then fading out to now, with an arrow;
 * - "last_report": end not recorded; solid, fading out over its last pixels to the end of the last day a source reports it;
 * - "not_counted": end not recorded and no last report, so no figure counts it: a short fading stub at its start.
 */
export type EndDrawing = "recorded" | "ongoing" | "last_report" | "not_counted";

/** A calendar date, "YYYY-MM-DD" (a Kazakhstan day). */
type CalendarDate = string;

export type TimelinePhase = {
  label: string;
  type: DisruptionType;
  extent: PhaseExtent;
  /** Milliseconds since the epoch. */
  start: number;
  /**
   * Where the bar is drawn to: where the phase is counted to (decision 0013);
   * a phase that is not counted ends at its start (it is drawn as a stub).
   */
  end: number;
  endDrawing: EndDrawing;
  /** Ongoing only: where the fade begins, the end of the day staff last checked (or the start, when never checked). */
  fadeFrom: number | null;
  /** The end is not recorded (ongoing, or unknown). */
  open: boolean;
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
  startPrecision: TimePrecision;
  /** Where the incident is drawn to (as its phases: counted end, now when ongoing, else its last phase's end). */
  end: number;
  /** The recorded end as stored (a DAY end is that day's midnight), for writing it; null when not recorded. */
  endsAt: number | null;
  endPrecision: TimePrecision | null;
  open: boolean;
  endStatus: EndStatus;
  lastCheckedOn: CalendarDate | null;
  lastReportedOn: CalendarDate | null;
  operators: string[];
  phases: TimelinePhase[];
};

type SourcePhase = PhaseForHours & { label: string; extent: PhaseExtent };

type SourceIncident = Omit<IncidentForHours, "phases"> & {
  slug: string;
  title: string;
  type: DisruptionType;
  scope: IncidentScope;
  startsAt: Date;
  startPrecision?: TimePrecision;
  lastCheckedOn?: Date | null;
  lastReportedOn?: Date | null;
  phases: SourcePhase[];
};

const calendarDate = (value: Date | null | undefined): CalendarDate | null => (value ? value.toISOString().slice(0, 10) : null);

/** The lanes a phase is drawn in (see the rule above). */
export function phaseLanes(phase: PhaseForHours, incident: IncidentForHours): string[] {
  const regions = phaseRegions(phase, incident);
  const places = regions === "all" ? [NATIONAL_LANE] : regions.map(regionLane);
  const lanes = [...places, ...phaseOperators(phase, incident)];
  return lanes.length > 0 ? lanes : [UNATTRIBUTED_LANE];
}

/**
 * Where a phase's bar runs to and how its end is drawn. `lastCheckedOn` is the
 * incident's (an ongoing phase belongs to an ongoing incident).
 */
export function phaseEnd(phase: PhaseForHours, lastCheckedOn: Date | null | undefined, now: Date): { end: number; endDrawing: EndDrawing; fadeFrom: number | null; counted: boolean } {
  const start = phase.startsAt.getTime();
  const counted = countedEnd(phase, now);
  if (phase.endStatus === "RECORDED") {
    const end = counted ? counted.at.getTime() : start;
    return { end: Math.max(end, start), endDrawing: "recorded", fadeFrom: null, counted: end > start };
  }
  if (phase.endStatus === "ONGOING") {
    const end = Math.max(now.getTime(), start);
    // Solid to the end of the day last checked, fading from there to now.
    const checked = lastCheckedOn ? Math.min(dayAfterCalendarDate(lastCheckedOn).getTime(), end) : start;
    return { end, endDrawing: "ongoing", fadeFrom: Math.max(checked, start), counted: end > start };
  }
  if (counted && counted.at.getTime() > start) return { end: counted.at.getTime(), endDrawing: "last_report", fadeFrom: null, counted: true };
  return { end: start, endDrawing: "not_counted", fadeFrom: null, counted: false };
}

/** Incidents (with their phases) as timeline items. An incident without phases is drawn as one phase. */
export function toTimelineItems(incidents: SourceIncident[], now: Date): TimelineItem[] {
  return incidents.map((incident) => {
    const start = incident.startsAt.getTime();
    const sourcePhases: SourcePhase[] =
      incident.phases.length > 0
        ? incident.phases
        : [
            {
              label: incident.title,
              type: incident.type,
              extent: "FULL",
              startsAt: incident.startsAt,
              endsAt: incident.endsAt,
              endPrecision: incident.endPrecision,
              endStatus: incident.endStatus,
              lastReportedOn: incident.lastReportedOn ?? null,
              allOperators: incident.operators.length > 0,
              operators: [],
              regions: [],
            },
          ];
    const phases: TimelinePhase[] = sourcePhases.map((phase) => {
      const drawn = phaseEnd(phase, incident.lastCheckedOn, now);
      return {
        label: phase.label,
        type: phase.type,
        extent: phase.extent,
        start: phase.startsAt.getTime(),
        ...drawn,
        open: phase.endStatus !== "RECORDED",
        endStatus: phase.endStatus,
        regional: phaseRegions(phase, incident) !== "all",
        lanes: phaseLanes(phase, incident),
      };
    });
    const incidentEnd = countedEnd({ ...incident, lastReportedOn: incident.lastReportedOn ?? null }, now);
    const end = Math.max(start, incidentEnd ? incidentEnd.at.getTime() : Math.max(...phases.map((phase) => phase.end)));
    return {
      slug: incident.slug,
      title: incident.title,
      type: incident.type,
      scope: incident.scope,
      start,
      startPrecision: incident.startPrecision ?? "EXACT",
      end,
      endsAt: incident.endStatus === "RECORDED" && incident.endsAt ? incident.endsAt.getTime() : null,
      endPrecision: incident.endStatus === "RECORDED" ? incident.endPrecision : null,
      open: incident.endStatus !== "RECORDED",
      endStatus: incident.endStatus,
      lastCheckedOn: incident.endStatus === "ONGOING" ? calendarDate(incident.lastCheckedOn) : null,
      lastReportedOn: incident.endStatus === "NOT_RECORDED" ? calendarDate(incident.lastReportedOn) : null,
      operators: incident.operators,
      phases,
    };
  });
}

/**
 * The lanes to draw, in order: National, the operators (in the given order),
 * the regions (in the given order), then "No region or operator named". Only
 * lanes with bars.
 */
export function laneOrder(items: TimelineItem[], operatorOrder: string[], regionOrder: string[] = []): string[] {
  const used = new Set(items.flatMap((item) => item.phases.flatMap((phase) => phase.lanes)));
  const known = [NATIONAL_LANE, ...operatorOrder, ...regionOrder.map(regionLane), UNATTRIBUTED_LANE];
  const extra = [...used].filter((lane) => !known.includes(lane)).sort();
  return [...known, ...extra].filter((lane) => used.has(lane));
}

/** A lane's label: "National", an operator's name, "Almaty (regional)", or "No region or operator named". */
export function laneLabel(
  lane: string,
  names: { operators: Record<string, string>; regions: Record<string, string> },
  t: (key: "lanes.national" | "lanes.unattributed" | "lanes.region", values?: { name: string }) => string,
): string {
  if (lane === NATIONAL_LANE) return t("lanes.national");
  if (lane === UNATTRIBUTED_LANE) return t("lanes.unattributed");
  const region = laneRegion(lane);
  if (region !== null) return t("lanes.region", { name: names.regions[region] ?? region });
  return names.operators[lane] ?? lane;
}

import type { Detection, DetectionResult } from "@/lib/detection/types";
import type { StoredRecord } from "./replay";
import type { Blip, FeedOutage, InjectedEvent, Scenario } from "./scenario";
import { REGIONS } from "./world";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** A detection this close to an event (before its start or after its end) is about it. */
const MATCH_MARGIN = 30 * MINUTE;
/** Time around events left out of the "quiet" weeks false alarms are counted against. */
const QUIET_MARGIN_BEFORE = HOUR;
const QUIET_MARGIN_AFTER = 6 * HOUR;

export const IODA_STEP = 5 * MINUTE;
export const OONI_STEP = HOUR;

/** What happened to one injected event. */
export type EventOutcome = {
  event: InjectedEvent;
  /** The run (arrival clock) whose detections first covered it, or null. */
  firstSeenAt: number | null;
  /** From the event's start to that run, in the signal's steps (IODA 5 min, OONI 1 h), counting the arrival step. */
  latencySteps: number | null;
};

/** Watches every run for the first detection of each event. */
export class EventWatcher {
  readonly outcomes: EventOutcome[];

  constructor(events: readonly InjectedEvent[]) {
    this.outcomes = events.map((event) => ({ event, firstSeenAt: null, latencySteps: null }));
  }

  observe(clock: number, result: DetectionResult): void {
    for (const outcome of this.outcomes) {
      if (outcome.firstSeenAt !== null || clock < outcome.event.start) continue;
      if (result.detections.some((detection) => covers(detection, outcome.event))) {
        outcome.firstSeenAt = clock;
        const step = outcome.event.kind === "app-blocking" ? OONI_STEP : IODA_STEP;
        outcome.latencySteps = Math.round((clock - outcome.event.start) / step);
      }
    }
  }
}

const isServiceEvent = (event: InjectedEvent) => event.kind === "app-blocking";

/** Whether a detection of the event's operator has a segment of the right sort (connectivity, or the app's blocking) overlapping it. */
export function covers(detection: Detection, event: InjectedEvent): boolean {
  if (detection.operator !== event.operator) return false;
  return detection.segments.some((segment) => {
    const end = segment.end?.getTime() ?? Infinity;
    if (!(segment.start.getTime() < event.end + MATCH_MARGIN && end > event.start - MATCH_MARGIN)) return false;
    if (isServiceEvent(event)) return segment.kind === "service-blocking" && segment.services.some((service) => event.apps.some((app) => app.service === service));
    return segment.kind !== "service-blocking";
  });
}

/** The regions an event touches: its own for a regional outage, every region for an operator-wide one, none for app blocking. */
function regionsOf(event: InjectedEvent): readonly string[] {
  if (event.kind === "app-blocking") return [];
  return event.kind === "regional" ? event.regions : REGIONS;
}

/** Whether an alert is about something that happened: an event of its operator, or for a region, one touching the region. */
function explainedBy(detection: Detection, event: InjectedEvent): boolean {
  const start = detection.start.getTime();
  const end = detection.end?.getTime() ?? Infinity;
  if (!(start < event.end + MATCH_MARGIN && end > event.start - MATCH_MARGIN)) return false;
  if (detection.operator) return detection.operator === event.operator;
  return detection.regions.some((region) => regionsOf(event).includes(region));
}

export type DepthBucket = "<25%" | "25–50%" | "50–80%" | "≥80%";
export type DurationBucket = "<1 h" | "1–3 h" | "3–12 h" | "≥12 h";
export const DEPTH_BUCKETS: readonly DepthBucket[] = ["≥80%", "50–80%", "25–50%", "<25%"];
export const DURATION_BUCKETS: readonly DurationBucket[] = ["<1 h", "1–3 h", "3–12 h", "≥12 h"];

export const depthBucket = (depth: number): DepthBucket => (depth >= 0.8 ? "≥80%" : depth >= 0.5 ? "50–80%" : depth >= 0.25 ? "25–50%" : "<25%");
export const durationBucket = (ms: number): DurationBucket => (ms < HOUR ? "<1 h" : ms < 3 * HOUR ? "1–3 h" : ms < 12 * HOUR ? "3–12 h" : "≥12 h");

export type Evaluation = {
  outcomes: EventOutcome[];
  /** Connectivity events' recall by depth and duration. */
  recallTable: Map<string, { found: number; total: number }>;
  targetStrong: { found: number; total: number };
  targetPartial: { found: number; total: number };
  alerts: { record: StoredRecord; explained: boolean; blip: Blip | null; duringOutage: FeedOutage | null }[];
  falseAlarmsByGroup: Map<string, { falseAlarms: number; quietWeeks: number }>;
  alertsPerEvent: number;
  latencies: { all: number[]; byKind: Map<string, number[]> };
  kinds: Map<string, Map<string, number>>;
  regionNaming: { named: number; total: number; extra: number };
  segmentsMatched: { matched: number; total: number };
  evidenceAttached: { attached: number; total: number };
  blipsFired: number;
  blipsByKind: Map<string, { fired: number; total: number }>;
  outagesStale: { flagged: number; total: number };
  quietStepFalsePositiveRate: number;
  serviceRecall: { found: number; total: number };
};

/** Everything the report prints, from the scenario, the stored alerts and what the runs saw. */
export function evaluate(
  scenario: Scenario,
  stored: ReadonlyMap<string, StoredRecord>,
  outcomes: EventOutcome[],
  staleSeen: ReadonlySet<string>,
): Evaluation {
  const connectivity = outcomes.filter((outcome) => !isServiceEvent(outcome.event));
  const recallTable = new Map<string, { found: number; total: number }>();
  for (const outcome of connectivity) {
    const key = `${depthBucket(outcome.event.depth)}|${durationBucket(outcome.event.end - outcome.event.start)}`;
    const cell = recallTable.get(key) ?? { found: 0, total: 0 };
    cell.total += 1;
    if (outcome.firstSeenAt !== null) cell.found += 1;
    recallTable.set(key, cell);
  }
  const count = (filter: (outcome: EventOutcome) => boolean) => {
    const chosen = connectivity.filter(filter);
    return { found: chosen.filter((outcome) => outcome.firstSeenAt !== null).length, total: chosen.length };
  };
  const duration = (outcome: EventOutcome) => outcome.event.end - outcome.event.start;

  const records = [...stored.values()].filter((record) => record.createdAt >= scenario.evalStart);
  const alerts = records.map((record) => {
    const explained = scenario.events.some((event) => explainedBy(record.detection, event));
    const overlapsWindow = (start: number, end: number) =>
      record.detection.start.getTime() < end + MATCH_MARGIN && (record.detection.end?.getTime() ?? Infinity) > start - MATCH_MARGIN;
    const blip = explained ? null : (scenario.blips.find((candidate) => candidate.operator === record.detection.operator && overlapsWindow(candidate.start, candidate.end)) ?? null);
    const duringOutage = scenario.outages.find((outage) => overlapsWindow(outage.start, outage.end + HOUR)) ?? null;
    return { record, explained, blip, duringOutage };
  });

  const groups = [...new Set([...records.map((record) => record.detection.group), ...operatorGroups(scenario), ...REGIONS.map((region) => `region:${region}`)])].sort();
  const falseAlarmsByGroup = new Map(
    groups.map((group) => [
      group,
      {
        falseAlarms: alerts.filter((alert) => !alert.explained && alert.record.detection.group === group).length,
        quietWeeks: quietMs(scenario, group) / (7 * DAY),
      },
    ]),
  );

  const detected = outcomes.filter((outcome) => outcome.firstSeenAt !== null);
  const alertsPerEvent =
    detected.length === 0
      ? 0
      : detected.reduce((sum, outcome) => sum + records.filter((record) => covers(record.detection, outcome.event)).length, 0) / detected.length;

  const byKind = new Map<string, number[]>();
  for (const outcome of detected) {
    const list = byKind.get(outcome.event.kind) ?? [];
    list.push(outcome.latencySteps!);
    byKind.set(outcome.event.kind, list);
  }

  const kinds = new Map<string, Map<string, number>>();
  let regionNamed = 0;
  let regionTotal = 0;
  let regionExtra = 0;
  let segmentsMatched = 0;
  let segmentsTotal = 0;
  for (const outcome of connectivity.filter((candidate) => candidate.firstSeenAt !== null)) {
    const final = records.map((record) => record.detection).filter((detection) => covers(detection, outcome.event));
    const segments = final
      .flatMap((detection) => detection.segments)
      .filter((segment) => segment.kind !== "service-blocking" && overlapsEvent(segment, outcome.event))
      .sort((a, b) => a.start.getTime() - b.start.getTime());
    const observed = ["blackout", "partial", "throttling-like"].find((kind) => segments.some((segment) => segment.kind === kind)) ?? "none";
    const row = kinds.get(expectedKind(outcome.event)) ?? new Map<string, number>();
    row.set(observed, (row.get(observed) ?? 0) + 1);
    kinds.set(expectedKind(outcome.event), row);
    if (outcome.event.kind === "regional") {
      regionTotal += 1;
      const named = new Set(final.flatMap((detection) => detection.regions));
      if (outcome.event.regions.every((region) => named.has(region))) regionNamed += 1;
      if ([...named].some((region) => !outcome.event.regions.includes(region as (typeof REGIONS)[number]))) regionExtra += 1;
    }
    if (outcome.event.stretches.length > 1) {
      segmentsTotal += 1;
      const observed = joinTouching(segments.map((segment) => ({ kind: segment.kind as string, start: segment.start.getTime(), end: segment.end?.getTime() ?? Infinity })));
      const expected = joinTouching(outcome.event.stretches.map((stretch) => ({ kind: stretch.depth >= 0.8 ? "blackout" : "partial", start: stretch.start, end: stretch.end })));
      if (sameSequence(observed, expected)) segmentsMatched += 1;
    }
  }

  const blackouts = connectivity.filter((outcome) => outcome.event.kind === "blackout" && outcome.firstSeenAt !== null);
  const annotated = blackouts.filter((outcome) => scenario.annotations.some((annotation) => annotation.key.endsWith(outcome.event.id)));
  const attached = annotated.filter((outcome) =>
    records.some((record) => covers(record.detection, outcome.event) && record.detection.evidence.some((evidence) => evidence.type === "event" && evidence.key.endsWith(outcome.event.id))),
  );

  const blipsByKind = new Map<string, { fired: number; total: number }>();
  for (const blip of scenario.blips) {
    const cell = blipsByKind.get(blip.kind) ?? { fired: 0, total: 0 };
    cell.total += 1;
    if (alerts.some((alert) => alert.blip === blip)) cell.fired += 1;
    blipsByKind.set(blip.kind, cell);
  }

  const serviceOutcomes = outcomes.filter((outcome) => isServiceEvent(outcome.event));
  return {
    outcomes,
    recallTable,
    targetStrong: count((outcome) => outcome.event.depth >= 0.5 && duration(outcome) >= HOUR),
    targetPartial: count((outcome) => outcome.event.depth >= 0.25 && outcome.event.depth < 0.5 && duration(outcome) >= 3 * HOUR),
    alerts,
    falseAlarmsByGroup,
    alertsPerEvent,
    latencies: { all: detected.map((outcome) => outcome.latencySteps!), byKind },
    kinds,
    regionNaming: { named: regionNamed, total: regionTotal, extra: regionExtra },
    segmentsMatched: { matched: segmentsMatched, total: segmentsTotal },
    evidenceAttached: { attached: attached.length, total: annotated.length },
    blipsFired: alerts.filter((alert) => alert.blip !== null).length,
    blipsByKind,
    outagesStale: { flagged: scenario.outages.filter((outage) => staleSeen.has(outage.id)).length, total: scenario.outages.length },
    quietStepFalsePositiveRate: quietFalsePositiveRate(scenario, alerts),
    serviceRecall: { found: serviceOutcomes.filter((outcome) => outcome.firstSeenAt !== null).length, total: serviceOutcomes.length },
  };
}

function operatorGroups(scenario: Scenario): string[] {
  return [...new Set(scenario.events.map((event) => `operator:${event.operator}`))];
}

const expectedKind = (event: InjectedEvent) =>
  event.kind === "blackout" || event.depth >= 0.8 ? "blackout" : event.kind === "throttling" ? "throttling-like" : "partial";

function overlapsEvent(segment: { start: Date; end: Date | null }, event: InjectedEvent): boolean {
  return segment.start.getTime() < event.end && (segment.end?.getTime() ?? Infinity) > event.start;
}

/** The kinds of a sequence of stretches, one per run of touching stretches of one kind (a full restoration between two cuts keeps them apart). */
function joinTouching(stretches: readonly { kind: string; start: number; end: number }[]): string[] {
  return stretches.filter((stretch, index) => index === 0 || stretch.kind !== stretches[index - 1]!.kind || stretch.start !== stretches[index - 1]!.end).map((stretch) => stretch.kind);
}

function sameSequence(observed: readonly string[], expected: readonly string[]): boolean {
  return observed.length === expected.length && observed.every((kind, index) => kind === expected[index]);
}

/** The evaluation time of a group outside its events (and a margin around them). */
function quietMs(scenario: Scenario, group: string): number {
  const busy = scenario.events
    .filter((event) => (group.startsWith("operator:") ? `operator:${event.operator}` === group : regionsOf(event).includes(group.slice("region:".length))))
    .map((event) => [Math.max(scenario.evalStart, event.start - QUIET_MARGIN_BEFORE), Math.min(scenario.evalEnd, event.end + QUIET_MARGIN_AFTER)] as const)
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reach = -Infinity;
  for (const [start, end] of busy) {
    if (end <= reach) continue;
    covered += end - Math.max(start, reach);
    reach = end;
  }
  return scenario.evalEnd - scenario.evalStart - covered;
}

/** Share of the operators' quiet 5-minute buckets that fall inside a false alarm: comparable to IODA's per-bucket false-positive rate. */
function quietFalsePositiveRate(scenario: Scenario, alerts: Evaluation["alerts"]): number {
  const operators = operatorGroups(scenario);
  let quietSteps = 0;
  let falseSteps = 0;
  for (const group of operators) {
    quietSteps += quietMs(scenario, group) / IODA_STEP;
    for (const alert of alerts) {
      if (alert.explained || alert.record.detection.group !== group) continue;
      const { start, end } = alert.record.detection;
      falseSteps += ((end?.getTime() ?? scenario.evalEnd) - start.getTime()) / IODA_STEP;
    }
  }
  return quietSteps === 0 ? 0 : falseSteps / quietSteps;
}

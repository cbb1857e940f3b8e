import { connectivityParts, mergeParts, serviceParts, toDetection, type DetectionPart } from "./assemble-detections";
import { feedStatuses, groupFreshness } from "./feed-health";
import { watchGroups, type WatchGroup } from "./groups";
import {
  BASELINE_MIN_DAYS,
  CORROBORATED_MIN_STEPS,
  DAY_MS,
  REOPEN_WITHIN_MS,
  SMOOTHING_STEPS,
  SUSTAINED_MIN_STEPS,
  SUSTAINED_WINDOW_MS,
} from "./parameters";
import { RunData } from "./run-data";
import { detectServiceBlocking } from "./service-blocking";
import { buildSignalTrack } from "./signal-track";
import { groupTimeline, trackConnectivity } from "./track-connectivity";
import type { Detection, DetectionInput, DetectionResult, StoredPeriod } from "./types";
import { resumeFrom } from "./window";

/**
 * Suspected disruptions in the measured signals: one detection per operator
 * (or network without operator, or region) and period, with its segments and
 * evidence, for the detections overlapping `input.window` (see README.md).
 *
 * Pure and deterministic: the same input gives the same output, and keys are
 * the group and the start, so a rerun or a longer window updates detections
 * rather than duplicating them. Incremental: each group is evaluated from
 * `window.since`, or, for a stored detection that new data may extend, end
 * or reopen (input.stored), from its first segment of each part type; and it
 * reaches back on its own (REOPEN_WITHIN_MS at a time) while a drop it finds
 * may have begun earlier or belong with an earlier one. Callers pass points
 * from `requiredHistoryStart(window, stored)`.
 */
export function detectDisruptions(input: DetectionInput): DetectionResult {
  const since = input.window.since.getTime();
  const until = input.window.until.getTime();
  if (!(since < until)) throw new RangeError("The detection window must end after it starts.");

  const run = new RunData(input);
  const groups = watchGroups(run.prepared, input.operatorOfAsn);
  const stored = input.stored ?? [];
  const partsByGroup = new Map(groups.map((group) => [group.key, evaluateGroup(run, group, since, stored)]));

  const events = input.events ?? [];
  const detectionsOf = (group: WatchGroup, regionsOverlapping: (start: number, end: number | null) => string[]) =>
    mergeParts(partsByGroup.get(group.key)!).map((parts) => toDetection(group, parts, { until, events, regionsOverlapping }));
  // Regions (IODA's region series) are watched on their own, for subscribers of a region, and name
  // the regions of the operators' detections they overlap.
  const regionDetections = groups.filter((group) => group.region !== null).flatMap((group) => detectionsOf(group, () => []));
  const regionsOverlapping = (start: number, end: number | null) =>
    [...new Set(regionDetections.filter((region) => overlaps(region, start, end, until)).flatMap((region) => region.regions))];
  const detections = [...groups.filter((group) => group.region === null).flatMap((group) => detectionsOf(group, regionsOverlapping)), ...regionDetections];

  const reportedFrom = since - REOPEN_WITHIN_MS;
  return {
    window: input.window,
    detections: detections
      .filter((detection) => detection.end === null || detection.end.getTime() > reportedFrom)
      .sort((a, b) => a.start.getTime() - b.start.getTime() || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0)),
    feeds: feedStatuses(run),
    groups: groups.map((group) => groupFreshness(run, group)),
  };
}

/**
 * A group's parts: connectivity episodes and service blocking, each
 * evaluated from its resume point (the window's start, or its stored
 * segment's) and reaching back while the earliest part found starts less
 * than REOPEN_WITHIN_MS after the evaluation's start: it may have begun
 * earlier, or follow another drop of the same period. Never before the
 * group has BASELINE_MIN_DAYS of history.
 */
function evaluateGroup(run: RunData, group: WatchGroup, since: number, stored: readonly StoredPeriod[]): DetectionPart[] {
  const firstData = Math.min(...group.members.map((member) => run.firstPointAt(member) ?? Infinity));
  if (!Number.isFinite(firstData)) return [];
  const floor = firstData + BASELINE_MIN_DAYS * DAY_MS;
  const connectivity = reachBack(floor, since, resumeFrom(group.key, "connectivity", since, stored), (openFrom) => groupConnectivity(run, group, openFrom));
  const service = reachBack(floor, since, resumeFrom(group.key, "service", since, stored), (openFrom) =>
    group.service.flatMap((signal) => serviceParts(detectServiceBlocking(run, signal, openFrom))),
  );
  return [...connectivity, ...service];
}

/**
 * Evaluates from `resume` and reaches back REOPEN_WITHIN_MS before the
 * earliest part found while that part starts within REOPEN_WITHIN_MS of the
 * evaluation's start. A resume point taken from a stored segment needs no
 * look back when the part found there starts no earlier: the run that stored
 * it already looked.
 */
function reachBack(floor: number, since: number, resume: number, evaluate: (openFrom: number) => DetectionPart[]): DetectionPart[] {
  let openFrom = Math.max(floor, resume);
  let lookedBackAlready = resume < since;
  for (;;) {
    const parts = evaluate(openFrom);
    const earliest = Math.min(...parts.map((part) => part.start));
    if (!(earliest < openFrom + REOPEN_WITHIN_MS) || openFrom <= floor) return parts;
    if (lookedBackAlready && earliest >= openFrom) return parts;
    lookedBackAlready = false;
    openFrom = Math.max(floor, earliest - REOPEN_WITHIN_MS);
  }
}

function groupConnectivity(run: RunData, group: WatchGroup, openFrom: number): DetectionPart[] {
  if (group.connectivity.length === 0) return [];
  const coarsest = Math.max(...group.connectivity.flatMap((signal) => signal.members.map((member) => member.stepMs)));
  // Preroll: the sustained rule's window, the smoothing and the corroborated rule's buckets, before openFrom.
  const preroll = Math.max(SUSTAINED_WINDOW_MS, SUSTAINED_MIN_STEPS * coarsest) + (SMOOTHING_STEPS + CORROBORATED_MIN_STEPS) * coarsest;
  const from = openFrom - preroll;
  const tracks = group.connectivity.map((signal) => buildSignalTrack(run, signal, from, run.until));
  const timeline = groupTimeline(tracks, from, run.until);
  return connectivityParts(timeline, trackConnectivity(timeline, openFrom), run.until);
}

function overlaps(detection: Detection, start: number, end: number | null, until: number): boolean {
  return detection.start.getTime() < (end ?? until) && (detection.end?.getTime() ?? until) > start;
}

import {
  CORROBORATED_MIN_STEPS,
  CORROBORATION_NEEDED,
  RESTORE_AFTER_MS,
  RESTORE_MIN_STEPS,
  SUSTAINED_MIN_STEPS,
  SUSTAINED_WINDOW_MS,
} from "./parameters";
import { medianOf } from "./series-reader";
import { trackIndex, type SignalTrack } from "./signal-track";
import type { DetectionRule } from "./types";

/**
 * A group's connectivity, bucket by bucket: when a drop opens a detection,
 * how long it goes on, and when the signals are back. Pure and causal: the
 * decision for a bucket reads only that bucket and earlier ones.
 */
export type ConnectivityEpisode = {
  /** First bucket of the drop. */
  start: number;
  /** First bucket of the restoration, or null while it lasts. */
  end: number | null;
  /** The bucket on which the opening rule first held. */
  openedAt: number;
  rule: Exclude<DetectionRule, "service-cusum">;
  /** Signals that were below warning at some point of the episode. */
  joined: Set<string>;
};

/** The group's timeline: every track read on the grid of its finest step. */
export type GroupTimeline = { tracks: SignalTrack[]; stepMs: number; start: number; length: number };

export function groupTimeline(tracks: SignalTrack[], from: number, until: number): GroupTimeline {
  const stepMs = Math.min(...tracks.map((track) => track.stepMs));
  const start = Math.floor(from / stepMs) * stepMs;
  return { tracks, stepMs, start, length: Math.max(0, Math.ceil((until - start) / stepMs)) };
}

/** A track's raw and smoothed depth at an instant (NaN when unknown). */
export function depthAt(track: SignalTrack, at: number): { depth: number; smoothed: number; index: number } {
  const index = trackIndex(track, at);
  return index < 0 ? { depth: Number.NaN, smoothed: Number.NaN, index } : { depth: track.depth[index]!, smoothed: track.smoothed[index]!, index };
}

const isBreaching = (track: SignalTrack, depth: number) => depth >= track.params.warningDepth;

/**
 * How many independent witnesses say "down" at an instant: each signal below
 * warning counts once, and a reachability signal once more for every further
 * large network below warning on its own. A volume signal's networks do not
 * vouch for each other: traffic counts are noisy and rise and fall together
 * (a shallow dip plus noise can take two networks' telescope counts below
 * warning at once).
 */
export function corroborationAt(timeline: GroupTimeline, at: number): number {
  let witnesses = 0;
  for (const track of timeline.tracks) {
    const { depth, index } = depthAt(track, at);
    if (!isBreaching(track, depth)) continue;
    witnesses += track.params.measures === "reachability" ? Math.max(1, track.breachingNetworks[index]!) : 1;
  }
  return witnesses;
}

/** Corroborated rule: CORROBORATION_NEEDED witnesses in each of the last CORROBORATED_MIN_STEPS buckets. */
export function corroboratedAt(timeline: GroupTimeline, at: number): boolean {
  for (let back = 0; back < CORROBORATED_MIN_STEPS; back += 1) {
    if (corroborationAt(timeline, at - back * timeline.stepMs) < CORROBORATION_NEEDED) return false;
  }
  return true;
}

/**
 * Sustained rule, for one signal alone: over its last hour (and at least
 * SUSTAINED_MIN_STEPS buckets) the median depth is below warning, with at
 * least half of the buckets known, and the latest bucket is below warning
 * too. A gap counted as a drop can carry this rule only when no other signal
 * of the group has a measured value then: one series' missing points, with
 * the group's other signals present, are a data gap, not an outage.
 */
export function sustainedAt(timeline: GroupTimeline, track: SignalTrack, at: number, buffer = new Float64Array(sustainedSteps(track))): boolean {
  const { depth, index } = depthAt(track, at);
  if (!isBreaching(track, depth)) return false;
  const steps = sustainedSteps(track);
  if (index - steps + 1 < 0) return false;
  let known = 0;
  let measuredBreach = false;
  for (let back = index - steps + 1; back <= index; back += 1) {
    const value = track.depth[back]!;
    if (Number.isNaN(value)) continue;
    buffer[known++] = value;
    if (track.measured[back] === 1 && isBreaching(track, value)) measuredBreach = true;
  }
  if (known * 2 < steps || medianOf(buffer, known) < track.params.warningDepth) return false;
  return measuredBreach || !otherSignalMeasured(timeline, track, at);
}

/** The sustained rule's window in a track's buckets: an hour, and at least SUSTAINED_MIN_STEPS. */
export function sustainedSteps(track: SignalTrack): number {
  return Math.max(SUSTAINED_MIN_STEPS, Math.round(SUSTAINED_WINDOW_MS / track.stepMs));
}

function otherSignalMeasured(timeline: GroupTimeline, except: SignalTrack, at: number): boolean {
  return timeline.tracks.some((track) => track !== except && track.measured[trackIndex(track, at)] === 1);
}

/** Any signal below warning, raw or smoothed: the bucket belongs to a drop. */
export function disturbedAt(timeline: GroupTimeline, at: number): boolean {
  return timeline.tracks.some((track) => {
    const { depth, smoothed } = depthAt(track, at);
    return isBreaching(track, depth) || isBreaching(track, smoothed);
  });
}

/**
 * Whether an open detection goes on: a signal that took part is still below
 * warning, or its smoothed depth is still at least its restoreDepth
 * (hysteresis). With no data from any of them, nothing says it is over.
 */
export function continuingAt(timeline: GroupTimeline, joined: ReadonlySet<string>, at: number): boolean {
  let known = false;
  for (const track of timeline.tracks) {
    if (!joined.has(track.key)) continue;
    const { depth, smoothed } = depthAt(track, at);
    if (!Number.isNaN(depth) || !Number.isNaN(smoothed)) known = true;
    if (isBreaching(track, depth) || smoothed >= track.params.restoreDepth) return true;
  }
  return !known;
}

/**
 * Runs the group's buckets from the timeline's start to its end. Detections
 * may open only from `openFrom` on (earlier buckets are preroll for the
 * windows); the state before it is taken as normal, which is why the caller
 * starts early enough (see detect-disruptions.ts).
 */
export function trackConnectivity(timeline: GroupTimeline, openFrom: number): ConnectivityEpisode[] {
  const episodes: ConnectivityEpisode[] = [];
  const buffer = new Float64Array(Math.max(...timeline.tracks.map((track) => sustainedSteps(track))));
  const restoreSteps = Math.max(RESTORE_MIN_STEPS, Math.ceil(RESTORE_AFTER_MS / timeline.stepMs));
  let open: ConnectivityEpisode | null = null;
  let normalSince: number | null = null;
  let normalSteps = 0;

  for (let index = 0; index < timeline.length; index += 1) {
    const at = timeline.start + index * timeline.stepMs;
    if (!open) {
      if (at < openFrom) continue;
      const rule = corroboratedAt(timeline, at)
        ? "corroborated"
        : timeline.tracks.some((track) => sustainedAt(timeline, track, at, buffer))
          ? "sustained"
          : null;
      if (!rule) continue;
      const start = dropStart(timeline, at);
      open = { start, end: null, openedAt: at, rule, joined: new Set() };
      for (let back = start; back <= at; back += timeline.stepMs) joinBreaching(timeline, open.joined, back);
      episodes.push(open);
      normalSince = null;
      normalSteps = 0;
      continue;
    }
    joinBreaching(timeline, open.joined, at);
    if (continuingAt(timeline, open.joined, at)) {
      normalSince = null;
      normalSteps = 0;
      continue;
    }
    normalSince ??= at;
    normalSteps += 1;
    if (normalSteps >= restoreSteps) {
      open.end = restorationStart(timeline, open, normalSince);
      open = null;
    }
  }
  return episodes;
}

/**
 * Where the restoration began: smoothing notices a recovery a bucket or two
 * late, so the end moves back over the buckets in which no signal that took
 * part was below its warning level any more.
 */
function restorationStart(timeline: GroupTimeline, episode: ConnectivityEpisode, normalSince: number): number {
  let end = normalSince;
  while (end - timeline.stepMs > episode.openedAt && rawRestoredAt(timeline, episode.joined, end - timeline.stepMs)) end -= timeline.stepMs;
  return end;
}

function rawRestoredAt(timeline: GroupTimeline, joined: ReadonlySet<string>, at: number): boolean {
  let known = false;
  for (const track of timeline.tracks) {
    if (!joined.has(track.key)) continue;
    const { depth } = depthAt(track, at);
    if (Number.isNaN(depth)) continue;
    known = true;
    if (depth >= track.params.warningDepth) return false;
  }
  return known;
}

/** The first bucket of the run of disturbed buckets that ends at `at` (within the timeline). */
function dropStart(timeline: GroupTimeline, at: number): number {
  let start = at;
  while (start - timeline.stepMs >= timeline.start && disturbedAt(timeline, start - timeline.stepMs)) start -= timeline.stepMs;
  return start;
}

function joinBreaching(timeline: GroupTimeline, joined: Set<string>, at: number): void {
  for (const track of timeline.tracks) {
    if (isBreaching(track, depthAt(track, at).depth)) joined.add(track.key);
  }
}

import { BLACKOUT_DEPTH, MIN_SEGMENT_MS, MIN_SEGMENT_STEPS, PARTIAL_DEPTH } from "./parameters";
import { medianOf } from "./series-reader";
import type { SignalTrack } from "./signal-track";
import { depthAt, type ConnectivityEpisode, type GroupTimeline } from "./track-connectivity";
import type { DetectionKind } from "./types";

/** A stretch of an episode, in epoch ms (see DetectionSegment). */
export type EpisodeSegment = {
  kind: DetectionKind;
  start: number;
  end: number | null;
  depth: number;
  signals: string[];
};

type Level = "blackout" | "disrupted" | "normal";
type Run = { level: Level; first: number; count: number };

/**
 * Cuts an episode into segments that map onto incident phases: a cut, a
 * partial restoration, a recut. Each bucket gets a level from the depths of
 * the signals that took part, each the median of the bucket and its two
 * neighbours (so that a boundary falls where the change happened, at the
 * price of moving by a bucket when the next one arrives): blackout when the
 * deepest is BLACKOUT_DEPTH or more; disrupted while one is at least its
 * restoreDepth; else normal (a brief restoration). Stretches shorter than
 * MIN_SEGMENT_MS are folded into their neighbour; normal stretches are gaps
 * between segments.
 */
export function episodeSegments(timeline: GroupTimeline, episode: ConnectivityEpisode, until: number): EpisodeSegment[] {
  const { stepMs } = timeline;
  const last = episode.end ?? until;
  const count = Math.max(0, Math.round((last - episode.start) / stepMs));
  if (count === 0) return [];
  const levels: Level[] = [];
  const depths = new Float64Array(count);
  let previous: Level = "disrupted";
  for (let step = 0; step < count; step += 1) {
    const at = episode.start + step * stepMs;
    const { deepest, disrupted } = centredLevel(timeline.tracks, episode.joined, at, until);
    depths[step] = deepest;
    const level: Level = Number.isNaN(deepest) ? previous : deepest >= BLACKOUT_DEPTH ? "blackout" : disrupted ? "disrupted" : "normal";
    levels.push(level);
    previous = level;
  }

  const minSteps = Math.max(MIN_SEGMENT_STEPS, Math.ceil(MIN_SEGMENT_MS / stepMs));
  const runs = foldShortRuns(toRuns(levels), minSteps);
  return runs
    .filter((run) => run.level !== "normal")
    .map((run) => {
      const start = episode.start + run.first * stepMs;
      const runEnd = episode.start + (run.first + run.count) * stepMs;
      const depth = medianDepth(depths, run);
      return {
        kind: run.level === "blackout" ? "blackout" : classifyDrop(timeline.tracks, episode.joined, start, runEnd, depth),
        start,
        end: runEnd >= last && episode.end === null ? null : runEnd,
        depth,
        signals: signalsBelowWarning(timeline.tracks, episode.joined, start, runEnd),
      };
    });
}

/**
 * The deepest centred depth among the joined signals at an instant (NaN when
 * none is known), and whether one of them is still at its restoreDepth.
 */
function centredLevel(tracks: readonly SignalTrack[], joined: ReadonlySet<string>, at: number, until: number): { deepest: number; disrupted: boolean } {
  let deepest = Number.NaN;
  let disrupted = false;
  const buffer = new Float64Array(3);
  for (const track of tracks) {
    if (!joined.has(track.key)) continue;
    let count = 0;
    for (const offset of [-1, 0, 1]) {
      const when = at + offset * track.stepMs;
      if (when >= until) continue;
      const { depth } = depthAt(track, when);
      if (!Number.isNaN(depth)) buffer[count++] = depth;
    }
    if (count === 0 || Number.isNaN(depthAt(track, at).depth)) continue;
    const centred = medianOf(buffer, count);
    if (!(centred <= deepest)) deepest = centred;
    if (centred >= track.params.restoreDepth) disrupted = true;
  }
  return { deepest, disrupted };
}

function toRuns(levels: readonly Level[]): Run[] {
  const runs: Run[] = [];
  levels.forEach((level, index) => {
    const last = runs[runs.length - 1];
    if (last && last.level === level) last.count += 1;
    else runs.push({ level, first: index, count: 1 });
  });
  return runs;
}

/**
 * Folds the shortest run under minSteps into a neighbour, until none can be:
 * a brief restoration into the disruption around it; a brief blackout or
 * drop into the disrupted stretch next to it (the previous one first). A
 * disruption is never folded into a normal stretch: it would vanish.
 */
export function foldShortRuns(runs: Run[], minSteps: number): Run[] {
  const folded = runs.map((run) => ({ ...run }));
  const neighbourFor = (index: number): number => {
    const candidates = [index - 1, index + 1].filter((other) => other >= 0 && other < folded.length);
    if (folded[index]!.level === "normal") return candidates[0] ?? -1;
    return candidates.find((other) => folded[other]!.level !== "normal") ?? -1;
  };
  for (;;) {
    let shortest = -1;
    folded.forEach((run, index) => {
      if (run.count < minSteps && neighbourFor(index) >= 0 && (shortest < 0 || run.count < folded[shortest]!.count)) shortest = index;
    });
    if (shortest < 0) return folded;
    const run = folded[shortest]!;
    const into = folded[neighbourFor(shortest)]!;
    into.first = Math.min(into.first, run.first);
    into.count += run.count;
    folded.splice(shortest, 1);
    for (let index = folded.length - 1; index > 0; index -= 1) {
      if (folded[index]!.level === folded[index - 1]!.level) {
        folded[index - 1]!.count += folded[index]!.count;
        folded.splice(index, 1);
      }
    }
  }
}

function medianDepth(depths: Float64Array, run: Run): number {
  const buffer = new Float64Array(run.count);
  let count = 0;
  for (let step = run.first; step < run.first + run.count; step += 1) {
    if (!Number.isNaN(depths[step]!)) buffer[count++] = depths[step]!;
  }
  return count === 0 ? 0 : Math.round(medianOf(buffer, count) * 1000) / 1000;
}

/**
 * A drop short of a blackout: partial when routes or probed hosts are lost
 * (a reachability signal's median depth in the stretch is below its
 * warning), or when it is at least PARTIAL_DEPTH deep whatever the signal;
 * otherwise throttling-like: traffic fell but the hosts still answer.
 */
export function classifyDrop(tracks: readonly SignalTrack[], joined: ReadonlySet<string>, start: number, end: number, depth: number): DetectionKind {
  for (const track of tracks) {
    if (!joined.has(track.key) || track.params.measures !== "reachability") continue;
    if (medianRawDepth(track, start, end) >= track.params.warningDepth) return "partial";
  }
  return depth >= PARTIAL_DEPTH ? "partial" : "throttling-like";
}

function medianRawDepth(track: SignalTrack, start: number, end: number): number {
  const buffer = new Float64Array(Math.max(1, Math.ceil((end - start) / track.stepMs) + 1));
  let count = 0;
  for (let at = start; at < end; at += track.stepMs) {
    const { depth } = depthAt(track, at);
    if (!Number.isNaN(depth)) buffer[count++] = depth;
  }
  return count === 0 ? 0 : medianOf(buffer, count);
}

function signalsBelowWarning(tracks: readonly SignalTrack[], joined: ReadonlySet<string>, start: number, end: number): string[] {
  return tracks
    .filter((track) => {
      if (!joined.has(track.key)) return false;
      for (let at = start; at < end; at += track.stepMs) if (depthAt(track, at).depth >= track.params.warningDepth) return true;
      return false;
    })
    .map((track) => track.key)
    .sort();
}

import { feedHealthyAt } from "./feed-health";
import type { SignalMembers } from "./groups";
import { CORROBORATING_NETWORK_SHARE, SMOOTHING_STEPS } from "./parameters";
import type { PreparedSeries, RunData } from "./run-data";
import { alignDown, medianOf } from "./series-reader";
import type { ConnectivitySignalParameters } from "./signals";

/**
 * One connectivity signal of a group, bucket by bucket over a stretch of
 * time: how far below its baseline it is (its networks combined), and what
 * that depth rests on.
 */
export type SignalTrack = {
  key: string;
  params: ConnectivitySignalParameters;
  stepMs: number;
  /** Start of bucket 0. */
  start: number;
  /** 1 − value/baseline, clamped to 0–1; NaN when unknown (no baseline, or a gap the feed cannot vouch for). */
  depth: Float64Array;
  /** Median of the latest SMOOTHING_STEPS known depths; NaN when the bucket's own depth is unknown. */
  smoothed: Float64Array;
  /** 1 when at least one network's value was measured (not a gap counted as a drop). */
  measured: Uint8Array;
  /** How many networks carrying ≥ CORROBORATING_NETWORK_SHARE of the baseline are below warning on their own. */
  breachingNetworks: Uint8Array;
  /** Each network's (or region series') own depth, for naming the networks a detection is about. */
  members: { prepared: PreparedSeries; depth: Float64Array }[];
};

/** The signal's buckets in [from, until): each network's depth and their combination. */
export function buildSignalTrack(run: RunData, signal: SignalMembers<ConnectivitySignalParameters>, from: number, until: number): SignalTrack {
  const stepMs = Math.max(...signal.members.map((member) => member.stepMs));
  const start = alignDown(from, stepMs);
  const length = Math.max(0, Math.ceil((until - start) / stepMs));
  const track: SignalTrack = {
    key: signal.key,
    params: signal.params,
    stepMs,
    start,
    depth: new Float64Array(length).fill(Number.NaN),
    smoothed: new Float64Array(length).fill(Number.NaN),
    measured: new Uint8Array(length),
    breachingNetworks: new Uint8Array(length),
    members: signal.members.map((prepared) => ({ prepared, depth: new Float64Array(length).fill(Number.NaN) })),
  };
  const values = new Float64Array(signal.members.length);
  const baselines = new Float64Array(signal.members.length);

  for (let index = 0; index < length; index += 1) {
    const at = start + index * stepMs;
    let valueSum = 0;
    let baselineSum = 0;
    let included = 0;
    let measured = 0;
    signal.members.forEach((prepared, position) => {
      values[position] = Number.NaN;
      baselines[position] = Number.NaN;
      const baseline = run.baselineAt(prepared, at);
      if (!(baseline > 0)) return;
      let value = prepared.reader.valueAt(at);
      if (Number.isNaN(value)) {
        if (!signal.params.missingIsDrop || !feedHealthyAt(run, prepared, at)) return;
        value = 0;
      } else {
        measured += 1;
      }
      values[position] = value;
      baselines[position] = baseline;
      valueSum += value;
      baselineSum += baseline;
      included += 1;
    });
    if (included === 0) continue;

    let depthSum = 0;
    let breaching = 0;
    track.members.forEach((member, position) => {
      const baseline = baselines[position]!;
      if (Number.isNaN(baseline)) return;
      const own = clampDepth(1 - values[position]! / baseline);
      member.depth[index] = own;
      depthSum += own;
      if (own >= signal.params.warningDepth && baseline / baselineSum >= CORROBORATING_NETWORK_SHARE) breaching += 1;
    });
    track.depth[index] = signal.params.combine === "sum" ? clampDepth(1 - valueSum / baselineSum) : depthSum / included;
    track.measured[index] = measured > 0 ? 1 : 0;
    track.breachingNetworks[index] = breaching;
  }
  smooth(track);
  return track;
}

function clampDepth(depth: number): number {
  return depth < 0 ? 0 : depth > 1 ? 1 : depth;
}

function smooth(track: SignalTrack): void {
  const buffer = new Float64Array(SMOOTHING_STEPS);
  for (let index = 0; index < track.depth.length; index += 1) {
    if (Number.isNaN(track.depth[index]!)) continue;
    let count = 0;
    for (let back = index; back >= 0 && count < SMOOTHING_STEPS && index - back < 2 * SMOOTHING_STEPS; back -= 1) {
      const depth = track.depth[back]!;
      if (!Number.isNaN(depth)) buffer[count++] = depth;
    }
    track.smoothed[index] = medianOf(buffer, count);
  }
}

/** The index of the track's bucket holding an instant, or -1. */
export function trackIndex(track: SignalTrack, at: number): number {
  const index = Math.floor((at - track.start) / track.stepMs);
  return index >= 0 && index < track.depth.length ? index : -1;
}

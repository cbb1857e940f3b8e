import { describe, expect, it } from "vitest";
import { signalParameters, type ConnectivitySignalParameters } from "./signals";
import type { SignalTrack } from "./signal-track";
import { continuingAt, corroboratedAt, groupTimeline, sustainedAt, trackConnectivity, type GroupTimeline } from "./track-connectivity";

const STEP = 5 * 60_000;

/** A track from raw depths (NaN = unknown); smoothed = median of the last three, measured unless listed as gaps. */
function track(signal: "bgp" | "ping-slash24" | "merit-nt", depths: number[], options: { gaps?: number[]; networks?: number[] } = {}): SignalTrack {
  const params = signalParameters("IODA", signal) as ConnectivitySignalParameters;
  const smoothed = depths.map((depth, index) => {
    if (Number.isNaN(depth)) return Number.NaN;
    const recent = depths.slice(Math.max(0, index - 2), index + 1).filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
    return recent.length % 2 ? recent[recent.length >> 1]! : (recent[recent.length / 2 - 1]! + recent[recent.length / 2]!) / 2;
  });
  return {
    key: params.key,
    params,
    stepMs: STEP,
    start: 0,
    depth: Float64Array.from(depths),
    smoothed: Float64Array.from(smoothed),
    measured: Uint8Array.from(depths.map((_, index) => (options.gaps?.includes(index) ? 0 : 1))),
    breachingNetworks: Uint8Array.from(depths.map((_, index) => options.networks?.[index] ?? 0)),
    members: [],
  };
}

const timelineOf = (...tracks: SignalTrack[]): GroupTimeline => groupTimeline(tracks, 0, tracks[0]!.depth.length * STEP);
const quiet = (length: number, depth = 0.02) => Array.from({ length }, () => depth);

describe("opening rules", () => {
  it("opens on two signals below warning in two consecutive buckets, not in one", () => {
    const probing = track("ping-slash24", [...quiet(20), 0.9, 0.9, 0.9]);
    const telescope = track("merit-nt", [...quiet(20), 0.9, 0.9, 0.9]);
    const timeline = timelineOf(probing, telescope);
    expect(corroboratedAt(timeline, 20 * STEP)).toBe(false);
    expect(corroboratedAt(timeline, 21 * STEP)).toBe(true);
  });

  it("counts a second large network below warning on probing or BGP as a second witness, not on the telescope", () => {
    const probing = track("ping-slash24", [...quiet(20), 0.9, 0.9], { networks: [...quiet(20, 0), 2, 2] });
    expect(corroboratedAt(timelineOf(probing), 21 * STEP)).toBe(true);
    const oneNetwork = track("ping-slash24", [...quiet(20), 0.9, 0.9], { networks: [...quiet(20, 0), 1, 1] });
    expect(corroboratedAt(timelineOf(oneNetwork), 21 * STEP)).toBe(false);
    const telescope = track("merit-nt", [...quiet(20), 0.25, 0.25], { networks: [...quiet(20, 0), 2, 2] });
    expect(corroboratedAt(timelineOf(telescope), 21 * STEP)).toBe(false);
  });

  it("opens on one signal alone only when its last hour is below warning at the median and now", () => {
    const telescope = track("merit-nt", [...quiet(20), ...quiet(7, 0.3)]);
    const timeline = timelineOf(telescope, track("ping-slash24", quiet(27)));
    expect(sustainedAt(timeline, telescope, 25 * STEP)).toBe(false); // 6 of 12 buckets
    expect(sustainedAt(timeline, telescope, 26 * STEP)).toBe(true); // 7 of 12
    const blip = track("merit-nt", [...quiet(20), 0.6, 0.6, 0.6, 0.6, ...quiet(8)]);
    expect([20, 23, 26, 31].some((bucket) => sustainedAt(timelineOf(blip), blip, bucket * STEP))).toBe(false);
  });

  it("does not let one series' gaps open a detection alone while another signal is measured", () => {
    const gaps = [...Array.from({ length: 12 }, (_, index) => 20 + index)];
    const probing = track("ping-slash24", [...quiet(20), ...quiet(12, 1)], { gaps });
    const measured = timelineOf(probing, track("merit-nt", quiet(32)));
    expect(sustainedAt(measured, probing, 31 * STEP)).toBe(false);
    // Alone in its group, the silence of a network whose feed is healthy is a drop.
    expect(sustainedAt(timelineOf(probing), probing, 31 * STEP)).toBe(true);
  });
});

describe("hysteresis and restoration", () => {
  it("goes on while a signal that took part stays at its restore depth, and with no data at all", () => {
    const probing = track("ping-slash24", [...quiet(5), 0.9, 0.9, 0.15, 0.15, 0.15, 0.05, 0.05, 0.05, Number.NaN]);
    const timeline = timelineOf(probing);
    const joined = new Set(["ioda.ping-slash24"]);
    expect(continuingAt(timeline, joined, 9 * STEP)).toBe(true); // 15 % ≥ 10 %
    expect(continuingAt(timeline, joined, 12 * STEP)).toBe(false);
    expect(continuingAt(timeline, joined, 13 * STEP)).toBe(true); // unknown
  });

  it("restores after an hour back to normal, ending where the signals came back", () => {
    const depths = [...quiet(20), ...quiet(24, 0.9), ...quiet(30)];
    const timeline = timelineOf(track("ping-slash24", depths), track("merit-nt", depths));
    const [episode, ...others] = trackConnectivity(timeline, 0);
    expect(others).toEqual([]);
    expect(episode).toMatchObject({ start: 20 * STEP, end: 44 * STEP, openedAt: 21 * STEP, rule: "corroborated" });
    expect([...episode!.joined].sort()).toEqual(["ioda.merit-nt", "ioda.ping-slash24"]);
  });

  it("stays open, without an end, while the restoration is shorter than an hour", () => {
    const depths = [...quiet(20), ...quiet(24, 0.9), ...quiet(10)];
    const [episode] = trackConnectivity(timelineOf(track("ping-slash24", depths), track("merit-nt", depths)), 0);
    expect(episode!.end).toBeNull();
  });
});

import { BaselineCache, detectDisruptions, detectionFingerprint, reconcileDetections, type StoredDetection } from "@/lib/detection";
import type { Detection, DetectionOutageEvent, DetectionResult, DetectionSeries, SeriesPoint } from "@/lib/detection/types";
import type { GeneratedWorld } from "./generate";

/** Every detection ever created, as the tracker would have stored it, with when it was created and its last version. */
export type StoredRecord = {
  key: string;
  createdAt: number;
  /** The latest version of it (before it was superseded or vanished, if it was). */
  detection: Detection;
  fingerprint: string;
  superseded: boolean;
  vanished: boolean;
};

/** What the runs saw, for the evaluation. */
export type ReplayOutcome = {
  stored: Map<string, StoredRecord>;
  runs: number;
  runMs: number[];
};

/** The bench's clock ticks every 5 minutes, IODA's step. */
const DEFAULT_TICK_MS = 5 * 60_000;

/**
 * Plays the world forward as the tracker would live it: every tick (5 minutes) the
 * points that have arrived by then (a bucket arrives when it closes; after a
 * feed outage, backfilled buckets arrive together) are appended to the
 * stored series (all of their history: the detector reads only from
 * requiredHistoryStart on), the detector runs over the window the new data
 * affects, told of the stored detections (their groups resume from where
 * they began), and its detections are reconciled with the stored ones,
 * which is when an alert would go out. `observe` sees every run's result.
 */
export function replay(
  world: GeneratedWorld,
  from: number,
  until: number,
  observe: (clock: number, result: DetectionResult) => void,
  tickMs = DEFAULT_TICK_MS,
): ReplayOutcome {
  const arrived: { full: GeneratedWorld["series"][number]; view: DetectionSeries; points: SeriesPoint[]; next: number }[] = world.series.map((generated) => {
    const points: SeriesPoint[] = [];
    return { full: generated, view: { ...generated.series, points }, points, next: 0 };
  });
  const stored = new Map<string, StoredRecord>();
  const baselineCache = new BaselineCache();
  const runMs: number[] = [];
  let runs = 0;

  // History before the first run is already stored when the detector is switched on.
  for (const series of arrived) {
    while (series.next < series.full.arrivals.length && series.full.arrivals[series.next]! < from) series.points.push(series.full.series.points[series.next++]!);
  }

  for (let clock = from; clock <= until; clock += tickMs) {
    let newDataSince = Infinity;
    for (const series of arrived) {
      const { points } = series.full.series;
      const { arrivals } = series.full;
      while (series.next < points.length && arrivals[series.next]! <= clock) {
        const point = points[series.next]!;
        series.points.push(point);
        newDataSince = Math.min(newDataSince, point.at);
        series.next += 1;
      }
    }
    if (!Number.isFinite(newDataSince)) continue;

    const live = [...stored.values()].filter((record) => !record.superseded && !record.vanished);
    const events: DetectionOutageEvent[] = world.events.filter((entry) => entry.publishedAt <= clock).map((entry) => entry.event);
    const started = performance.now();
    const result = detectDisruptions({
      series: arrived.map((series) => series.view),
      operatorOfAsn: world.operatorOfAsn,
      events,
      window: { since: new Date(newDataSince), until: new Date(clock) },
      stored: live.map((record) => record.detection),
      baselineCache,
    });
    runMs.push(performance.now() - started);
    runs += 1;

    const storedRows: StoredDetection[] = live.map((record) => ({
      key: record.key,
      group: record.detection.group,
      start: record.detection.start,
      end: record.detection.end,
      fingerprint: record.fingerprint,
    }));
    const changes = reconcileDetections(storedRows, result.detections, result.window);
    for (const detection of changes.create) {
      stored.set(detection.key, { key: detection.key, createdAt: clock, detection, fingerprint: detectionFingerprint(detection), superseded: false, vanished: false });
    }
    for (const { key, detection } of changes.update) Object.assign(stored.get(key)!, { detection, fingerprint: detectionFingerprint(detection) });
    for (const { key } of changes.superseded) stored.get(key)!.superseded = true;
    for (const key of changes.vanished) stored.get(key)!.vanished = true;
    observe(clock, result);
    if (runs % 288 === 0) baselineCache.prune(clock - 8 * 86_400_000);
  }
  return { stored, runs, runMs };
}

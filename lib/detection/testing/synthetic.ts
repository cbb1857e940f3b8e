import { BaselineCache } from "../baseline-cache";
import { detectDisruptions } from "../detect-disruptions";
import { kazakhstanOffsetMs, dayTypeAt } from "../kazakhstan-calendar";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "../parameters";
import { detectionFingerprint, reconcileDetections } from "../reconcile-detections";
import { storedNameOf } from "../signals";
import type { Detection, DetectionInput, DetectionOutageEvent, DetectionResult, DetectionSeries, SeriesPoint } from "../types";

/**
 * Small, deterministic measured signals for the detector's tests: IODA's
 * three datasources at 5-minute steps with a day-night cycle, quieter rest
 * days and a little noise, for two operators (Kcell, AS29355; Beeline,
 * AS21299), so that one can go dark while the other keeps the feed healthy.
 * (bench/detect/ has the realistic generator; this one is for readable tests.)
 */

export const STEP_MS = 5 * MINUTE_MS;

/** Mulberry32: a tiny seeded generator, so tests see the same noise every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Level = { bgp: number; ping: number; telescope: number };

export const NETWORKS: Record<number, { operator: string; level: Level }> = {
  29355: { operator: "kcell", level: { bgp: 420, ping: 260, telescope: 900 } },
  21299: { operator: "beeline", level: { bgp: 700, ping: 380, telescope: 1100 } },
};

/** A change applied to the generated values: a factor per signal (0 = dark), or null for no point at all. */
export type Disturbance = {
  asn: number;
  from: number;
  to: number;
  /** Multiplies each signal; absent signals are untouched. */
  factor?: Partial<Record<keyof Level, number>>;
  /** Drop the points instead (a gap). */
  missing?: (keyof Level)[];
};

/** The series' stored names, from the signal registry. */
const SIGNALS: Record<keyof Level, string> = { bgp: storedNameOf("ioda.bgp"), ping: storedNameOf("ioda.ping-slash24"), telescope: storedNameOf("ioda.merit-nt") };

/** Local hour of day in Kazakhstan (0–24, fractional). */
export function localHour(at: number): number {
  return (((at + kazakhstanOffsetMs(at)) % DAY_MS) + DAY_MS) % DAY_MS / HOUR_MS;
}

/** How much lower probing and the telescope read on rest days (weekends, holidays). */
export type RestDayDrop = { ping: number; telescope: number };
const USUAL_REST_DAY_DROP: RestDayDrop = { ping: 0.02, telescope: 0.1 };

/** The usual value of a signal at an instant, before noise. */
export function usualValue(
  level: Level,
  signal: keyof Level,
  at: number,
  restDayDrop: RestDayDrop = USUAL_REST_DAY_DROP,
  isRestDay: (at: number) => boolean = (instant) => dayTypeAt(instant) === "rest",
): number {
  if (signal === "bgp") return level.bgp;
  const evening = Math.cos(((localHour(at) - 21) / 24) * 2 * Math.PI); // 1 at 21:00, -1 at 09:00
  const rest = isRestDay(at);
  if (signal === "ping") return level.ping * (1 + 0.06 * evening) * (rest ? 1 - restDayDrop.ping : 1);
  return level.telescope * (1 + 0.3 * evening) * (rest ? 1 - restDayDrop.telescope : 1);
}

/** IODA-like series for the networks over [from, until), with disturbances; `silent` drops every point (a feed outage). */
export function syntheticSeries(options: {
  from: number;
  until: number;
  seed?: number;
  disturbances?: Disturbance[];
  silent?: { from: number; to: number }[];
  restDayDrop?: RestDayDrop;
  /** When people rest (default: the detector's own calendar). */
  isRestDay?: (at: number) => boolean;
}): DetectionSeries[] {
  const random = seededRandom(options.seed ?? 1);
  const series: DetectionSeries[] = [];
  for (const [asnText, network] of Object.entries(NETWORKS)) {
    const asn = Number(asnText);
    for (const signal of Object.keys(SIGNALS) as (keyof Level)[]) {
      const points: SeriesPoint[] = [];
      for (let at = options.from; at < options.until; at += STEP_MS) {
        const noise = signal === "bgp" ? 0 : signal === "ping" ? 0.015 : 0.06;
        let value = usualValue(network.level, signal, at, options.restDayDrop, options.isRestDay) * (1 + noise * gaussian(random));
        if (options.silent?.some((window) => at >= window.from && at < window.to)) continue;
        const active = (options.disturbances ?? []).filter((disturbance) => disturbance.asn === asn && at >= disturbance.from && at < disturbance.to);
        if (active.some((disturbance) => disturbance.missing?.includes(signal))) continue;
        for (const disturbance of active) value *= disturbance.factor?.[signal] ?? 1;
        points.push({ at, value: Math.max(0, Math.round(value)) });
      }
      series.push({
        id: `${asn}-${signal}`,
        source: "IODA",
        signal: SIGNALS[signal],
        entityType: "ASN",
        entityCode: String(asn),
        asn,
        region: null,
        stepSeconds: STEP_MS / 1000,
        points,
      });
    }
  }
  return series;
}

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export const OPERATOR_OF_ASN: ReadonlyMap<number, string | null> = new Map(Object.entries(NETWORKS).map(([asn, network]) => [Number(asn), network.operator]));

export function input(series: DetectionSeries[], since: number, until: number, events: DetectionInput["events"] = []): DetectionInput {
  return { series, operatorOfAsn: OPERATOR_OF_ASN, events, window: { since: new Date(since), until: new Date(until) } };
}

/** What an incremental replay saw: the detections created (alerts) with when, the last version of each, and every run's result. */
export type Replay = {
  created: { key: string; clock: number }[];
  latest: Map<string, Detection>;
  results: { clock: number; result: DetectionResult }[];
};

/**
 * Runs the detector as the tracker would: every step, the buckets that have
 * closed by then arrive (a bucket [at, at + step) at at + step), the run
 * covers the new bucket and resumes stored detections, and its detections
 * are reconciled with the stored ones (a create is an alert).
 */
export function replaySteps(series: DetectionSeries[], from: number, until: number, events: DetectionOutageEvent[] = []): Replay {
  const cache = new BaselineCache();
  const latest = new Map<string, Detection>();
  const created: Replay["created"] = [];
  const results: Replay["results"] = [];
  const arrived = series.map((one) => ({ full: one.points, view: { ...one, points: [] as SeriesPoint[] }, next: 0 }));
  for (let clock = from; clock <= until; clock += STEP_MS) {
    for (const one of arrived) {
      while (one.next < one.full.length && one.full[one.next]!.at + STEP_MS <= clock) one.view.points.push(one.full[one.next++]!);
    }
    const stored = [...latest.values()];
    const result = detectDisruptions({
      series: arrived.map((one) => one.view),
      operatorOfAsn: OPERATOR_OF_ASN,
      events,
      window: { since: new Date(clock - STEP_MS), until: new Date(clock) },
      stored,
      baselineCache: cache,
    });
    results.push({ clock, result });
    const changes = reconcileDetections(
      stored.map((detection) => ({ key: keyOf(latest, detection), group: detection.group, start: detection.start, end: detection.end, fingerprint: detectionFingerprint(detection) })),
      result.detections,
      result.window,
    );
    for (const detection of changes.create) {
      latest.set(detection.key, detection);
      created.push({ key: detection.key, clock });
    }
    for (const { key, detection } of changes.update) latest.set(key, detection);
    for (const { key } of changes.superseded) latest.delete(key);
    for (const key of changes.vanished) latest.delete(key);
  }
  return { created, latest, results };
}

function keyOf(latest: Map<string, Detection>, detection: Detection): string {
  for (const [key, value] of latest) if (value === detection) return key;
  return detection.key;
}

import type { SignalMembers } from "./groups";
import {
  DAY_MS,
  SERVICE_BASELINE_DAYS,
  SERVICE_BLOCKED_RATE,
  SERVICE_CUSUM_THRESHOLD,
  SERVICE_DEFAULT_USUAL_RATE,
  SERVICE_EXTREME_DAY_RATE,
  SERVICE_MAX_USUAL_RATE,
  SERVICE_MIN_BASELINE_POINTS,
  SERVICE_MIN_USUAL_RATE,
  SERVICE_RESTORE_THRESHOLD,
  SERVICE_SETTLE_MS,
  SERVICE_STEP_MS,
} from "./parameters";
import type { PreparedSeries, RunData } from "./run-data";
import { alignDown, firstPointAtOrAfter, type SeriesReader } from "./series-reader";
import type { ServiceSignalParameters } from "./signals";

/** A stretch in which an app looks blocked on a group's networks (epoch ms). */
export type ServiceEpisode = {
  signal: string;
  params: ServiceSignalParameters;
  start: number;
  end: number | null;
  /** The hour on which the CUSUM crossed its threshold. */
  openedAt: number;
  /** The anomaly rate's rise over the usual rate, 0–1. */
  depth: number;
  /** Networks whose measurements pointed to blocking (positive evidence) in the stretch. */
  members: PreparedSeries[];
};

/**
 * Service blocking from OONI's hourly anomaly rates of one app on a group's
 * networks: a two-sided CUSUM (OONI's detector) on the evidence for
 * "blocked" (anomaly rate SERVICE_BLOCKED_RATE) against each network's usual
 * rate.
 *
 * - Each hour, each network adds w·[r·ln(p₁/p₀) + (1−r)·ln((1−p₁)/(1−p₀))],
 *   for its rate r over w measurements (w = 1 when unknown), p₀ its usual
 *   rate, p₁ the blocked rate. Networks add up: corroboration.
 * - The rising side opens at SERVICE_CUSUM_THRESHOLD; the blocking began
 *   the hour after the statistic last stood at zero (the CUSUM change point).
 * - The falling side then sums evidence for the usual rate and ends the
 *   blocking at SERVICE_RESTORE_THRESHOLD, at its own change point.
 * - An hour without measurements adds nothing: a total shutdown silences OONI,
 *   and the connectivity signals speak instead.
 */
export function detectServiceBlocking(run: RunData, signal: SignalMembers<ServiceSignalParameters>, openFrom: number): ServiceEpisode[] {
  const from = alignDown(openFrom - SERVICE_SETTLE_MS, SERVICE_STEP_MS);
  const networks = signal.members.map((prepared) => ({ prepared, reader: prepared.reader, usual: new Map<number, number>(), evidence: 0 }));
  const blocked = SERVICE_BLOCKED_RATE;
  const episodes: ServiceEpisode[] = [];

  let rising = 0;
  let risingFrom = from;
  let falling = 0;
  let fallingFrom = from;
  let open: { start: number; openedAt: number; rates: number; weights: number; usual: number; hours: number } | null = null;

  const close = (end: number | null) => {
    if (!open) return;
    const meanRate = open.weights > 0 ? open.rates / open.weights : 0;
    const meanUsual = open.hours > 0 ? open.usual / open.hours : 0;
    episodes.push({
      signal: signal.key,
      params: signal.params,
      start: open.start,
      end,
      openedAt: open.openedAt,
      depth: Math.round(Math.max(0, Math.min(1, meanRate - meanUsual)) * 1000) / 1000,
      members: networks.filter((network) => network.evidence > 0).map((network) => network.prepared),
    });
    open = null;
  };

  for (let hour = from; hour < run.until; hour += SERVICE_STEP_MS) {
    let evidence = 0;
    let rates = 0;
    let weights = 0;
    let usualSum = 0;
    let measuredNetworks = 0;
    for (const network of networks) {
      const rate = network.reader.valueAt(hour);
      if (Number.isNaN(rate)) continue;
      const weight = network.reader.weightAt(hour);
      const usual = usualRate(network.reader, network.usual, hour, signal.params.baseline.lookbackDays);
      const own = weight * (rate * Math.log(blocked / usual) + (1 - rate) * Math.log((1 - blocked) / (1 - usual)));
      evidence += own;
      if (open) network.evidence += own;
      rates += rate * weight;
      weights += weight;
      usualSum += usual;
      measuredNetworks += 1;
    }

    if (!open) {
      rising = Math.max(0, rising + evidence);
      if (rising === 0) risingFrom = hour + SERVICE_STEP_MS;
      if (rising >= SERVICE_CUSUM_THRESHOLD && hour >= openFrom) {
        open = { start: risingFrom, openedAt: hour, rates: 0, weights: 0, usual: 0, hours: 0 };
        for (const network of networks) network.evidence = 0;
        // The hours from the change point to now belong to the blocking.
        for (let back = risingFrom; back <= hour; back += SERVICE_STEP_MS) addHour(open, networks, back, signal.params.baseline.lookbackDays);
        falling = 0;
        fallingFrom = hour + SERVICE_STEP_MS;
      }
      continue;
    }
    open.rates += rates;
    open.weights += weights;
    open.usual += usualSum;
    open.hours += measuredNetworks;
    falling = Math.max(0, falling - evidence);
    if (falling === 0) fallingFrom = hour + SERVICE_STEP_MS;
    if (falling >= SERVICE_RESTORE_THRESHOLD) {
      close(fallingFrom);
      rising = 0;
      risingFrom = hour + SERVICE_STEP_MS;
    }
  }
  close(null);
  return episodes;
}

type NetworkState = { reader: SeriesReader; usual: Map<number, number>; evidence: number };

/** Adds an hour before the opening to the open stretch's means and evidence. */
function addHour(open: { rates: number; weights: number; usual: number; hours: number }, networks: NetworkState[], hour: number, lookbackDays: number): void {
  for (const network of networks) {
    const rate = network.reader.valueAt(hour);
    if (Number.isNaN(rate)) continue;
    const weight = network.reader.weightAt(hour);
    const usual = usualRate(network.reader, network.usual, hour, lookbackDays);
    network.evidence += weight * (rate * Math.log(SERVICE_BLOCKED_RATE / usual) + (1 - rate) * Math.log((1 - SERVICE_BLOCKED_RATE) / (1 - usual)));
    open.rates += rate * weight;
    open.weights += weight;
    open.usual += usual;
    open.hours += 1;
  }
}

/**
 * The network's usual anomaly rate for an hour: the mean over the
 * signal's lookbackDays (14) UTC days before the hour's day, leaving out days
 * whose own mean is SERVICE_EXTREME_DAY_RATE or more (blocked days), bounded
 * to [SERVICE_MIN_USUAL_RATE, SERVICE_MAX_USUAL_RATE]. Computed once per day.
 */
export function usualRate(reader: SeriesReader, cache: Map<number, number>, hour: number, lookbackDays = SERVICE_BASELINE_DAYS): number {
  const day = Math.floor(hour / DAY_MS);
  const cached = cache.get(day);
  if (cached !== undefined) return cached;
  const points = reader.points;
  const daySums = new Float64Array(lookbackDays);
  const dayCounts = new Uint32Array(lookbackDays);
  const firstDay = day - lookbackDays;
  for (let index = firstPointAtOrAfter(points, firstDay * DAY_MS); index < points.length && points[index]!.at < day * DAY_MS; index += 1) {
    const { at, value } = points[index]!;
    if (!Number.isFinite(value)) continue;
    const slot = Math.floor(at / DAY_MS) - firstDay;
    daySums[slot]! += value;
    dayCounts[slot]! += 1;
  }
  let sum = 0;
  let count = 0;
  for (let slot = 0; slot < lookbackDays; slot += 1) {
    if (dayCounts[slot] === 0 || daySums[slot]! / dayCounts[slot]! >= SERVICE_EXTREME_DAY_RATE) continue;
    sum += daySums[slot]!;
    count += dayCounts[slot]!;
  }
  const usual =
    count < SERVICE_MIN_BASELINE_POINTS ? SERVICE_DEFAULT_USUAL_RATE : Math.min(SERVICE_MAX_USUAL_RATE, Math.max(SERVICE_MIN_USUAL_RATE, sum / count));
  cache.set(day, usual);
  return usual;
}

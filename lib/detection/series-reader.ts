import type { DetectionSeries, SeriesPoint } from "./types";

/**
 * Reads a series' stored points by time without copying them. Points are
 * ascending and at most one per bucket, so the point of a bucket lies within
 * a few places of where it would be without gaps: a lookup is a binary
 * search over that short stretch, whatever the length of the history.
 */
export class SeriesReader {
  private readonly firstBucket: number;
  private readonly lastBucket: number;

  constructor(
    readonly points: readonly SeriesPoint[],
    readonly stepMs: number,
  ) {
    this.firstBucket = points.length > 0 ? Math.floor(points[0]!.at / stepMs) : 0;
    this.lastBucket = points.length > 0 ? Math.floor(points[points.length - 1]!.at / stepMs) : -1;
  }

  /** The index of the point in the bucket holding `at`, or -1 for a gap. */
  indexAt(at: number): number {
    const bucket = Math.floor(at / this.stepMs);
    if (bucket < this.firstBucket || bucket > this.lastBucket) return -1;
    const last = this.points.length - 1;
    let low = Math.max(0, last - (this.lastBucket - bucket));
    let high = Math.min(last, bucket - this.firstBucket);
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const found = Math.floor(this.points[middle]!.at / this.stepMs);
      if (found === bucket) return middle;
      if (found < bucket) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  /** The value of the bucket holding `at`; NaN for a gap (or a stored value that is not a finite number). */
  valueAt(at: number): number {
    const index = this.indexAt(at);
    if (index < 0) return Number.NaN;
    const value = this.points[index]!.value;
    return Number.isFinite(value) ? value : Number.NaN;
  }

  /** How many measurements the bucket's value stands for (1 when the point does not say). */
  weightAt(at: number): number {
    const index = this.indexAt(at);
    const weight = index < 0 ? undefined : this.points[index]!.weight;
    return weight !== undefined && weight > 0 ? weight : 1;
  }

  /** Whether the series has a point in [from, to). */
  hasValueBetween(from: number, to: number): boolean {
    const index = this.countBefore(from);
    return index < this.points.length && this.points[index]!.at < to;
  }

  /** How many points start before `at`: a binary search narrowed, as in indexAt, by there being at most one point per bucket. */
  countBefore(at: number): number {
    const count = this.points.length;
    if (count === 0 || at <= this.points[0]!.at) return 0;
    if (at > this.points[count - 1]!.at) return count;
    const bucket = Math.floor(at / this.stepMs);
    let low = Math.max(0, count - 1 - (this.lastBucket - bucket) - 1);
    let high = Math.min(count, bucket - this.firstBucket + 1);
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.points[middle]!.at < at) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** Index of the first point at or after `at` (points ascending); the length when there is none. */
export function firstPointAtOrAfter(points: readonly SeriesPoint[], at: number): number {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (points[middle]!.at < at) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Without a stated step, a series' step is the most common gap between its first points; 5 minutes if it has fewer than two. */
const DEFAULT_STEP_MS = 5 * 60_000;

export function stepMsOf(series: DetectionSeries): number {
  if (series.stepSeconds && series.stepSeconds > 0) return series.stepSeconds * 1000;
  const counts = new Map<number, number>();
  const points = series.points;
  for (let index = 1; index < Math.min(points.length, 500); index += 1) {
    const gap = points[index]!.at - points[index - 1]!.at;
    if (gap > 0) counts.set(gap, (counts.get(gap) ?? 0) + 1);
  }
  let best = DEFAULT_STEP_MS;
  let bestCount = 0;
  for (const [gap, count] of counts) {
    if (count > bestCount || (count === bestCount && gap < best)) [best, bestCount] = [gap, count];
  }
  return best;
}

export const alignDown = (epochMs: number, stepMs: number) => Math.floor(epochMs / stepMs) * stepMs;

/** Median of the first `count` entries of a scratch buffer (reorders them). NaN when count is 0. */
export function medianOf(buffer: Float64Array, count: number): number {
  if (count === 0) return Number.NaN;
  const sorted = buffer.subarray(0, count).sort();
  const middle = count >> 1;
  return count % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

import type { ChartPoint } from "./signal-chart";

/**
 * Figures of one drawn line, pure: the normalisation on the server
 * (lib/server/series/normalise-line.ts) and the chart's summary tables
 * (lib/charts/signal-chart-view.ts) use the same median.
 */

/** The median of some numbers (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export type LineStats = {
  /** Buckets with a value. */
  withData: number;
  /** Buckets without one (gaps). */
  gaps: number;
  /** The lowest value and the start of its first bucket. */
  min: { value: number; at: string } | null;
  max: number | null;
  median: number | null;
};

/** A line's lowest (and when), median and highest value, and how many of its buckets hold one. */
export function lineStats(points: readonly ChartPoint[]): LineStats {
  const values = points.flatMap((point) => (point.value === null ? [] : [{ value: point.value, at: point.at }]));
  return {
    withData: values.length,
    gaps: points.length - values.length,
    min: values.reduce<LineStats["min"]>((low, entry) => (low === null || entry.value < low.value ? entry : low), null),
    max: values.reduce<number | null>((high, entry) => (high === null || entry.value > high ? entry.value : high), null),
    median: median(values.map((entry) => entry.value)),
  };
}

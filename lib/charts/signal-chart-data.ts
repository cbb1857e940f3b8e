import type { ChartPoint } from "./signal-chart";

/**
 * The figures a server-drawn measured chart leaves in its SVG for the browser
 * island that adds the time cursor (components/charts/signal-chart-cursor.tsx):
 * written once per panel as data attributes, read back without d3 or React.
 * Pure, and small enough for the island's bundle.
 *
 * - the buckets' starts: `"<first ms>/<step ms>/<count>"` when evenly spaced
 *   (the series query's buckets are), else every start in ms, comma-separated;
 * - a line's values: comma-separated in bucket order, a gap as nothing
 *   (`"12,,9.5"`), each the server's number exactly (`String(value)`).
 */

/** The buckets' starts of a line's points, as a data attribute. */
export function encodeBuckets(points: readonly ChartPoint[]): string {
  const starts = points.map((point) => Date.parse(point.at));
  const step = starts.length > 1 ? starts[1]! - starts[0]! : 0;
  const even = step > 0 && starts.every((start, index) => start === starts[0]! + index * step);
  if (even) return `${starts[0]}/${step}/${starts.length}`;
  return starts.join(",");
}

/** The buckets' starts in ms since the epoch, back from `encodeBuckets`; [] for anything unreadable. */
export function decodeBuckets(encoded: string | null | undefined): number[] {
  if (!encoded) return [];
  const grid = /^(-?\d+)\/(\d+)\/(\d+)$/.exec(encoded);
  if (grid) {
    const [first, step, count] = [Number(grid[1]), Number(grid[2]), Number(grid[3])];
    return Array.from({ length: Math.min(count, 100_000) }, (_, index) => first + index * step);
  }
  const starts = encoded.split(",").map(Number);
  return starts.every(Number.isFinite) ? starts : [];
}

/** A line's values as a data attribute: gaps stay gaps (empty), never zeros. */
export function encodeValues(points: readonly ChartPoint[]): string {
  return points.map((point) => (point.value === null ? "" : String(point.value))).join(",");
}

/** A line's values back from `encodeValues`: null for a gap (or anything that is not a number). */
export function decodeValues(encoded: string | null | undefined): (number | null)[] {
  if (!encoded) return [];
  return encoded.split(",").map((entry) => {
    if (entry === "") return null;
    const value = Number(entry);
    return Number.isFinite(value) ? value : null;
  });
}

/** The index of the bucket start nearest to `time` (starts ascending); -1 when there is none. */
export function nearestIndex(starts: readonly number[], time: number): number {
  if (starts.length === 0 || !Number.isFinite(time)) return -1;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (starts[middle]! < time) low = middle + 1;
    else high = middle;
  }
  // `low` is the first start at or after `time`: the one before may be nearer.
  if (low > 0 && time - starts[low - 1]! <= starts[low]! - time) return low - 1;
  return low;
}

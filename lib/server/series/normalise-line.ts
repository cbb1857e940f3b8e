import "server-only";
import { median } from "@/lib/charts/line-stats";
import type { SignalLine } from "@/lib/charts/signal-chart";

/**
 * A line divided by the median of its buckets over the period, so that 1 is
 * its usual level and operators of any size compare (0.5 = half the usual
 * level). The median, not the mean, so an outage does not move the baseline.
 * Gaps stay null. A line whose median is not positive (e.g. an anomaly rate
 * that is usually 0) cannot be scaled: its values become null and its median
 * is reported as null.
 */
export function normaliseLine(line: SignalLine): SignalLine {
  const middle = median(line.points.flatMap((point) => (point.value === null ? [] : [point.value])));
  const scale = middle !== null && middle > 0 ? middle : null;
  return {
    ...line,
    median: scale,
    points: line.points.map((point) => ({ at: point.at, value: point.value === null || scale === null ? null : point.value / scale })),
  };
}

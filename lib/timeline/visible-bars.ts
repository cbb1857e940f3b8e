import { DISRUPTION_SEVERITY } from "@/lib/incidents/disruption-hours";
import type { DisruptionType } from "@/lib/generated/prisma/enums";
import type { Lane, LaneBar } from "./lanes";
import type { TimeWindow } from "./view-window";

/**
 * A bar to draw, in pixels from the plot's left edge: `x` and `width` clipped
 * to the window, `endX` where its end is (outside the window when clipped).
 */
export type DrawnBar = { kind: "bar"; bar: LaneBar; x: number; width: number; endX: number; clippedStart: boolean; clippedEnd: boolean };
/** Several bars too narrow to tell apart at this zoom, drawn as one (the most severe type's colour). */
export type DrawnCluster = { kind: "cluster"; row: number; x: number; width: number; count: number; type: DisruptionType; items: number[] };
export type Drawn = DrawnBar | DrawnCluster;

/** Bars narrower than this are candidates for merging with their neighbours. */
export const NARROW_PX = 3;
/** Bars are drawn at least this wide, so a one-minute phase stays visible. */
export const MIN_BAR_PX = 2;
/** A phase whose end is not recorded and not counted is drawn as a fading stub this wide. */
export const STUB_PX = 14;

/** Where a bar is drawn in a window `width` pixels wide (not clipped). */
export function barPixels(bar: Pick<LaneBar, "start" | "end" | "endDrawing">, view: TimeWindow, width: number): { left: number; right: number } {
  const span = view.end - view.start;
  const left = ((bar.start - view.start) / span) * width;
  const right = ((bar.end - view.start) / span) * width;
  const minimum = bar.endDrawing === "not_counted" ? STUB_PX : MIN_BAR_PX;
  return { left, right: Math.max(right, left + minimum) };
}

const moreSevere = (a: DisruptionType, b: DisruptionType) => (DISRUPTION_SEVERITY.indexOf(a) <= DISRUPTION_SEVERITY.indexOf(b) ? a : b);

/**
 * What to draw of one lane in a window `width` pixels wide: only bars that
 * intersect the window, clipped to it, and runs of touching narrow bars in a
 * sub-row merged into clusters. The result is bounded by the pixel width, not by
 * the number of incidents, which keeps zooming smooth with thousands of them.
 */
export function visibleBars(lane: Lane, view: TimeWindow, width: number): Drawn[] {
  const span = view.end - view.start;
  if (!(span > 0) || !(width > 0)) return [];
  const stubSpan = (STUB_PX / width) * span;
  const drawn: Drawn[] = [];
  const lastInRow = new Map<number, number>();
  for (const bar of lane.bars) {
    if (bar.start >= view.end) break; // sorted by start
    const stub = bar.endDrawing === "not_counted";
    if ((stub ? bar.start + stubSpan : bar.end) <= view.start) continue;
    const pixels = barPixels(bar, view, width);
    const left = Math.max(pixels.left, -1);
    const right = Math.min(pixels.right, width + 1);
    const barWidth = Math.max(right - left, MIN_BAR_PX);
    const previousIndex = lastInRow.get(bar.row);
    const previous = previousIndex === undefined ? undefined : drawn[previousIndex]!;
    // A stub is never merged: it is the only mark of its phase.
    const narrow = !stub && right - left < NARROW_PX;
    const previousNarrow = previous && (previous.kind === "cluster" || previous.width < NARROW_PX);
    if (narrow && previous && previousNarrow && left <= previous.x + previous.width + 1) {
      const cluster: DrawnCluster =
        previous.kind === "cluster"
          ? previous
          : { kind: "cluster", row: bar.row, x: previous.x, width: previous.width, count: 1, type: previous.bar.type, items: [previous.bar.item] };
      cluster.width = Math.max(cluster.x + cluster.width, left + barWidth) - cluster.x;
      cluster.count += 1;
      cluster.type = moreSevere(cluster.type, bar.type);
      if (!cluster.items.includes(bar.item)) cluster.items.push(bar.item);
      drawn[previousIndex!] = cluster;
      continue;
    }
    lastInRow.set(bar.row, drawn.length);
    drawn.push({ kind: "bar", bar, x: left, width: barWidth, endX: pixels.right, clippedStart: bar.start < view.start, clippedEnd: pixels.right > width });
  }
  return drawn;
}

/** The incidents (item indexes) with at least one phase in the window, in time order. */
export function itemsInWindow(items: { start: number; end: number }[], view: TimeWindow): number[] {
  const inside: number[] = [];
  items.forEach((item, index) => {
    if (item.end > view.start && item.start < view.end) inside.push(index);
  });
  return inside.sort((a, b) => items[a]!.start - items[b]!.start || a - b);
}

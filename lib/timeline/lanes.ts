import type { DisruptionType, PhaseExtent } from "@/lib/generated/prisma/enums";
import type { TimelineItem } from "./items";

/** One phase drawn in one lane. */
export type LaneBar = {
  /** Index of the incident in the items array. */
  item: number;
  phase: number;
  start: number;
  end: number;
  type: DisruptionType;
  extent: PhaseExtent;
  open: boolean;
  /** Sub-row inside the lane, so overlapping bars do not hide each other. */
  row: number;
};

export type Lane = { id: string; rows: number; bars: LaneBar[] };

/**
 * Places every phase in its lanes. Inside a lane, bars go to the first sub-row
 * that is free at their start; past `maxRows` a bar shares the sub-row that
 * frees up first (it overlaps there, the list view still has it). Bars are
 * sorted by start, which the culling relies on.
 */
export function layoutLanes(items: TimelineItem[], order: string[], maxRows = 3): Lane[] {
  const byLane = new Map<string, Omit<LaneBar, "row">[]>(order.map((id) => [id, []]));
  items.forEach((item, itemIndex) =>
    item.phases.forEach((phase, phaseIndex) => {
      for (const lane of phase.lanes) {
        byLane.get(lane)?.push({ item: itemIndex, phase: phaseIndex, start: phase.start, end: phase.end, type: phase.type, extent: phase.extent, open: phase.open });
      }
    }),
  );
  return order.map((id) => {
    const sorted = byLane.get(id)!.sort((a, b) => a.start - b.start || b.end - a.end);
    const rowEnds: number[] = [];
    const bars = sorted.map((bar) => {
      let row = rowEnds.findIndex((end) => end <= bar.start);
      if (row === -1 && rowEnds.length < maxRows) row = rowEnds.length;
      if (row === -1) row = rowEnds.indexOf(Math.min(...rowEnds));
      rowEnds[row] = Math.max(rowEnds[row] ?? 0, bar.end);
      return { ...bar, row };
    });
    return { id, rows: Math.max(rowEnds.length, 1), bars };
  });
}

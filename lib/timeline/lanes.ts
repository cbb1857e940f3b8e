import type { DisruptionType, PhaseExtent } from "@/lib/generated/prisma/enums";
import type { EndDrawing, TimelineItem } from "./items";

/** One phase drawn in one lane. */
export type LaneBar = {
  /** Index of the incident in the items array. */
  item: number;
  phase: number;
  start: number;
  end: number;
  type: DisruptionType;
  extent: PhaseExtent;
  endDrawing: EndDrawing;
  fadeFrom: number | null;
  /** Limited to some regions (drawn with a dashed outline in an operator's lane). */
  regional: boolean;
  /** Sub-row inside the lane, so overlapping bars do not hide each other. */
  row: number;
};

export type Lane = { id: string; rows: number; bars: LaneBar[] };

/**
 * Enough sub-rows for every overlap the record holds (January 2022 needs four
 * in an operator's lane); past it a bar shares the sub-row that frees up first.
 */
export const MAX_ROWS = 12;

/**
 * Places every phase in its lanes. Inside a lane, bars go to the first
 * sub-row that is free at their start, so bars that overlap in time are
 * stacked and each stays visible (and a run of cuts separated by restorations
 * stays on one row, its gaps showing the restorations). Past `maxRows` a bar
 * shares the sub-row that frees up first (it overlaps there; the list view
 * still has it). Bars are sorted by start, which the culling relies on.
 */
export function layoutLanes(items: TimelineItem[], order: string[], maxRows = MAX_ROWS): Lane[] {
  const byLane = new Map<string, Omit<LaneBar, "row">[]>(order.map((id) => [id, []]));
  items.forEach((item, itemIndex) =>
    item.phases.forEach((phase, phaseIndex) => {
      for (const lane of phase.lanes) {
        byLane.get(lane)?.push({
          item: itemIndex,
          phase: phaseIndex,
          start: phase.start,
          end: phase.end,
          type: phase.type,
          extent: phase.extent,
          endDrawing: phase.endDrawing,
          fadeFrom: phase.fadeFrom,
          regional: phase.regional,
        });
      }
    }),
  );
  return order.map((id) => {
    // Nationwide before regional at the same start, so a run of nationwide cuts keeps to one row.
    const sorted = byLane.get(id)!.sort((a, b) => a.start - b.start || Number(a.regional) - Number(b.regional) || b.end - a.end || a.item - b.item || a.phase - b.phase);
    const rowEnds: number[] = [];
    const bars = sorted.map((bar) => {
      // A stub (an end not recorded, not counted) still takes a little room after its start.
      const end = Math.max(bar.end, bar.start + 1);
      let row = rowEnds.findIndex((rowEnd) => rowEnd <= bar.start);
      if (row === -1 && rowEnds.length < maxRows) row = rowEnds.length;
      if (row === -1) row = rowEnds.indexOf(Math.min(...rowEnds));
      rowEnds[row] = Math.max(rowEnds[row] ?? 0, end);
      return { ...bar, row };
    });
    return { id, rows: Math.max(rowEnds.length, 1), bars };
  });
}

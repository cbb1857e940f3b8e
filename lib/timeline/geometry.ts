import type { Lane } from "./lanes";

/** Vertical layout of the lanes, in pixels (the chart and the compact overview share it). */
export const AXIS_HEIGHT = 26;
export const LANE_LABEL_HEIGHT = 17;
export const ROW_HEIGHT = 14;
export const ROW_GAP = 3;
export const LANE_GAP = 8;

export type LaneBox = { top: number; rowsTop: number; height: number };

/** Where each lane sits, and the chart's total height. */
export function laneBoxes(lanes: Pick<Lane, "rows">[], top = AXIS_HEIGHT): { boxes: LaneBox[]; height: number } {
  let y = top;
  const boxes = lanes.map((lane) => {
    const height = LANE_LABEL_HEIGHT + lane.rows * (ROW_HEIGHT + ROW_GAP) + LANE_GAP;
    const box = { top: y, rowsTop: y + LANE_LABEL_HEIGHT, height };
    y += height;
    return box;
  });
  return { boxes, height: y };
}

export const rowY = (box: LaneBox, row: number) => box.rowsTop + row * (ROW_HEIGHT + ROW_GAP);

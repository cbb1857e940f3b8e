import type { TimelineItem } from "./items";
import { DAY, type TimeWindow } from "./view-window";

/**
 * The whole span the timeline can show: the filters' period when given, else
 * from the first incident to the last end (or now, when something is ongoing),
 * with a little room on both sides.
 */
export function timelineDomain(items: TimelineItem[], period: { from?: Date; to?: Date }, now: Date): TimeWindow {
  const starts = items.map((item) => item.start);
  const ends = items.map((item) => item.end);
  const dataStart = starts.length > 0 ? Math.min(...starts) : now.getTime() - 365 * DAY;
  const dataEnd = ends.length > 0 ? Math.max(...ends) : now.getTime();
  const pad = Math.max((dataEnd - dataStart) * 0.02, DAY / 2);
  const start = period.from?.getTime() ?? dataStart - pad;
  const end = period.to?.getTime() ?? Math.max(dataEnd + pad, start + DAY);
  return end > start ? { start, end } : { start, end: start + DAY };
}

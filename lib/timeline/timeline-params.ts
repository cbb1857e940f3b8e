import type { ZoneChoice } from "@/lib/time/format";
import { ZTimelineParams } from "@/lib/schemas/timeline-view";
import { paramsOf, readUrlState, type IgnoredValue, type QueryInput } from "@/lib/schemas/url-state";
import { monthWindow, parseMonthKey } from "./calendar";
import type { TimelineItem } from "./items";
import { clampWindow, parseWindowParam, windowAround, type TimeWindow } from "./view-window";

/**
 * The timeline's own URL parameters (lib/schemas/timeline-view.ts): `view` (the visible window),
 * `month` (a calendar month of the chosen zone) and `incident` (a selected incident).
 * The window comes from `view`, else `month`, else `incident`, else the whole
 * period. A value that does not parse, an incident the filters leave out or a
 * month outside the period is ignored, with a notice.
 */
export const TIMELINE_PARAMS = paramsOf(ZTimelineParams);

export type TimelineParams = {
  view: TimeWindow;
  /** Index into the items of the selected incident. */
  selected: number | null;
  /** A valid `view` as written, for the filter form to carry along (a change of filters keeps the zoom). */
  viewParam?: string;
  ignored: IgnoredValue[];
};

export function readTimelineParams(query: QueryInput, context: { items: Pick<TimelineItem, "slug" | "start" | "end">[]; domain: TimeWindow; zone: ZoneChoice }): TimelineParams {
  const { items, domain, zone } = context;
  const monthOf = (key: string) => {
    const month = parseMonthKey(key)!;
    return monthWindow(month.year, month.month, zone);
  };
  const { state, ignored } = readUrlState(ZTimelineParams, query, {
    mode: "lenient",
    allowed: {
      // A month outside the period shown (the filters' or the data's) cannot be shown.
      month: (key) => {
        const period = monthOf(key);
        return period.end > domain.start && period.start < domain.end;
      },
      incident: items.map((item) => item.slug),
    },
  });
  const view = state.view === undefined ? undefined : parseWindowParam(state.view);
  const found = state.incident === undefined ? -1 : items.findIndex((item) => item.slug === state.incident);
  const selected = found >= 0 ? found : null;

  const window = view ?? (state.month === undefined ? undefined : monthOf(state.month)) ?? (selected === null ? undefined : windowAround(items[selected]!, domain));
  return { view: window ? clampWindow(window, domain) : domain, selected, ...(view ? { viewParam: state.view } : {}), ignored };
}

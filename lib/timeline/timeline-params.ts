import type { ZoneChoice } from "@/lib/time/format";
import { monthKeyAt, monthWindow, parseMonthKey } from "./calendar";
import type { TimelineItem } from "./items";
import { clampWindow, parseWindowParam, windowAround, type TimeWindow } from "./view-window";

/**
 * The timeline's own URL parameters (besides the shared filters):
 * - `view=2022-01-04T00:00Z~2022-01-12T00:00Z`: the visible window, in UTC to the minute;
 * - `month=2022-01`: show that calendar month (of the chosen zone), as "jump to a month" asks;
 * - `incident=<slug>`: select that incident (highlighted; the presets show its
 *   period) and, without `view` or `month`, show it whole.
 * The window comes from `view`, else `month`, else `incident`, else the whole
 * period. A value that does not parse, an incident the filters leave out or a
 * month outside the period is ignored, with a notice.
 */
export const TIMELINE_PARAMS = ["view", "month", "incident"] as const;

type Query = Record<string, string | string[] | undefined>;

export type TimelineParams = {
  view: TimeWindow;
  /** Index into the items of the selected incident. */
  selected: number | null;
  /** A valid `view` as written, for the filter form to carry along (a change of filters keeps the zoom). */
  viewParam?: string;
  ignored: { param: string; value: string }[];
};

const single = (value: string | string[] | undefined): { value?: string; values: string[] } => {
  const values = [value ?? []].flat();
  return values.length === 1 ? { value: values[0], values } : { values };
};

export function readTimelineParams(query: Query, context: { items: Pick<TimelineItem, "slug" | "start" | "end">[]; domain: TimeWindow; zone: ZoneChoice }): TimelineParams {
  const { items, domain, zone } = context;
  const ignored: TimelineParams["ignored"] = [];
  const reject = (param: string, values: string[]) => ignored.push(...values.map((value) => ({ param, value })));

  const viewParam = single(query.view);
  const view = parseWindowParam(viewParam.value);
  if (!view) reject("view", viewParam.values);

  const monthParam = single(query.month);
  const month = parseMonthKey(monthParam.value);
  const monthPeriod = month ? monthWindow(month.year, month.month, zone) : undefined;
  const monthShown = monthPeriod && monthPeriod.end > domain.start && monthPeriod.start < domain.end ? monthPeriod : undefined;
  if (!monthShown) reject("month", monthParam.values);

  const incidentParam = single(query.incident);
  const found = incidentParam.value === undefined ? -1 : items.findIndex((item) => item.slug === incidentParam.value);
  if (found < 0) reject("incident", incidentParam.values);
  const selected = found >= 0 ? found : null;

  const window = view ?? monthShown ?? (selected === null ? undefined : windowAround(items[selected]!, domain));
  return { view: window ? clampWindow(window, domain) : domain, selected, ...(view ? { viewParam: viewParam.value } : {}), ignored };
}

/** The months (of the zone) in which some incident or phase starts, oldest first: the choices of "jump to a month". */
export function monthsWithData(items: Pick<TimelineItem, "start" | "phases">[], zone: ZoneChoice): string[] {
  const months = new Set(items.flatMap((item) => [item.start, ...item.phases.map((phase) => phase.start)]).map((instant) => monthKeyAt(instant, zone)));
  return [...months].sort();
}

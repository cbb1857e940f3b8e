import type { MapMeasure } from "@/lib/geo/map-model";
import { filtersToSearchParams, type IgnoredFilterValue, type IncidentFilters } from "@/lib/schemas/incident-filters";
import { ZMapParams } from "@/lib/schemas/map-view";
import { readUrlState, type QueryInput } from "@/lib/schemas/url-state";

export type MapParams = {
  measure: MapMeasure;
  /** 0 for the whole period, else 1 + the month's position in the period. */
  frame: number;
  selected: string | null;
  ignored: IgnoredFilterValue[];
};

/**
 * The map's own parameters (lib/schemas/map-view.ts), with the months of the period and the
 * regions the map draws as the values `month` and `selected` may take. A value that does not
 * fit is ignored and reported, like the shared filters.
 */
export function readMapParams(query: QueryInput, known: { months: string[]; regions: string[] }): MapParams {
  const { state, ignored } = readUrlState(ZMapParams, query, { mode: "lenient", allowed: { month: known.months, selected: known.regions } });
  return { measure: state.measure, frame: state.month ? known.months.indexOf(state.month) + 1 : 0, selected: state.selected ?? null, ignored };
}

/**
 * The filters a region's "filtered list" link carries (the map and its embed alike): the view's,
 * without region and period, which the link sets itself.
 */
export function regionListQuery(filters: IncidentFilters): string {
  const listFilters: Partial<IncidentFilters> = { ...filters, regions: [], years: [], page: 1 };
  delete listFilters.from;
  delete listFilters.to;
  return filtersToSearchParams(listFilters).toString();
}

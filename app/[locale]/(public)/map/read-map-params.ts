import { MAP_MEASURES, type MapMeasure } from "@/lib/geo/map-model";
import { filtersToQuery, type IgnoredFilterValue, type IncidentFilters } from "@/lib/schemas/incident-filters";

type SearchParams = Record<string, string | string[] | undefined>;

export type MapParams = {
  measure: MapMeasure;
  /** 0 for the whole period, else 1 + the month's position in the period. */
  frame: number;
  selected: string | null;
  ignored: IgnoredFilterValue[];
};

/**
 * The map's own parameters: `measure` (count, or one of the three measures of hours: full_blackout, partial_disruption, service_blocking), `month` (YYYY-MM, within
 * the period) and `selected` (a region slug). A value that does not fit is
 * ignored and reported, like the shared filters.
 */
export function readMapParams(query: SearchParams, known: { months: string[]; regions: string[] }): MapParams {
  const ignored: IgnoredFilterValue[] = [];
  /** A parameter that takes one value: the first allowed one wins, the others are reported. */
  const pick = <T extends string>(name: string, allowed: readonly T[]): T | undefined => {
    const raw = query[name];
    const values = (raw === undefined ? [] : [raw].flat()).map((value) => value.trim()).filter((value) => value !== "");
    const chosen = values.find((value) => (allowed as readonly string[]).includes(value)) as T | undefined;
    values.filter((value) => value !== chosen).forEach((value) => ignored.push({ param: name, value }));
    return chosen;
  };
  const measure = pick("measure", MAP_MEASURES) ?? "count";
  const month = pick("month", known.months);
  const selected = pick("selected", known.regions) ?? null;
  return { measure, frame: month ? known.months.indexOf(month) + 1 : 0, selected, ignored };
}

/**
 * The filters a region's "filtered list" link carries (the map and its embed alike): the view's,
 * without region and period, which the link sets itself.
 */
export function regionListQuery(filters: IncidentFilters): string {
  const listFilters: Partial<IncidentFilters> = { ...filters, regions: [], years: [], page: 1 };
  delete listFilters.from;
  delete listFilters.to;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filtersToQuery(listFilters))) for (const item of [value].flat()) params.append(name, item);
  return params.toString();
}

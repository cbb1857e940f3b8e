import { MAP_MEASURES, type MapMeasure } from "@/lib/geo/map-model";
import type { IgnoredFilterValue } from "@/lib/schemas/incident-filters";

type SearchParams = Record<string, string | string[] | undefined>;

export type MapParams = {
  measure: MapMeasure;
  /** 0 for the whole period, else 1 + the month's position in the period. */
  frame: number;
  selected: string | null;
  ignored: IgnoredFilterValue[];
};

/**
 * The map's own parameters: `measure` (count|hours), `month` (YYYY-MM, within
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

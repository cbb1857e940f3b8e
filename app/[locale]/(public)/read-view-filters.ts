import "server-only";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { getPathname, redirect } from "@/lib/i18n/pathname";
import type { Locale } from "@/lib/i18n/routing";
import { parseIncidentFilters, withoutEmptyParams, type IgnoredFilterValue, type IncidentFilters } from "@/lib/schemas/incident-filters";
import { listOperators, type OperatorOption } from "@/lib/server/operators/list-operators";
import { listRegions, type RegionOption } from "@/lib/server/regions/list-regions";

export type SearchParams = Record<string, string | string[] | undefined>;

export type ViewFilterState = {
  filters: IncidentFilters;
  ignored: IgnoredFilterValue[];
  operators: OperatorOption[];
  regions: RegionOption[];
  /** The view's localised path, for the filter form's action and "clear" link. */
  action: string;
};

/**
 * What every dashboard view does first: drop the empty values a GET form
 * submits (redirecting to the clean address), then read the shared filters.
 */
export async function readViewFilters(pathname: string, locale: string, query: SearchParams): Promise<ViewFilterState> {
  const cleaned = withoutEmptyParams(query);
  if (cleaned) redirect({ href: { pathname, query: cleaned }, locale: locale as Locale });
  const [operators, regions] = await Promise.all([listOperators({ caller: ANONYMOUS }), listRegions({ caller: ANONYMOUS, locale: locale })]);
  const { filters, ignored } = parseIncidentFilters(query, {
    operators: operators.map((operator) => operator.slug),
    regions: regions.map((region) => region.slug),
  });
  return { filters, ignored, operators, regions, action: getPathname({ href: pathname, locale: locale as Locale }) };
}

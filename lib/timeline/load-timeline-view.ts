import "server-only";
import { getTranslations } from "next-intl/server";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { getPathname } from "@/lib/i18n/pathname";
import type { Locale } from "@/lib/i18n/routing";
import { periodOfFilters, type IncidentFilters } from "@/lib/schemas/incident-filters";
import { listDashboardIncidents } from "@/lib/server/incidents/list-dashboard-incidents";
import type { OperatorOption } from "@/lib/server/operators/list-operators";
import type { RegionOption } from "@/lib/server/regions/list-regions";
import { timelineDomain } from "./domain";
import { laneLabel, laneOrder, laneRegion, toTimelineItems } from "./items";

/**
 * What the timeline page and its embed both draw: the filtered incidents as
 * timeline items, the period they span, the lanes (filtering by operator keeps
 * only those operators' lanes, by region only those regions' lanes, and the
 * National one either way), and where items link.
 */
export async function loadTimelineView(options: { filters: IncidentFilters; operators: OperatorOption[]; regions: RegionOption[]; locale: string; now: Date }) {
  const { filters, operators, regions, locale, now } = options;
  const t = await getTranslations({ locale, namespace: "timelineView" });
  const incidents = await listDashboardIncidents({ caller: ANONYMOUS, filters, locale });
  const items = toTimelineItems(incidents, now);
  const domain = timelineDomain(items, periodOfFilters(filters), now);
  const operatorNames = Object.fromEntries(operators.map((operator) => [operator.slug, operator.name]));
  const regionNames = Object.fromEntries(regions.map((region) => [region.slug, region.name]));
  const operatorSlugs = operators.map((operator) => operator.slug);
  const lanes = laneOrder(
    items,
    operatorSlugs,
    regions.map((region) => region.slug),
  )
    .filter((id) => filters.operators.length === 0 || !operatorSlugs.includes(id) || filters.operators.includes(id))
    .filter((id) => {
      const region = laneRegion(id);
      return filters.regions.length === 0 || region === null || filters.regions.includes(region);
    })
    .map((id) => ({ id, label: laneLabel(id, { operators: operatorNames, regions: regionNames }, (key, values) => t(key, values)) }));
  const incidentBase = `${getPathname({ href: "/incidents", locale: locale as Locale })}/`;
  return { items, domain, lanes, operatorNames, incidentBase };
}

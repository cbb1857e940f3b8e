import "server-only";
import { getTranslations } from "next-intl/server";
import { getPathname } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { periodOfFilters, type IncidentFilters } from "@/lib/schemas/incident-filters";
import { listDashboardIncidents } from "@/lib/server/incidents/list-dashboard-incidents";
import type { OperatorOption } from "@/lib/server/operators/list-operators";
import { timelineDomain } from "./domain";
import { laneOrder, NATIONAL_LANE, toTimelineItems, UNATTRIBUTED_LANE } from "./items";

/**
 * What the timeline page and its embed both draw: the filtered incidents as
 * timeline items, the period they span, the lanes (filtering by operator keeps
 * only those operators' lanes and the National one), and where items link.
 */
export async function loadTimelineView(options: { filters: IncidentFilters; operators: OperatorOption[]; locale: string; now: Date }) {
  const { filters, operators, locale, now } = options;
  const t = await getTranslations({ locale, namespace: "timelineView" });
  const incidents = await listDashboardIncidents({ filters, locale });
  const items = toTimelineItems(incidents, now);
  const domain = timelineDomain(items, periodOfFilters(filters), now);
  const operatorNames = Object.fromEntries(operators.map((operator) => [operator.slug, operator.name]));
  const laneLabel = (id: string) =>
    id === NATIONAL_LANE ? t("lanes.national") : id === UNATTRIBUTED_LANE ? t("lanes.unattributed") : (operatorNames[id] ?? id);
  const operatorSlugs = operators.map((operator) => operator.slug);
  const lanes = laneOrder(items, operatorSlugs)
    .filter((id) => filters.operators.length === 0 || !operatorSlugs.includes(id) || filters.operators.includes(id))
    .map((id) => ({ id, label: laneLabel(id) }));
  const incidentBase = `${getPathname({ href: "/incidents", locale: locale as Locale })}/`;
  return { items, domain, lanes, operatorNames, incidentBase };
}

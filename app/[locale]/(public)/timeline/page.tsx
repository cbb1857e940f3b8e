import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { IgnoredValuesNotice } from "@/components/dashboard/ignored-values-notice";
import { ViewFilters } from "@/components/dashboard/view-filters";
import { ViewSwitcher } from "@/components/dashboard/view-switcher";
import { InteractiveTimeline } from "@/components/timeline/interactive-timeline";
import { getPathname } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { periodOfFilters } from "@/lib/schemas/incident-filters";
import { listDashboardIncidents } from "@/lib/server/incidents/list-dashboard-incidents";
import { formatTimelineInstant } from "@/lib/timeline/format-instant";
import { timelineDomain } from "@/lib/timeline/domain";
import { laneOrder, NATIONAL_LANE, toTimelineItems, UNATTRIBUTED_LANE } from "@/lib/timeline/items";
import { clampWindow, parseWindowParam } from "@/lib/timeline/view-window";
import { readViewFilters, type SearchParams } from "../read-view-filters";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "timelineView" });
  return { title: t("title"), description: t("lede") };
}

export default async function TimelinePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const { filters, ignored, operators, regions, action } = await readViewFilters("/timeline", locale, query);
  const t = await getTranslations("timelineView");

  // The visible window is the timeline's own parameter: `view=2022-01-04T00:00Z~2022-01-12T00:00Z`.
  const viewValues = [query.view ?? []].flat();
  const requestedView = viewValues.length === 1 ? parseWindowParam(viewValues[0]) : undefined;
  const ignoredValues = [...ignored, ...(requestedView ? [] : viewValues.map((value) => ({ param: "view", value })))];

  const now = new Date();
  const incidents = await listDashboardIncidents({ filters, locale });
  const items = toTimelineItems(incidents, now);
  const domain = timelineDomain(items, periodOfFilters(filters), now);
  const initialView = requestedView ? clampWindow(requestedView, domain) : domain;
  const operatorNames = Object.fromEntries(operators.map((operator) => [operator.slug, operator.name]));
  const laneLabel = (id: string) =>
    id === NATIONAL_LANE ? t("lanes.national") : id === UNATTRIBUTED_LANE ? t("lanes.unattributed") : (operatorNames[id] ?? id);
  // Filtering by operator keeps only those operators' lanes (and the National one).
  const operatorSlugs = operators.map((operator) => operator.slug);
  const lanes = laneOrder(items, operatorSlugs)
    .filter((id) => filters.operators.length === 0 || !operatorSlugs.includes(id) || filters.operators.includes(id))
    .map((id) => ({ id, label: laneLabel(id) }));
  const incidentBase = `${getPathname({ href: "/incidents", locale: locale as Locale })}/`;

  return (
    <div className="container page">
      <header className="page-header">
        <h1>{t("title")}</h1>
        <p className="lede">{t("lede")}</p>
      </header>

      <ViewSwitcher current="timeline" filters={filters} />

      <ViewFilters
        filters={filters}
        operators={operators}
        regions={regions}
        action={action}
        clearHref={action}
        keep={requestedView ? { view: viewValues[0]! } : {}}
      />

      <IgnoredValuesNotice ignored={ignoredValues} />

      <p data-timeline-summary="">
        {t("summary", {
          count: items.length,
          ongoing: items.filter((item) => item.open).length,
          from: formatTimelineInstant(domain.start, filters.zone, locale),
          to: formatTimelineInstant(domain.end, filters.zone, locale),
        })}
      </p>

      {items.length === 0 ? (
        <p className="empty-state">{t("empty")}</p>
      ) : (
        <InteractiveTimeline
            items={items}
            lanes={lanes}
            operatorNames={operatorNames}
            domain={domain}
            initialView={initialView}
            zone={filters.zone}
            locale={locale}
            incidentBase={incidentBase}
            now={now.getTime()}
          />
      )}
    </div>
  );
}

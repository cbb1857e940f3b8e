import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { viewPageMetadata } from "@/lib/share/view-metadata";
import { IgnoredValuesNotice } from "@/components/dashboard/ignored-values-notice";
import { ViewFilters } from "@/components/dashboard/view-filters";
import { ViewSwitcher } from "@/components/dashboard/view-switcher";
import { EmbedButton } from "@/components/share/embed-button";
import { InteractiveTimeline } from "@/components/timeline/interactive-timeline";
import { filtersToQuery } from "@/lib/schemas/incident-filters";
import { TimelineSummary } from "@/components/timeline/timeline-summary";
import { loadTimelineView } from "@/lib/timeline/load-timeline-view";
import { clampWindow, parseWindowParam } from "@/lib/timeline/view-window";
import { readViewFilters, type SearchParams } from "../read-view-filters";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  return viewPageMetadata((await params).locale, "timeline", await searchParams);
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
  const { items, domain, lanes, operatorNames, incidentBase } = await loadTimelineView({ filters, operators, locale, now });
  const initialView = requestedView ? clampWindow(requestedView, domain) : domain;

  return (
    <div className="container page">
      <header className="page-header">
        <h1>{t("title")}</h1>
        <p className="lede">{t("lede")}</p>
      </header>

      <ViewSwitcher current="timeline" filters={filters} />
      <EmbedButton view={{ kind: "timeline", query: filtersToQuery({ ...filters, page: 1 }) }} />

      <ViewFilters
        filters={filters}
        operators={operators}
        regions={regions}
        action={action}
        clearHref={action}
        keep={requestedView ? { view: viewValues[0]! } : {}}
      />

      <IgnoredValuesNotice ignored={ignoredValues} />

      <TimelineSummary items={items} domain={domain} zone={filters.zone} locale={locale} />

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
            downloads
          />
      )}
    </div>
  );
}

import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { viewPageMetadata } from "@/lib/share/view-metadata";
import { IgnoredValuesNotice } from "@/components/dashboard/ignored-values-notice";
import { ViewFilters } from "@/components/dashboard/view-filters";
import { ChartTarget } from "@/components/dashboard/chart-target";
import { ViewSwitcher } from "@/components/dashboard/view-switcher";
import { EmbedButton } from "@/app/[locale]/(public)/embed-button";
import { InteractiveTimeline } from "@/components/timeline/interactive-timeline";
import { filtersToQuery } from "@/lib/schemas/incident-filters";
import { TimelineSummary } from "@/components/timeline/timeline-summary";
import { loadTimelineView } from "@/lib/timeline/load-timeline-view";
import { readTimelineParams } from "@/lib/timeline/timeline-params";
import { readViewFilters, type SearchParams } from "../read-view-filters";
import { ClientMessages } from "@/components/ui/client-messages";
import { PageHeader } from "@/components/ui/page-header";

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

  const now = new Date();
  const { items, domain, lanes, operatorNames, incidentBase } = await loadTimelineView({ filters, operators, regions, locale, now });
  // The timeline's own parameters: the window (`view=`, or `month=`) and the selected incident (`incident=`).
  const timeline = readTimelineParams(query, { items, domain, zone: filters.zone });
  const filterQuery = filtersToQuery({ ...filters, page: 1 });

  return (
    <ClientMessages view="timeline">
      <div className="container page">
        <PageHeader title={t("title")} lede={t("lede")} />

        <ViewSwitcher current="timeline" filters={filters} />
        <EmbedButton view={{ kind: "timeline", query: filterQuery }} />

        <ViewFilters
          filters={filters}
          operators={operators}
          regions={regions}
          action={action}
          clearHref={action}
          keep={timeline.viewParam ? { view: timeline.viewParam } : {}}
        />

        <IgnoredValuesNotice ignored={[...ignored, ...timeline.ignored]} />

        <ChartTarget>
          <TimelineSummary items={items} domain={domain} zone={filters.zone} locale={locale} />

          {items.length === 0 ? (
            <p className="empty-state">{t("empty")}</p>
          ) : (
            <InteractiveTimeline
              items={items}
              lanes={lanes}
              operatorNames={operatorNames}
              domain={domain}
              initialView={timeline.view}
              selected={timeline.selected}
              zone={filters.zone}
              locale={locale}
              incidentBase={incidentBase}
              now={now.getTime()}
              downloads
              jump={{ action, query: filterQuery }}
            />
          )}
        </ChartTarget>
      </div>
    </ClientMessages>
  );
}

import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { EmbedErrorCard } from "@/components/embed/embed-error-card";
import { EmbedFrame } from "@/components/embed/embed-frame";
import { InteractiveTimeline } from "@/components/timeline/interactive-timeline";
import { getPathname } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { periodOfFilters } from "@/lib/schemas/incident-filters";
import { listDashboardIncidents } from "@/lib/server/incidents/list-dashboard-incidents";
import { timelineDomain } from "@/lib/timeline/domain";
import { formatTimelineInstant } from "@/lib/timeline/format-instant";
import { laneOrder, NATIONAL_LANE, toTimelineItems, UNATTRIBUTED_LANE } from "@/lib/timeline/items";
import type { SearchParams } from "../../(public)/read-view-filters";
import { readEmbedState } from "../read-embed-state";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "embed" });
  return { title: t("timelineTitle"), robots: { index: false } };
}

/** /embed/timeline: the interactive timeline without site chrome, for other sites to frame. */
export default async function TimelineEmbed({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const now = new Date();
  const state = await readEmbedState("/embed/timeline", "/timeline", locale, await searchParams, now);
  if (!state.ok) return <EmbedErrorCard theme={state.theme} problem={state.problem} />;
  const { filters, operators } = state;
  const t = await getTranslations("timelineView");
  const e = await getTranslations("embed");

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

  return (
    <EmbedFrame theme={state.theme} title={e("timelineTitle")} fullHref={state.fullHref} rollingDays={state.rollingDays}>
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
          initialView={domain}
          zone={filters.zone}
          locale={locale}
          incidentBase={incidentBase}
          now={now.getTime()}
        />
      )}
    </EmbedFrame>
  );
}

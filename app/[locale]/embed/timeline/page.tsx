import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { EmbedErrorCard } from "@/components/embed/embed-error-card";
import { EmbedFrame } from "@/components/embed/embed-frame";
import { InteractiveTimeline } from "@/components/timeline/interactive-timeline";
import { TimelineSummary } from "@/components/timeline/timeline-summary";
import { loadTimelineView } from "@/lib/timeline/load-timeline-view";
import { CURATED_SOURCES } from "@/lib/credits/data-credits";
import type { SearchParams } from "../../(public)/read-view-filters";
import { readEmbedState } from "../read-embed-state";
import { embedViewMetadata } from "@/lib/share/view-metadata";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  return embedViewMetadata((await params).locale, "timeline", await searchParams);
}

/**
 * /embed/timeline: the interactive timeline without site chrome, for other sites to frame;
 * `chart=timeline` is the chart alone: no summary, its list of incidents behind a toggle.
 * The server's render draws the timeline; its JavaScript (zoom, drag, keys) loads when the
 * reader first points at, touches or focuses the embed (decision 0025).
 */
export default async function TimelineEmbed({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const now = new Date();
  const state = await readEmbedState("timeline", "/embed/timeline", "/timeline", locale, await searchParams, now);
  if (!state.ok) return <EmbedErrorCard theme={state.theme} problem={state.problem} />;
  const { filters, operators, regions } = state;
  const e = await getTranslations("embed");
  const t = await getTranslations("timelineView");
  const { items, domain, lanes, operatorNames, incidentBase } = await loadTimelineView({ filters, operators, regions, locale, now });

  return (
    <EmbedFrame
      kind="timeline"
      theme={state.theme}
      title={state.chart ? e("charts.timeline") : e("timelineTitle")}
      fullHref={state.fullHref}
      sources={CURATED_SOURCES}
      locale={locale}
      rollingDays={state.rollingDays}
    >
      {state.chart === null && <TimelineSummary items={items} domain={domain} zone={filters.zone} locale={locale} />}
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
          foldList={state.chart ? e("showTable") : undefined}
        />
      )}
    </EmbedFrame>
  );
}

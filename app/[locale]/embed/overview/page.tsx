import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { IncidentsPerYearChart } from "@/components/charts/incidents-per-year-chart";
import { IncidentsPerYearTable } from "@/components/charts/incidents-per-year-table";
import { EmbedErrorCard } from "@/components/embed/embed-error-card";
import { EmbedFrame } from "@/components/embed/embed-frame";
import { TableToggle } from "@/components/embed/table-toggle";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { CURATED_SOURCES } from "@/lib/credits/data-credits";
import { chartsOf } from "@/lib/embed/embed-charts";
import { getPathname } from "@/lib/i18n/pathname";
import type { Locale } from "@/lib/i18n/routing";
import { readClosedEmbedParams, ZOverviewEmbedParams } from "@/lib/schemas/embed";
import { countPublishedIncidentsByYear } from "@/lib/server/incidents/count-published-incidents-by-year";
import { shareMetadata } from "@/lib/share/share-metadata";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params;
  const query = await searchParams;
  const t = await getTranslations({ locale, namespace: "embed" });
  const cards = await getTranslations({ locale, namespace: "socialCards" });
  const title = readClosedEmbedParams(ZOverviewEmbedParams, chartsOf("overview"), query).state.chart === "per-year" ? t("charts.perYear") : t("overviewTitle");
  const share = await shareMetadata({
    locale,
    path: "/embed/overview",
    searchParams: query,
    title,
    description: cards("descriptions.embed"),
    card: { kind: "view", view: "home" },
    oembed: true,
  });
  return { title, description: cards("descriptions.embed"), robots: { index: false }, ...share };
}

/**
 * /embed/overview: the overview's incidents per year, by type, without site chrome;
 * `chart=per-year` is the chart alone, its table behind a toggle.
 */
export default async function OverviewEmbed({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  // Every year is counted: a window (`last`, `from`…) or a filter means nothing here, so it is refused.
  const { state, problem } = readClosedEmbedParams(ZOverviewEmbedParams, chartsOf("overview"), query);
  if (problem) return <EmbedErrorCard theme={state.theme} problem={problem} />;

  const [e, t, figures] = await Promise.all([getTranslations("embed"), getTranslations("overview"), getTranslations("overviewFigures")]);
  const perYear = await countPublishedIncidentsByYear({ caller: ANONYMOUS, now: new Date() });
  const table = <IncidentsPerYearTable perYear={perYear} labelledBy="per-year-embed-heading" />;

  return (
    <EmbedFrame
      kind="overview"
      theme={state.theme}
      title={state.chart ? e("charts.perYear") : e("overviewTitle")}
      fullHref={getPathname({ href: "/", locale: locale as Locale })}
      sources={CURATED_SOURCES}
      locale={locale}
    >
      {perYear.length === 0 ? (
        <p className="empty-state">{t("empty")}</p>
      ) : (
        <>
          <p id="per-year-embed-heading">{t("perYear.description")}</p>
          <IncidentsPerYearChart data={perYear} label={t("perYear.chartLabel")} />
          {state.chart ? (
            <TableToggle label={e("showTable")}>{table}</TableToggle>
          ) : (
            <>
              {table}
              <p>{figures("statsNote")}</p>
            </>
          )}
        </>
      )}
    </EmbedFrame>
  );
}

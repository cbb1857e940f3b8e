import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { viewPageMetadata } from "@/lib/share/view-metadata";
import { IgnoredValuesNotice } from "@/components/dashboard/ignored-values-notice";
import { ViewFilters } from "@/components/dashboard/view-filters";
import { ChartTarget } from "@/components/dashboard/chart-target";
import { ViewSwitcher } from "@/components/dashboard/view-switcher";
import { EmbedButton } from "@/app/[locale]/(public)/embed-button";
import { shortDate } from "@/lib/time/format";
import { GranularitySwitch } from "@/components/isps/granularity-switch";
import { OperatorComparison } from "@/components/isps/operator-comparison";
import { OperatorDisruptionPanel } from "@/components/isps/operator-disruption-panel";
import { MeasureDefinitions } from "@/components/measures/measure-definitions";
import styles from "@/components/isps/isps.module.css";
import { Link } from "@/components/ui/link";
import { filtersToQuery } from "@/lib/schemas/incident-filters";
import { parseOperatorViewParams, viewParamsToQuery, ZOperatorsParams } from "@/lib/schemas/operator-view";
import { summarizeOperatorDisruption } from "@/lib/server/operators/summarize-operator-disruption";
import { readViewFilters, type SearchParams } from "../read-view-filters";
import { PageHeader } from "@/components/ui/page-header";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  return viewPageMetadata((await params).locale, "isps", await searchParams);
}

/** /isps: the four operators' curated disruption-hours side by side on one scale, and on one chart. */
export default async function OperatorsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const { filters, ignored, operators, regions, action } = await readViewFilters("/isps", locale, query);
  const { view, ignored: ignoredView } = parseOperatorViewParams(query, ZOperatorsParams);
  const t = await getTranslations("ispsView");
  const summary = await summarizeOperatorDisruption({ caller: ANONYMOUS, filters: { ...filters, page: 1 }, locale, granularity: view.granularity });
  const allIgnored = [...ignored, ...ignoredView];
  // The filters form keeps what this page reads besides the filters: `by` and `compare`.
  const keep = viewParamsToQuery(view);
  const baseQuery: Record<string, string | string[]> = { ...filtersToQuery({ ...filters, page: 1 }), ...keep };

  return (
    <div className="container page">
      <PageHeader title={t("title")} lede={t("lede")} />
      <ViewSwitcher current="isps" filters={filters} />
      <EmbedButton view={{ kind: "isps", query: baseQuery }} />

      <ViewFilters filters={filters} operators={operators} regions={regions} action={action} clearHref={action} keep={keep} />
      <IgnoredValuesNotice ignored={allIgnored} />

      <ChartTarget>
      <p>
        {t("period", {
          from: shortDate(new Date(summary.from), locale),
          to: shortDate(new Date(new Date(summary.to).getTime() - 1), locale),
        })}{" "}
        {t("method")}
      </p>
      <GranularitySwitch pathname="/isps" query={baseQuery} current={summary.granularity} />

      <section aria-labelledby="side-by-side-heading" className="section">
        <h2 id="side-by-side-heading">{t("sideBySide.heading")}</h2>
        <p className="section-description">{t("sideBySide.description")}</p>
        <MeasureDefinitions entity="operator" id="isps-measure-definitions" />
        <div className={styles.grid}>
          {summary.operators.map((entry) => (
            <article key={entry.operator.slug} className={styles.card} aria-labelledby={`operator-${entry.operator.slug}`}>
              <h3 id={`operator-${entry.operator.slug}`}>
                <Link href={{ pathname: `/isps/${entry.operator.slug}`, query: baseQuery }}>{entry.operator.name}</Link>
              </h3>
              <OperatorDisruptionPanel
                entry={entry}
                summary={summary}
                maxHours={summary.sharedMaxHours}
                compact
                downloads
              />
            </article>
          ))}
        </div>
      </section>
      </ChartTarget>

      <section aria-labelledby="comparison-heading" className="section">
        <h2 id="comparison-heading">{t("comparison.heading")}</h2>
        <p className="section-description">{t("comparison.description")}</p>
        <OperatorComparison summary={summary} measure={view.compare} switchTo={{ pathname: "/isps", query: baseQuery }} downloads />
      </section>
    </div>
  );
}

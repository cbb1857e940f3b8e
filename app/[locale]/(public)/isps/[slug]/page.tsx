import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { IgnoredValuesNotice } from "@/components/dashboard/ignored-values-notice";
import { ViewFilters } from "@/components/dashboard/view-filters";
import { ChartTarget } from "@/components/dashboard/chart-target";
import { ViewSwitcher } from "@/components/dashboard/view-switcher";
import { EmbedButton } from "@/app/[locale]/(public)/embed-button";
import { FeedSubscribeLinks } from "@/components/feeds/feed-subscribe-links";
import { GranularitySwitch } from "@/components/isps/granularity-switch";
import { OperatorDisruptionPanel } from "@/components/isps/operator-disruption-panel";
import { MeasureDefinitions } from "@/components/measures/measure-definitions";
import { OperatorSignals } from "@/components/isps/operator-signals";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { incidentFeedAlternates } from "@/lib/feeds/feed-links";
import { shareMetadata } from "@/lib/share/share-metadata";
import { Link } from "@/components/ui/link";
import { filtersToQuery, periodOfFilters } from "@/lib/schemas/incident-filters";
import { measuredPeriod, MEASURED_MAX_POINTS, parseOperatorViewParams, viewParamsToQuery, ZOperatorParams } from "@/lib/schemas/operator-view";
import { listOperators } from "@/lib/server/operators/list-operators";
import { summarizeOperatorDisruption } from "@/lib/server/operators/summarize-operator-disruption";
import { getOperatorSignalChart } from "@/lib/server/series/get-operator-signal-chart";
import { shortDate } from "@/lib/time/format";
import { readViewFilters, type SearchParams } from "../../read-view-filters";
import { PageHeader } from "@/components/ui/page-header";

type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const operator = (await listOperators({ caller: ANONYMOUS })).find((entry) => entry.slug === slug);
  const t = await getTranslations({ locale, namespace: "ispsView.operator" });
  if (!operator) return {};
  const title = t("title", { operator: operator.name });
  const description = t("lede", { operator: operator.name });
  const share = await shareMetadata({
    locale,
    path: `/isps/${operator.slug}`,
    searchParams: await searchParams,
    title,
    description,
    card: { kind: "isp", slug: operator.slug },
    feeds: await incidentFeedAlternates({ locale, operator }),
    oembed: true,
  });
  return { title, description, ...share };
}

/** /isps/<slug>: one operator's curated disruption-hours, its incidents and its measured signals. */
export default async function OperatorPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const pathname = `/isps/${slug}`;
  const { filters, ignored, operators, regions, action } = await readViewFilters(pathname, locale, query);
  const operator = operators.find((entry) => entry.slug === slug);
  if (!operator) notFound();
  const { view, ignored: ignoredView } = parseOperatorViewParams(query, ZOperatorParams);
  const t = await getTranslations("ispsView");

  // The operator filter does not apply on an operator's own page.
  const pageFilters = { ...filters, operators: [] };
  const now = new Date();
  const period = measuredPeriod(periodOfFilters(pageFilters).from, periodOfFilters(pageFilters).to, now);
  const [summary, chart] = await Promise.all([
    summarizeOperatorDisruption({ caller: ANONYMOUS, filters: pageFilters, locale, operatorSlugs: [slug], granularity: view.granularity, now }),
    getOperatorSignalChart({
      caller: ANONYMOUS,
      operatorSlug: slug,
      ...period,
      signals: view.signals.length > 0 ? view.signals : undefined,
      split: view.split,
      normalised: view.normalised,
      maxPoints: MEASURED_MAX_POINTS,
    }),
  ]);
  const entry = summary.operators[0]!;
  const filterQuery = filtersToQuery({ ...pageFilters, page: 1 });
  const viewQuery = viewParamsToQuery(view);
  const allIgnored = [...ignored.filter((value) => value.param !== "operator"), ...ignoredView];

  return (
    <div className="container page">
      <p className="breadcrumb">
        <Link href={{ pathname: "/isps", query: { ...filterQuery, ...(view.granularity ? { by: view.granularity } : {}) } }}>{t("operator.back")}</Link>
      </p>
      <PageHeader title={t("operator.title", { operator: operator.name })} lede={t("operator.lede", { operator: operator.name })}>
        <p>{t("operator.networks", { asns: operator.asns.map((asn) => `AS${asn}`).join(", ") || "—", count: operator.asns.length })}</p>
        <FeedSubscribeLinks locale={locale} operator={slug} />
      </PageHeader>
      {/* The other views, on this operator and period. */}
      <ViewSwitcher current="isps" filters={{ ...pageFilters, operators: [slug] }} />
      <EmbedButton view={{ kind: "isp", slug, query: { ...filterQuery, ...viewQuery } }} />

      <ViewFilters filters={pageFilters} operators={operators} regions={regions} action={action} clearHref={action} keep={viewQuery} hide={["operator"]} />
      <IgnoredValuesNotice ignored={allIgnored} />

      <ChartTarget>
      <section aria-labelledby="curated-heading" className="section">
        <h2 id="curated-heading">{t("operator.curatedHeading")}</h2>
        <p className="section-description">
          {t("period", {
            from: shortDate(new Date(summary.from), locale),
            to: shortDate(new Date(new Date(summary.to).getTime() - 1), locale),
          })}{" "}
          {t("method")}
        </p>
        <GranularitySwitch pathname={pathname} query={{ ...filterQuery, ...viewQuery }} current={summary.granularity} />
        <OperatorDisruptionPanel entry={entry} summary={summary} maxHours={Math.max(entry.peak.network, entry.peak.service)} downloads />
        <MeasureDefinitions entity="operator" id="operator-measure-definitions" />
      </section>
      </ChartTarget>

      <section aria-labelledby="measured-heading" className="section">
        <h2 id="measured-heading">{t("operator.measuredHeading")}</h2>
        <p className="section-description">{t("operator.measuredDescription")}</p>
        <OperatorSignals
          chart={chart}
          operator={operator}
          phases={entry.phases}
          zone={filters.zone}
          view={view}
          action={action}
          carriedQuery={{ ...filterQuery, ...(view.granularity ? { by: view.granularity } : {}) }}
          downloads
        />
      </section>
    </div>
  );
}

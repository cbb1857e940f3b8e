import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { shareMetadata } from "@/lib/share/share-metadata";
import { notFound } from "next/navigation";
import { EmbedErrorCard } from "@/components/embed/embed-error-card";
import { EmbedFrame } from "@/components/embed/embed-frame";
import { OperatorDisruptionPanel } from "@/components/isps/operator-disruption-panel";
import { OperatorSignals, operatorSignalsSources } from "@/components/isps/operator-signals";
import { CURATED_SOURCES } from "@/lib/credits/data-credits";
import { readEmbedChart } from "@/lib/embed/read-embed-chart";
import { getPathname } from "@/lib/i18n/pathname";
import type { Locale } from "@/lib/i18n/routing";
import { embedProblem } from "@/lib/schemas/embed";
import { periodOfFilters } from "@/lib/schemas/incident-filters";
import { measuredPeriod, MEASURED_MAX_POINTS, parseOperatorViewParams, viewParamsToQuery, ZOperatorParams } from "@/lib/schemas/operator-view";
import { VIEW_PARAMS } from "@/lib/schemas/view-params";
import { listOperators } from "@/lib/server/operators/list-operators";
import { MeasureDefinitions } from "@/components/measures/measure-definitions";
import { summarizeOperatorDisruption } from "@/lib/server/operators/summarize-operator-disruption";
import { getOperatorSignalChart } from "@/lib/server/series/get-operator-signal-chart";
import type { SearchParams } from "../../../(public)/read-view-filters";
import { localHref, readEmbedState } from "../../read-embed-state";

type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const operator = (await listOperators({ caller: ANONYMOUS })).find((entry) => entry.slug === slug);
  if (!operator) return { robots: { index: false } };
  const t = await getTranslations({ locale, namespace: "embed" });
  const cards = await getTranslations({ locale, namespace: "socialCards" });
  const choice = readEmbedChart("isp", await searchParams);
  const chart = choice.ok ? choice.chart : null;
  const title =
    chart === "hours" ? t("charts.hours", { operator: operator.name }) : chart === "signals" ? t("charts.signals", { operator: operator.name }) : t("ispTitle", { operator: operator.name });
  const share = await shareMetadata({
    locale,
    path: `/embed/isp/${operator.slug}`,
    searchParams: await searchParams,
    title,
    description: cards("descriptions.embed"),
    card: { kind: "isp", slug: operator.slug },
    oembed: true,
  });
  return { title, description: cards("descriptions.embed"), robots: { index: false }, ...share };
}

/**
 * /embed/isp/<slug>: one operator's disruption-hours and measured signals, without site chrome;
 * `chart=hours` or `chart=signals` shows one of the two charts alone, its tables behind a toggle.
 */
export default async function OperatorEmbed({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const now = new Date();
  const embedPath = `/embed/isp/${slug}`;
  const state = await readEmbedState("isp", embedPath, `/isps/${slug}`, locale, query, now);
  if (!state.ok) return <EmbedErrorCard theme={state.theme} problem={state.problem} />;
  const operator = state.operators.find((entry) => entry.slug === slug);
  if (!operator) notFound();
  const { view, ignored } = parseOperatorViewParams(query, ZOperatorParams);
  const badParam = embedProblem(ignored);
  if (badParam) return <EmbedErrorCard theme={state.theme} problem={badParam} />;
  const e = await getTranslations("embed");

  const filters = { ...state.filters, operators: [] };
  const { from, to } = periodOfFilters(filters);
  const fullHref = localHref(`/isps/${slug}`, { ...state.effectiveQuery, ...viewParamsToQuery(view) }, locale);
  const [summary, chart] = await Promise.all([
    summarizeOperatorDisruption({ caller: ANONYMOUS, filters, locale, operatorSlugs: [slug], granularity: view.granularity, now }),
    state.chart === "hours"
      ? null
      : getOperatorSignalChart({
          caller: ANONYMOUS,
          operatorSlug: slug,
          ...measuredPeriod(from, to, now),
          signals: view.signals.length > 0 ? view.signals : undefined,
          split: view.split,
          normalised: view.normalised,
          maxPoints: MEASURED_MAX_POINTS,
        }),
  ]);
  const entry = summary.operators[0]!;

  if (chart === null) {
    return (
      <EmbedFrame kind="isp" theme={state.theme} title={e("charts.hours", { operator: operator.name })} fullHref={fullHref} sources={CURATED_SOURCES} locale={locale} rollingDays={state.rollingDays}>
        <OperatorDisruptionPanel entry={entry} summary={summary} maxHours={Math.max(entry.peak.network, entry.peak.service)} alone />
      </EmbedFrame>
    );
  }
  // The signal controls submit to the embed itself, keeping theme, window and filters.
  const carriedQuery = Object.fromEntries(
    Object.entries(query).filter((pair): pair is [string, string | string[]] => pair[1] !== undefined && !(VIEW_PARAMS.operator as readonly string[]).includes(pair[0])),
  );

  const signals = (layout: "embed" | "chart") => (
    <OperatorSignals
      chart={chart}
      operator={operator}
      phases={entry.phases}
      zone={filters.zone}
      view={view}
      action={getPathname({ href: embedPath, locale: locale as Locale })}
      carriedQuery={{ ...carriedQuery, ...(view.granularity ? { by: view.granularity } : {}) }}
      layout={layout}
      fullHref={fullHref}
    />
  );

  if (state.chart === "signals") {
    return (
      <EmbedFrame
        kind="isp"
        theme={state.theme}
        title={e("charts.signals", { operator: operator.name })}
        fullHref={fullHref}
        sources={operatorSignalsSources(chart, entry.phases)}
        locale={locale}
        rollingDays={state.rollingDays}
      >
        {signals("chart")}
      </EmbedFrame>
    );
  }

  return (
    <EmbedFrame
      kind="isp"
      theme={state.theme}
      title={e("ispTitle", { operator: operator.name })}
      fullHref={fullHref}
      sources={[...new Set([...CURATED_SOURCES, ...operatorSignalsSources(chart, entry.phases)])]}
      locale={locale}
      rollingDays={state.rollingDays}
    >
      <OperatorDisruptionPanel entry={entry} summary={summary} maxHours={Math.max(entry.peak.network, entry.peak.service)} />
      <MeasureDefinitions entity="operator" id="embed-measure-definitions" />
      {signals("embed")}
    </EmbedFrame>
  );
}

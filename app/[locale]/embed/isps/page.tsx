import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { EmbedErrorCard } from "@/components/embed/embed-error-card";
import { EmbedFrame } from "@/components/embed/embed-frame";
import { OperatorComparison } from "@/components/isps/operator-comparison";
import { embedProblem } from "@/lib/schemas/embed";
import { parseOperatorViewParams, viewParamsToQuery, ZOperatorsEmbedParams } from "@/lib/schemas/operator-view";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { summarizeOperatorDisruption } from "@/lib/server/operators/summarize-operator-disruption";
import { CURATED_SOURCES } from "@/lib/credits/data-credits";
import { shortDate } from "@/lib/time/format";
import type { SearchParams } from "../../(public)/read-view-filters";
import { localHref, readEmbedState } from "../read-embed-state";
import { embedViewMetadata } from "@/lib/share/view-metadata";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  return embedViewMetadata((await params).locale, "isps", await searchParams);
}

/**
 * /embed/isps: every operator's disruption-hours on one chart (as on /isps), without site chrome;
 * `chart=comparison` is the chart alone, its table behind a toggle.
 */
export default async function OperatorsEmbed({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const now = new Date();
  const state = await readEmbedState("isps", "/embed/isps", "/isps", locale, query, now);
  if (!state.ok) return <EmbedErrorCard theme={state.theme} problem={state.problem} />;
  // Only `by` and `compare` mean something here; the measured-signal parameters belong to one operator's page.
  const { view, ignored } = parseOperatorViewParams(query, ZOperatorsEmbedParams);
  const badParam = embedProblem(ignored);
  if (badParam) return <EmbedErrorCard theme={state.theme} problem={badParam} />;
  const e = await getTranslations("embed");
  const t = await getTranslations("ispsView");

  const summary = await summarizeOperatorDisruption({ caller: ANONYMOUS, filters: { ...state.filters, page: 1 }, locale, granularity: view.granularity, now });
  const viewQuery = viewParamsToQuery(view);

  return (
    <EmbedFrame
      kind="isps"
      theme={state.theme}
      title={state.chart ? e("charts.comparison") : e("ispsTitle")}
      fullHref={localHref("/isps", { ...state.effectiveQuery, ...viewQuery }, locale)}
      sources={CURATED_SOURCES}
      locale={locale}
      rollingDays={state.rollingDays}
    >
      <p>
        {t("period", {
          from: shortDate(new Date(summary.from), locale),
          to: shortDate(new Date(new Date(summary.to).getTime() - 1), locale),
        })}
      </p>
      <OperatorComparison summary={summary} measure={view.compare} alone={state.chart === "comparison"} />
    </EmbedFrame>
  );
}

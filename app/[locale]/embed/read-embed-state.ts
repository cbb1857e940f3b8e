import "server-only";
import type { EmbedChart, EmbedKind } from "@/lib/embed/embed-charts";
import { readEmbedChart } from "@/lib/embed/read-embed-chart";
import { getPathname } from "@/lib/i18n/pathname";
import type { Locale } from "@/lib/i18n/routing";
import { embedProblem, rollingWindow, ZEmbedChartParams, ZEmbedParams, type EmbedTheme } from "@/lib/schemas/embed";
import { paramsOf, readUrlState } from "@/lib/schemas/url-state";
import { readViewFilters, type SearchParams, type ViewFilterState } from "../(public)/read-view-filters";

export type EmbedState =
  | { ok: false; theme: EmbedTheme; problem: { param: string; value: string } }
  | (ViewFilterState & {
      ok: true;
      theme: EmbedTheme;
      /** The chart shown alone (`chart=`), or null for the whole view. */
      chart: EmbedChart | null;
      rollingDays?: number;
      /** The query the embed works with: `last` resolved to from–to, without `theme` and `chart`. */
      effectiveQuery: Record<string, string | string[]>;
      /** The same view on the tracker, for the attribution link. */
      fullHref: string;
    });

/** A localised path with its query ("?" only when there is one). */
export function localHref(pathname: string, query: Record<string, string | string[]>, locale: string): string {
  const href = Object.keys(query).length > 0 ? { pathname, query } : pathname;
  return getPathname({ href, locale: locale as Locale });
}

function withoutUndefined(query: SearchParams): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string | string[]] => entry[1] !== undefined));
}

/**
 * What every embed does first: read its own parameters (theme, rolling `last`, `chart`), then the
 * shared filters. Any bad value is a problem to show, not something to ignore: an embed's address
 * is written once by a person pasting it into another site.
 */
export async function readEmbedState(
  kind: EmbedKind,
  embedPath: string,
  fullViewPath: string,
  locale: string,
  query: SearchParams,
  now: Date,
): Promise<EmbedState> {
  const embed = readUrlState(ZEmbedParams, query, { mode: "lenient" });
  const { theme, last } = embed.state;
  const embedParamProblem = embedProblem(embed.ignored);
  if (embedParamProblem) return { ok: false, theme, problem: embedParamProblem };
  const choice = readEmbedChart(kind, query);
  if (!choice.ok) return { ok: false, theme, problem: choice.problem };
  const rest = withoutUndefined(query);
  for (const name of [...paramsOf(ZEmbedParams), ...paramsOf(ZEmbedChartParams)]) delete rest[name];
  const effectiveQuery = last === undefined ? rest : { ...rest, ...rollingWindow(last, now) };
  const state = await readViewFilters(embedPath, locale, effectiveQuery);
  const filterProblem = embedProblem(state.ignored);
  if (filterProblem) return { ok: false, theme, problem: filterProblem };
  const fullHref = localHref(fullViewPath, effectiveQuery, locale);
  return { ...state, ok: true, theme, chart: choice.chart, rollingDays: last, effectiveQuery, fullHref };
}

import { embedProblem, ZEmbedChartParams } from "@/lib/schemas/embed";
import { entriesOf, readUrlState, type QueryInput } from "@/lib/schemas/url-state";
import { chartsOf, isChartOf, paramsNotRead, type EmbedChart, type EmbedKind } from "./embed-charts";

export type EmbedChartChoice =
  | { ok: true; chart: EmbedChart | null }
  | { ok: false; problem: { param: string; value: string } };

/**
 * Reads `chart=` from an embed's query: null for the whole view, else one of
 * the embed's charts; a value it does not have, a repeated `chart`, or a view
 * parameter the chart does not read is a problem for the error card.
 */
export function readEmbedChart(kind: EmbedKind, query: QueryInput): EmbedChartChoice {
  const { state, ignored } = readUrlState(ZEmbedChartParams, query, { mode: "lenient", allowed: { chart: chartsOf(kind) } });
  const problem = embedProblem(ignored);
  if (problem) return { ok: false, problem };
  if (!isChartOf(kind, state.chart)) return { ok: true, chart: null };
  const given = entriesOf(query);
  const unread = paramsNotRead(kind, state.chart).find((name) => given.has(name));
  if (unread) return { ok: false, problem: { param: unread, value: given.get(unread)!.join(",") } };
  return { ok: true, chart: state.chart };
}

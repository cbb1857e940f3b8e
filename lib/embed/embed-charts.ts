import type { ZIncidentPageParams } from "@/lib/schemas/incident-view";
import type { ZMapParams } from "@/lib/schemas/map-view";
import type { ZOperatorParams, ZOperatorsParams } from "@/lib/schemas/operator-view";

/**
 * The charts an embed can show on their own (`chart=` on its address), instead
 * of its whole view: the chart with one line on what it counts, its data table
 * behind a toggle, and its credit, at a compact height.
 *
 * Each chart reads the shared filters (except an incident's, which has its own
 * period, and the overview's, which counts every year) and the view parameters listed here; an embed address for one chart
 * carries only those, and the embed refuses the view's other parameters with
 * its error card, as it refuses any bad value (lib/embed/read-embed-chart.ts).
 *
 * This module is data only: the embed dialog uses it in the browser. Its names are checked against
 * the views' schemas by their types here and by embed-charts.test.ts, without loading them.
 */

export const EMBED_KINDS = ["overview", "timeline", "map", "isps", "isp", "incident"] as const;
export type EmbedKind = (typeof EMBED_KINDS)[number];

/** The view parameters a view's schema declares (lib/schemas/view-params.ts). */
type ParamOf<Schema extends { shape: object }> = keyof Schema["shape"] & string;
type EmbedViewParam = {
  overview: never;
  timeline: never;
  map: ParamOf<typeof ZMapParams>;
  isps: ParamOf<typeof ZOperatorsParams>;
  isp: ParamOf<typeof ZOperatorParams>;
  incident: ParamOf<typeof ZIncidentPageParams>;
};

/**
 * The charts of each embed, each with the view parameters it reads, in the order the embed dialog lists them.
 * The timeline's embed shows its whole period (no `view`, `month` or `incident`).
 */
export const EMBED_CHARTS = {
  overview: { "per-year": [] },
  timeline: { timeline: [] },
  map: { map: ["measure", "month", "selected"] },
  isps: { comparison: ["by", "compare"] },
  isp: { hours: ["by"], signals: ["signals", "asns", "norm"] },
  incident: { phases: ["tz"] },
} as const satisfies { [K in EmbedKind]: Record<string, readonly EmbedViewParam[K][]> };

/** Each embed's own view parameters (what its charts read), besides the shared filters and the embed's `theme`, `last` and `chart`. */
export const EMBED_VIEW_PARAMS = Object.fromEntries(
  Object.entries(EMBED_CHARTS).map(([kind, charts]) => [kind, [...new Set(Object.values(charts as Record<string, readonly string[]>).flat())]]),
) as unknown as { readonly [K in EmbedKind]: readonly EmbedViewParam[K][] };

export type EmbedChart = { [K in EmbedKind]: keyof (typeof EMBED_CHARTS)[K] }[EmbedKind];

/** The charts an embed offers, in order. */
export function chartsOf(kind: EmbedKind): EmbedChart[] {
  return Object.keys(EMBED_CHARTS[kind]) as EmbedChart[];
}

/** Whether `value` names one of the embed's charts. */
export function isChartOf(kind: EmbedKind, value: unknown): value is EmbedChart {
  return typeof value === "string" && Object.hasOwn(EMBED_CHARTS[kind], value);
}

/** The view parameters a chart reads. */
export function chartParams(kind: EmbedKind, chart: EmbedChart): readonly string[] {
  return (EMBED_CHARTS[kind] as Record<string, readonly string[]>)[chart] ?? [];
}

/** The embed's view parameters that a chart does not read (they belong to the whole view or another chart). */
export function paramsNotRead(kind: EmbedKind, chart: EmbedChart): string[] {
  const read = chartParams(kind, chart);
  return (EMBED_VIEW_PARAMS[kind] as readonly string[]).filter((name) => !read.includes(name));
}

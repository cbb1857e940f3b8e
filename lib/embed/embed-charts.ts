/**
 * The charts an embed can show on their own (`chart=` on its address), instead
 * of its whole view: the chart with one line on what it counts, its data table
 * behind a toggle, and its credit, at a compact height.
 *
 * Each chart reads the shared filters (except an incident's, which has its own
 * period, and the overview's, which counts every year) and the view parameters listed here; an embed address for one chart
 * carries only those, and the embed refuses the view's other parameters with
 * its error card, as it refuses any bad value.
 */

export const EMBED_KINDS = ["overview", "timeline", "map", "isps", "isp", "incident"] as const;
export type EmbedKind = (typeof EMBED_KINDS)[number];

/** Each embed's own view parameters, besides the shared filters and the embed's `theme`, `last` and `chart`. */
export const EMBED_VIEW_PARAMS: Record<EmbedKind, readonly string[]> = {
  overview: [],
  timeline: [],
  map: ["measure", "month", "selected"],
  isps: ["by", "compare"],
  isp: ["by", "signals", "asns", "norm"],
  incident: ["tz"],
};

/** The charts of each embed, each with the view parameters it reads, in the order the embed dialog lists them. */
export const EMBED_CHARTS = {
  overview: { "per-year": [] },
  timeline: { timeline: [] },
  map: { map: ["measure", "month", "selected"] },
  isps: { comparison: ["by", "compare"] },
  isp: { hours: ["by"], signals: ["signals", "asns", "norm"] },
  incident: { phases: ["tz"] },
} as const satisfies Record<EmbedKind, Record<string, readonly string[]>>;

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
  return EMBED_VIEW_PARAMS[kind].filter((name) => !read.includes(name));
}

type Query = Record<string, string | string[] | undefined>;

export type EmbedChartChoice =
  | { ok: true; chart: EmbedChart | null }
  | { ok: false; problem: { param: string; value: string } };

/**
 * Reads `chart=` from an embed's query: null for the whole view, else one of
 * the embed's charts; a value it does not have, a repeated `chart`, or a view
 * parameter the chart does not read is a problem for the error card.
 */
export function readEmbedChart(kind: EmbedKind, query: Query): EmbedChartChoice {
  const value = query.chart;
  if (value === undefined) return { ok: true, chart: null };
  if (Array.isArray(value) || !isChartOf(kind, value)) return { ok: false, problem: { param: "chart", value: [value].flat().join(",") } };
  const unread = paramsNotRead(kind, value).find((name) => query[name] !== undefined);
  if (unread) return { ok: false, problem: { param: unread, value: [query[unread]!].flat().join(",") } };
  return { ok: true, chart: value };
}

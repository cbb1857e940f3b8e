import { z } from "zod";
import { KAZAKHSTAN_TIME_ZONE } from "@/lib/time/format";
import { ZIncidentPageParams } from "@/lib/schemas/incident-view";
import { paramsOf, readUrlState, urlParam, viewParams, type IgnoredValue, type ParamRule, type QueryInput } from "@/lib/schemas/url-state";

/**
 * The embeds' own URL parameters, beside the shared filters (from/to, operator, …):
 * `theme=light|dark` (default light) and `last=N` — a rolling window of the last
 * N Kazakhstan days, today included (1–3650), instead of a fixed from–to; and `chart=`,
 * one of the embed's charts alone (lib/embed/embed-charts.ts). Each is taken only when given once.
 * Unlike the full views, an embed does not ignore a bad value: it shows an error card naming it
 * (`embedProblem`).
 */
export const EMBED_THEMES = ["light", "dark"] as const;
export type EmbedTheme = (typeof EMBED_THEMES)[number];
export const MAX_ROLLING_DAYS = 3650;

const ZTheme = urlParam(z.enum(EMBED_THEMES).default("light"), { repeat: "once" });

/** `last` replaces from–to; both at once is ambiguous (embeds and social cards). */
export const lastReplacesPeriod: ParamRule<{ last?: number }> = (state, given) =>
  state.last !== undefined && (given("from") || given("to")) ? { param: "last", reason: "cannot be combined with from or to" } : null;

export const ZRollingDaysParam = urlParam(z.coerce.number().int().min(1).max(MAX_ROLLING_DAYS).optional(), { repeat: "once" });

export const ZEmbedParams = viewParams({ theme: ZTheme, last: ZRollingDaysParam }, [lastReplacesPeriod]);
export type EmbedParams = z.output<typeof ZEmbedParams>;
/** The URL parameters parseEmbedParams reads. */
export const EMBED_PARAMS = paramsOf(ZEmbedParams);

/** `chart=`: which chart an embed shows alone; the charts a reader allows are the embed's (lib/embed/embed-charts.ts). */
export const ZEmbedChartParams = viewParams({ chart: urlParam(z.string().optional(), { repeat: "once" }) });

/** The overview's embed counts every year: it takes no filter and no window, only its theme and chart. */
export const ZOverviewEmbedParams = viewParams({ theme: ZTheme, ...ZEmbedChartParams.shape });

/** An incident's embed has the incident's own period: its theme, the page's `tz` and its chart. */
export const ZIncidentEmbedParams = viewParams({ theme: ZTheme, ...ZIncidentPageParams.shape, ...ZEmbedChartParams.shape });

export type EmbedParamsResult = { ok: true; params: EmbedParams } | { ok: false; param: string; value: string };

/**
 * What an embed's error card names: the first parameter the address gave a value the
 * embed did not take, with every such value of it.
 */
export function embedProblem(ignored: IgnoredValue[]): { param: string; value: string } | null {
  const first = ignored[0];
  if (!first) return null;
  return { param: first.param, value: ignored.filter((entry) => entry.param === first.param).map((entry) => entry.value).join(",") };
}

export function parseEmbedParams(query: QueryInput): EmbedParamsResult {
  const { state, ignored } = readUrlState(ZEmbedParams, query, { mode: "lenient" });
  const problem = embedProblem(ignored);
  return problem ? { ok: false, ...problem } : { ok: true, params: state };
}

/** The Kazakhstan calendar date ("YYYY-MM-DD") of an instant. */
function kazakhstanDate(instant: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: KAZAKHSTAN_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/** The shared filters' from–to for the last `days` Kazakhstan days up to `now`, today included. */
export function rollingWindow(days: number, now: Date): { from: string; to: string } {
  const today = kazakhstanDate(now);
  const start = new Date(`${today}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() - (days - 1));
  return { from: start.toISOString().slice(0, 10), to: today };
}

/**
 * The overview's and an incident's embeds: they have no filters and no window, so they read
 * their own parameters and refuse every other with their error card. `charts` are the embed's
 * (lib/embed/embed-charts.ts).
 */
export function readClosedEmbedParams<S extends typeof ZOverviewEmbedParams | typeof ZIncidentEmbedParams>(
  schema: S,
  charts: readonly string[],
  query: QueryInput,
): { state: z.output<S>; problem: { param: string; value: string } | null } {
  const { state, ignored } = readUrlState(schema, query, { mode: "lenient", undeclared: "refused", allowed: { chart: charts } as never });
  return { state, problem: embedProblem(ignored) };
}

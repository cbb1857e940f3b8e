import { z } from "zod";
import { SIGNAL_KEYS, type SignalKey } from "@/lib/charts/signal-chart";
import { MEASURES, type Measure } from "@/lib/incidents/disruption-hours";
import { readUrlState, urlParam, viewParams, type IgnoredValue, type ParamRule, type QueryInput } from "@/lib/schemas/url-state";

/**
 * The operator views' own URL parameters, beside the shared filters:
 * - `by=month|year`: the curated bars' periods (default: months for periods up to three years);
 * - `compare=full_blackout|partial_disruption|service_blocking`: the measure the comparison of
 *   all operators shows (default: full blackout);
 * - on one operator's page, its measured chart's `signals=ioda.bgp,ooni.anomaly_rate` (listed with
 *   commas or repeated; default: every signal), `asns=split|combined` and `norm=1|0`.
 * GET /api/v1/series takes the measured chart's parameters under the same names
 * (lib/schemas/api/series.ts).
 */
export const ZByParam = urlParam(z.enum(["month", "year"]).optional(), { letterCase: "lower" });
export const ZCompareParam = urlParam(z.enum(MEASURES).optional(), { letterCase: "lower" });
export const ZSignalsParam = urlParam(z.array(z.enum(SIGNAL_KEYS)).default([]), { commas: true });
export const ZAsnsParam = urlParam(z.enum(["combined", "split"]).default("combined"), { letterCase: "lower" });
export const ZNormParam = z.enum(["0", "1"]).default("0");

/** The measured chart's parameters. */
const MEASURED_CHART = { signals: ZSignalsParam, asns: ZAsnsParam, norm: ZNormParam };

/** /isps: the comparison of all operators. */
export const ZOperatorsParams = viewParams({ by: ZByParam, compare: ZCompareParam });

/** /isps/<slug> and its embed: one operator's curated bars and measured chart. */
export const ZOperatorParams = viewParams({ by: ZByParam, ...MEASURED_CHART });

/** A measured-chart parameter on the comparison's embed, which has no measured chart: its error card says so. */
const notOnTheComparison =
  (param: keyof typeof MEASURED_CHART): ParamRule<{ [K in keyof typeof MEASURED_CHART]: unknown }> =>
  (_state, given) =>
    given(param) ? { param, reason: "belongs to one operator's measured chart" } : null;

/** /embed/isps: the comparison, which refuses the measured chart's parameters rather than dropping them. */
export const ZOperatorsEmbedParams = viewParams(
  { ...ZOperatorsParams.shape, ...MEASURED_CHART },
  (Object.keys(MEASURED_CHART) as (keyof typeof MEASURED_CHART)[]).map(notOnTheComparison),
);

export type OperatorViewParams = {
  granularity?: "month" | "year";
  /** The measure the comparison of all operators shows (default: full blackout). */
  compare?: Measure;
  signals: SignalKey[];
  split: boolean;
  normalised: boolean;
};

type OperatorViewSchema = typeof ZOperatorsParams | typeof ZOperatorParams | typeof ZOperatorsEmbedParams;
type OperatorViewState = Partial<z.output<typeof ZOperatorsEmbedParams>>;

/** Reads an operator view's parameters (lenient: bad values are ignored and reported, like the filters'). */
export function parseOperatorViewParams(query: QueryInput, schema: OperatorViewSchema): { view: OperatorViewParams; ignored: IgnoredValue[] } {
  const read = readUrlState(schema as typeof ZOperatorsEmbedParams, query, { mode: "lenient" });
  const state: OperatorViewState = read.state;
  return {
    view: { granularity: state.by, compare: state.compare, signals: state.signals ?? [], split: state.asns === "split", normalised: state.norm === "1" },
    ignored: read.ignored,
  };
}

/** The view parameters as they go back into links and forms (defaults left out). */
export function viewParamsToQuery(view: OperatorViewParams): Record<string, string> {
  const query: Record<string, string> = {};
  if (view.granularity) query.by = view.granularity;
  if (view.compare) query.compare = view.compare;
  if (view.signals.length > 0) query.signals = view.signals.join(",");
  if (view.split) query.asns = "split";
  if (view.normalised) query.norm = "1";
  return query;
}

const DAY = 24 * 3_600_000;
/** The measured chart's period when the address gives none: the operator page, its embed and GET /api/v1/series. */
export const MEASURED_DEFAULT_DAYS = 90;
/** Buckets per line of the measured chart (operator page and embed): enough for a wide screen, few enough for the tables. */
export const MEASURED_MAX_POINTS = 400;

/**
 * The measured period: the filters' dates (either end may be open; an open start is 90 days
 * before the end, an open end 90 days after the start but not past now), else the last 90 days.
 * It is empty when `from` is after now.
 */
export function measuredWindow(from: Date | undefined, to: Date | undefined, now: Date): { from: Date; to: Date } {
  const end = to ?? (from ? new Date(Math.min(now.getTime(), from.getTime() + MEASURED_DEFAULT_DAYS * DAY)) : now);
  const start = from ?? new Date(end.getTime() - MEASURED_DEFAULT_DAYS * DAY);
  return { from: start, to: end };
}

/** The measured period a page draws: never empty (a day from `from` when the window is). */
export function measuredPeriod(from: Date | undefined, to: Date | undefined, now: Date): { from: Date; to: Date } {
  const window = measuredWindow(from, to, now);
  return window.to > window.from ? window : { from: window.from, to: new Date(window.from.getTime() + DAY) };
}

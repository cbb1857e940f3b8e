import { SIGNAL_KEYS, type SignalKey } from "@/lib/charts/signal-chart";
import { MEASURES, type Measure } from "@/lib/incidents/disruption-hours";
import type { IgnoredFilterValue } from "@/lib/schemas/incident-filters";

/**
 * The operator views' own URL parameters, beside the shared filters:
 * `by=month|year` (curated bars), `compare=full_blackout|partial_disruption|service_blocking`
 * (the measure the all-operators chart compares), and on an operator's page the measured
 * chart's `signals=ioda.bgp,ooni.anomaly_rate` (comma-separated or
 * repeated), `asns=split|combined` and `norm=1`. Bad values are ignored and
 * reported, like the filters'.
 */
export type OperatorViewParams = {
  granularity?: "month" | "year";
  /** The measure the comparison of all operators shows (default: full blackout). */
  compare?: Measure;
  signals: SignalKey[];
  split: boolean;
  normalised: boolean;
};

type SearchParams = Record<string, string | string[] | undefined>;

const listOf = (raw: string | string[] | undefined) => (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]);

export function parseOperatorViewParams(params: SearchParams): { view: OperatorViewParams; ignored: IgnoredFilterValue[] } {
  const ignored: IgnoredFilterValue[] = [];
  const single = <T extends string>(name: string, allowed: readonly T[]): T | undefined => {
    let chosen: T | undefined;
    for (const value of listOf(params[name])) {
      const clean = value.trim().toLowerCase();
      if (chosen === undefined && (allowed as readonly string[]).includes(clean)) chosen = clean as T;
      else ignored.push({ param: name, value });
    }
    return chosen;
  };
  const granularity = single("by", ["month", "year"] as const);
  const compare = single("compare", MEASURES);
  const asns = single("asns", ["split", "combined"] as const);
  const norm = single("norm", ["1", "0"] as const);
  const signals: SignalKey[] = [];
  for (const value of listOf(params.signals).flatMap((entry) => entry.split(","))) {
    const clean = value.trim();
    if (clean === "") continue;
    if ((SIGNAL_KEYS as readonly string[]).includes(clean)) {
      if (!signals.includes(clean as SignalKey)) signals.push(clean as SignalKey);
    } else ignored.push({ param: "signals", value: clean });
  }
  return { view: { granularity, compare, signals, split: asns === "split", normalised: norm === "1" }, ignored };
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
/** The measured chart's period when the address gives none, on the operator page and its embed. */
const DEFAULT_MEASURED_DAYS = 90;
/** Buckets per line of the measured chart (operator page and embed): enough for a wide screen, few enough for the tables. */
export const MEASURED_MAX_POINTS = 400;

/** The measured period: the filters' dates (either end may be open), else the last 90 days. */
export function measuredPeriod(from: Date | undefined, to: Date | undefined, now: Date): { from: Date; to: Date } {
  const end = to ?? (from ? new Date(Math.min(now.getTime(), from.getTime() + DEFAULT_MEASURED_DAYS * DAY)) : now);
  const start = from ?? new Date(end.getTime() - DEFAULT_MEASURED_DAYS * DAY);
  return end > start ? { from: start, to: end } : { from: start, to: new Date(start.getTime() + DAY) };
}

import type { SignalKey } from "@/lib/signals/signal-registry";

/**
 * The measured-signal chart's data, as the server sends it to the browser:
 * already downsampled (at most `maxPoints` buckets per line, never raw points).
 * Shared by the chart-data query (lib/server/series/) and the operator pages.
 */

/** The measured signals an operator page can show, by stable key: declared in the signal registry. */
export { SIGNAL_KEYS, type SignalKey } from "@/lib/signals/signal-registry";

/** Default number of buckets a chart asks for. */
export const DEFAULT_MAX_POINTS = 1000;

/** The fewest and the most buckets a chart may ask for. */
export const MIN_MAX_POINTS = 2;
export const MAX_MAX_POINTS = 5000;

export type ChartPoint = {
  /** Start of the bucket, ISO 8601 in UTC. */
  at: string;
  /** Null where the bucket holds no measurement: a gap, never a zero. */
  value: number | null;
};

export type SignalLine = {
  signal: SignalKey;
  /** The network, or null when the line combines all of the operator's networks. */
  asn: number | null;
  unit: string | null;
  points: ChartPoint[];
  /** True when a series behind the line holds invented example data (decision 0018). */
  example: boolean;
  /**
   * Only when the chart is normalised: the line's median over the period,
   * in `unit`, that its values were divided by. Null when the median is zero
   * or negative: the line cannot be scaled, and its values are all null.
   */
  median?: number | null;
};

/** A Cloudflare Radar (or IODA) outage/anomaly event touching the operator, drawn as a band or marker. */
export type SignalEvent = {
  source: "CLOUDFLARE" | "IODA";
  kind: string;
  startsAt: string;
  /** Null while ongoing or when only a start is known. */
  endsAt: string | null;
  asns: number[];
  description: string | null;
  linkedUrl: string | null;
  /** True when the event is invented example data (decision 0018). */
  example: boolean;
};

export type OperatorSignalChart = {
  from: string;
  to: string;
  bucketSeconds: number;
  /** True when every line is scaled to its own median over the period (1 = usual level). */
  normalised: boolean;
  lines: SignalLine[];
  events: SignalEvent[];
  /** Signals asked for that have no data for these networks in the period. */
  missing: SignalKey[];
  /**
   * True when any line or event drawn is invented example data (decision
   * 0018): every view, download and API answer of the chart then says
   * "example data — invented".
   */
  example: boolean;
};

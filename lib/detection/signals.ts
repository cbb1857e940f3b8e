import type { AffectedService, MeasurementSource } from "@/lib/generated/prisma/enums";
import { BASELINE_LOOKBACK_DAYS, BASELINE_SIMILAR_DAYS, SERVICE_BASELINE_DAYS } from "./parameters";

/**
 * Every signal the detector uses, with its parameters, in one table: the
 * signal registry (issue 14) can own these rows later. A (source, signal)
 * pair absent here is not used for detection (it still counts for feed
 * health and freshness).
 *
 * Depths are relative drops from the seasonal baseline (1 − value/baseline).
 * IODA states its thresholds as ratios of the value to a moving median
 * ("warning below 80 %"); a ratio r is a depth of 1 − r.
 */

/** What a drop of the signal means, used to tell a cut from throttling (see classify-segment.ts). */
export type SignalMeasures =
  /** Routes or probed hosts: lost when hosts are unreachable (cuts, withdrawals). */
  | "reachability"
  /** Traffic volume: falls in throttling as well as in cuts. */
  | "volume"
  /** Per-app test results (OONI): rise when an app is blocked. */
  | "service";

/** The seasonal baseline's window (see baseline.ts): how far back, and how many days of the same type. */
export type SeasonalBaselineWindow = { lookbackDays: number; similarDays: number };

/** A connectivity signal: a count or level whose drop below its seasonal baseline is a disruption. */
export type ConnectivitySignalParameters = {
  kind: "connectivity";
  source: MeasurementSource;
  signal: string;
  measures: "reachability" | "volume";
  /** How an operator's networks combine: counts add up, levels average. */
  combine: "sum" | "mean";
  baseline: SeasonalBaselineWindow;
  /** Depth at which the signal is "below warning" (opens with corroboration, or sustained alone). */
  warningDepth: number;
  /** IODA's critical level, kept for reference and for scores (not an opening rule of its own). */
  criticalDepth: number;
  /** Hysteresis: a detection stays open while a signal that took part is at least this deep. */
  restoreDepth: number;
  /**
   * A missing point counts as a total drop when the feed is healthy (other
   * series of the same source arrived for that bucket, some of them of this
   * signal: see feed-health.ts).
   */
  missingIsDrop: boolean;
  /** No bucket for this long → "no recent data". */
  staleAfterMinutes: number;
  /** Where the numbers come from. */
  anchor: string;
};

/** An OONI per-app test: its hourly anomaly rate, watched with a CUSUM (see service-blocking.ts). */
export type ServiceSignalParameters = {
  kind: "service";
  source: MeasurementSource;
  signal: string;
  measures: "service";
  /** Networks add their evidence (log-likelihood ratios) up. */
  combine: "evidence-sum";
  /** The usual anomaly rate is the mean over this many days before the hour's day. */
  baseline: { lookbackDays: number };
  service: AffectedService;
  staleAfterMinutes: number;
  anchor: string;
};

export type SignalParameters = ConnectivitySignalParameters | ServiceSignalParameters;

/** Cloudflare Radar's window: 28 days, the 6 most similar days (ours: of the same day type). */
const SEASONAL: SeasonalBaselineWindow = { lookbackDays: BASELINE_LOOKBACK_DAYS, similarDays: BASELINE_SIMILAR_DAYS };

const IODA_ANCHOR =
  "IODA (ioda.inetintel.cc.gatech.edu help; InetIntel/watchtower-sentry): value / moving median, per datasource";

/** The ratio of value to baseline below which IODA warns, as a depth. */
const iodaDepth = (ratio: number) => Math.round((1 - ratio) * 100) / 100;

/**
 * One row per signal. Warning depths for IODA signals start from IODA's own
 * levels and are noted where ours differ, with the reason.
 */
export const SIGNAL_DETECTION_TABLE: readonly SignalParameters[] = [
  {
    kind: "connectivity",
    source: "IODA",
    signal: "bgp",
    measures: "reachability",
    combine: "sum",
    baseline: SEASONAL,
    // IODA warns below 99 % of its 24-hour moving median (depth 0.01). Ours opens a
    // public detection, so it waits for 5 %: routing changes of 1–3 % (address
    // space moved between networks) are routine and are not disruptions.
    warningDepth: 0.05,
    criticalDepth: iodaDepth(0.5),
    restoreDepth: 0.025,
    missingIsDrop: true,
    staleAfterMinutes: 30,
    anchor: `${IODA_ANCHOR}: BGP over 24 h, warning < 99 %, critical < 50 %`,
  },
  {
    kind: "connectivity",
    source: "IODA",
    signal: "ping-slash24",
    measures: "reachability",
    combine: "sum",
    baseline: SEASONAL,
    // IODA: active probing over 7 days, warning < 80 %, critical < 50 %. Same levels.
    warningDepth: iodaDepth(0.8),
    criticalDepth: iodaDepth(0.5),
    restoreDepth: 0.1,
    missingIsDrop: true,
    staleAfterMinutes: 60,
    anchor: `${IODA_ANCHOR}: active probing over 7 days, warning < 80 %, critical < 50 %`,
  },
  {
    kind: "connectivity",
    source: "IODA",
    signal: "merit-nt",
    measures: "volume",
    combine: "sum",
    baseline: SEASONAL,
    // IODA: telescope over 7 days, warning < 25 %, critical < 10 % (depths 0.75 and
    // 0.9): that loose level absorbs the telescope's day-night swing around a
    // non-seasonal median. Our baseline follows the time of day and the day type,
    // which leaves the telescope's noise at about 8 % per 5-minute step, so a
    // 20 % drop is already clear of it.
    warningDepth: 0.2,
    criticalDepth: iodaDepth(0.1),
    restoreDepth: 0.1,
    missingIsDrop: true,
    staleAfterMinutes: 30,
    anchor: `${IODA_ANCHOR}: telescope over 7 days, warning < 25 %, critical < 10 %`,
  },
  {
    kind: "connectivity",
    source: "IODA",
    signal: "gtr",
    measures: "volume",
    // Google's traffic is an index per network, not a count: networks average.
    combine: "mean",
    baseline: SEASONAL,
    // IODA gives no level for Google traffic; it is a volume signal like the telescope.
    warningDepth: 0.2,
    criticalDepth: 0.5,
    restoreDepth: 0.1,
    missingIsDrop: false,
    staleAfterMinutes: 120,
    anchor: "IODA Google Transparency Report traffic; levels as for the telescope",
  },
  ...(
    [
      ["telegram", "TELEGRAM"],
      ["whatsapp", "WHATSAPP"],
      ["signal", "SIGNAL"],
      ["facebook_messenger", "FACEBOOK"],
    ] as const
  ).map(
    ([test, service]): ServiceSignalParameters => ({
      kind: "service",
      source: "OONI",
      signal: `${test}.anomaly_rate`,
      measures: "service",
      combine: "evidence-sum",
      baseline: { lookbackDays: SERVICE_BASELINE_DAYS },
      service,
      // OONI measurements are sparse: a day without any is not yet a stale feed.
      staleAfterMinutes: 24 * 60,
      anchor: "OONI ooni/data event detector: two-sided CUSUM on hourly blocking scores, threshold 3.5",
    }),
  ),
  // Not used: OONI web_connectivity anomaly rates mix thousands of sites; a
  // jump there is website blocking, which this detector does not judge.
];

const BY_KEY = new Map(SIGNAL_DETECTION_TABLE.map((row) => [`${row.source}|${row.signal}`, row]));

/** The longest baseline of the table, in days: how much history a run needs. */
export const LONGEST_BASELINE_DAYS = Math.max(...SIGNAL_DETECTION_TABLE.map((row) => row.baseline.lookbackDays));

/** The parameters of a stored series' signal, or undefined when the detector does not use it. */
export function signalParameters(source: MeasurementSource, signal: string): SignalParameters | undefined {
  return BY_KEY.get(`${source}|${signal}`);
}

/** "ioda.ping-slash24", "ooni.telegram.anomaly_rate": how detections name a signal. */
export function signalKey(source: MeasurementSource, signal: string): string {
  return `${source.toLowerCase()}.${signal}`;
}

import type { AffectedService, MeasurementSource } from "@/lib/generated/prisma/enums";
import type { InterpretedTest } from "@/lib/ingest/ooni/verdict";
import { SIGNAL_KEYS, SIGNALS, storedSuffixOf, type Combine, type SignalKey } from "@/lib/signals/signal-registry";
import { BASELINE_LOOKBACK_DAYS, BASELINE_SIMILAR_DAYS, SERVICE_BASELINE_DAYS } from "./parameters";

/**
 * How the detector uses each measured signal. What a signal is (its key,
 * the feed and the name it is stored under, whether an operator's networks
 * add up or average) is the signal registry's (lib/signals/signal-registry.ts,
 * decision 0022); this file holds only what detection adds to it: the
 * baseline, the warning, critical and restore levels, freshness, and which
 * apps OONI's per-test rates stand for. DETECTION_OF_SIGNAL has one entry
 * per registry signal (the compiler refuses a missing one), either its
 * parameters or why the detector leaves it out; SIGNAL_DETECTION_TABLE is
 * derived from the two. A (source, signal) pair absent from the table is not
 * used for detection (it still counts for feed health and freshness).
 *
 * Depths are relative drops from the seasonal baseline (1 − value/baseline).
 * IODA states its thresholds as ratios of the value to a moving median
 * ("warning below 80 %"); a ratio r is a depth of 1 − r.
 */

/** What a drop of the signal means, used to tell a cut from throttling (see segments.ts). */
export type SignalMeasures =
  /** Routes or probed hosts: lost when hosts are unreachable (cuts, withdrawals). */
  | "reachability"
  /** Traffic volume: falls in throttling as well as in cuts. */
  | "volume"
  /** Per-app test results (OONI): rise when an app is blocked. */
  | "service";

/** The seasonal baseline's window (see baseline.ts): how far back, and how many days of the same type. */
export type SeasonalBaselineWindow = { lookbackDays: number; similarDays: number };

/** A registry signal stored as one series per network, whose drop below its seasonal baseline is a disruption. */
type ConnectivityDetection = {
  kind: "connectivity";
  measures: "reachability" | "volume";
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

/**
 * A registry signal stored as one series per OONI test and network (an
 * hourly anomaly rate), watched per app with a CUSUM (see service-blocking.ts).
 * Networks add their evidence (log-likelihood ratios) up, whatever the
 * registry's chart does with the rates.
 */
type ServiceDetection = {
  kind: "service";
  /** The usual anomaly rate is the mean over this many days before the hour's day. */
  baseline: { lookbackDays: number };
  staleAfterMinutes: number;
  anchor: string;
  /** Every test the OONI pull fetches: the app its rate stands for, or why the detector leaves the test out. */
  tests: { readonly [T in InterpretedTest]: { service: AffectedService } | { unused: string } };
};

/** A registry signal the detector does not read, and why. */
type UnusedSignal = { kind: "unused"; why: string };

export type SignalDetection = ConnectivityDetection | ServiceDetection | UnusedSignal;

/** Which registry signal a row reads, and how its series are named: from the registry, never restated here. */
type RegistryPart = {
  /** The registry's signal ("ioda.bgp", "ooni.anomaly_rate"). */
  registryKey: SignalKey;
  source: MeasurementSource;
  /** As stored in `series.signal`: "bgp", "telegram.anomaly_rate". */
  signal: string;
  /** How detections name it (signalKey): the registry key, or one test of a per-test signal ("ooni.telegram.anomaly_rate"). */
  key: string;
};

/** A connectivity signal, as the detector reads it: a count or level whose drop below its seasonal baseline is a disruption. */
export type ConnectivitySignalParameters = RegistryPart &
  ConnectivityDetection & {
    /** The registry's: counts add up across an operator's networks, indices average. */
    combine: Combine;
  };

/** One OONI test of an app, as the detector reads it: its hourly anomaly rate, watched with a CUSUM. */
export type ServiceSignalParameters = RegistryPart &
  Omit<ServiceDetection, "tests"> & {
    measures: "service";
    test: InterpretedTest;
    service: AffectedService;
  };

export type SignalParameters = ConnectivitySignalParameters | ServiceSignalParameters;

/** Cloudflare Radar's window: 28 days, the 6 most similar days (ours: of the same day type). */
const SEASONAL: SeasonalBaselineWindow = { lookbackDays: BASELINE_LOOKBACK_DAYS, similarDays: BASELINE_SIMILAR_DAYS };

const IODA_ANCHOR =
  "IODA (ioda.inetintel.cc.gatech.edu help; InetIntel/watchtower-sentry): value / moving median, per datasource";

/** The ratio of value to baseline below which IODA warns, as a depth. */
const iodaDepth = (ratio: number) => Math.round((1 - ratio) * 100) / 100;

/**
 * One entry per registry signal. Warning depths for IODA signals start from
 * IODA's own levels and are noted where ours differ, with the reason.
 */
export const DETECTION_OF_SIGNAL: { readonly [K in SignalKey]: SignalDetection } = {
  "ioda.bgp": {
    kind: "connectivity",
    measures: "reachability",
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
  "ioda.ping-slash24": {
    kind: "connectivity",
    measures: "reachability",
    baseline: SEASONAL,
    // IODA: active probing over 7 days, warning < 80 %, critical < 50 %. Same levels.
    warningDepth: iodaDepth(0.8),
    criticalDepth: iodaDepth(0.5),
    restoreDepth: 0.1,
    missingIsDrop: true,
    staleAfterMinutes: 60,
    anchor: `${IODA_ANCHOR}: active probing over 7 days, warning < 80 %, critical < 50 %`,
  },
  "ioda.merit-nt": {
    kind: "connectivity",
    measures: "volume",
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
  "ioda.gtr": {
    kind: "connectivity",
    measures: "volume",
    baseline: SEASONAL,
    // IODA gives no level for Google traffic; it is a volume signal like the telescope.
    warningDepth: 0.2,
    criticalDepth: 0.5,
    restoreDepth: 0.1,
    missingIsDrop: false,
    staleAfterMinutes: 120,
    anchor: "IODA Google Transparency Report traffic; levels as for the telescope",
  },
  "ooni.anomaly_rate": {
    kind: "service",
    baseline: { lookbackDays: SERVICE_BASELINE_DAYS },
    // OONI measurements are sparse: a day without any is not yet a stale feed.
    staleAfterMinutes: 24 * 60,
    anchor: "OONI ooni/data event detector: two-sided CUSUM on hourly blocking scores, threshold 3.5",
    tests: {
      web_connectivity: { unused: "its anomaly rate mixes thousands of sites: a jump there is website blocking, which this detector does not judge" },
      telegram: { service: "TELEGRAM" },
      whatsapp: { service: "WHATSAPP" },
      signal: { service: "SIGNAL" },
      facebook_messenger: { service: "FACEBOOK" },
    },
  },
};

/** The rows of one registry signal: one for a signal stored per network, one per watched app for OONI's per-test rates. */
function rowsOf(registryKey: SignalKey): SignalParameters[] {
  const registered = SIGNALS[registryKey];
  const detection = DETECTION_OF_SIGNAL[registryKey];
  const { source } = registered.stored;
  switch (detection.kind) {
    case "unused":
      return [];
    case "connectivity":
      return [{ ...detection, registryKey, source, signal: storedNameOf(registryKey), key: registryKey, combine: registered.combine }];
    case "service": {
      const suffix = storedSuffixOf(registryKey);
      const { tests, ...shared } = detection;
      return (Object.keys(tests) as InterpretedTest[]).flatMap((test) => {
        const use = tests[test];
        if (!("service" in use)) return [];
        const signal = `${test}${suffix}`;
        return [{ ...shared, measures: "service", registryKey, source, signal, key: signalKey(source, signal), test, service: use.service }];
      });
    }
  }
}

/**
 * The one name a registry signal's series are stored under ("ioda.bgp" →
 * "bgp"), for a signal stored one series per network; the per-test
 * counterpart is the registry's storedSuffixOf.
 */
export function storedNameOf(key: SignalKey): string {
  const { stored } = SIGNALS[key];
  if (stored.name === undefined) throw new Error(`${key} is stored one series per test (<test>${stored.suffix}), not under one name`);
  return stored.name;
}

/** Every (source, signal) the detector reads, with its parameters, in the registry's order. */
export const SIGNAL_DETECTION_TABLE: readonly SignalParameters[] = SIGNAL_KEYS.flatMap(rowsOf);

const BY_KEY = new Map(SIGNAL_DETECTION_TABLE.map((row) => [`${row.source}|${row.signal}`, row]));

/** The longest baseline of the table, in days: how much history a run needs. */
export const LONGEST_BASELINE_DAYS = Math.max(...SIGNAL_DETECTION_TABLE.map((row) => row.baseline.lookbackDays));

/** The parameters of a stored series' signal, or undefined when the detector does not use it. */
export function signalParameters(source: MeasurementSource, signal: string): SignalParameters | undefined {
  return BY_KEY.get(`${source}|${signal}`);
}

/**
 * "ioda.ping-slash24", "ooni.telegram.anomaly_rate": how detections name a
 * stored series' signal. For a signal the registry stores under one name this
 * is the registry's key (signals.test.ts checks it); a row's `key` is the one
 * to use.
 */
export function signalKey(source: MeasurementSource, signal: string): string {
  return `${source.toLowerCase()}.${signal}`;
}

import type { MeasurementSource } from "@/lib/generated/prisma/enums";

/**
 * Every measured signal the charts can draw, declared once (decision 0022).
 * Everything else is derived from these entries: the keys the URL and the API
 * accept, which stored series make up a line and how an operator's networks
 * combine in it, the feed a line credits, the name a reader sees. A new signal
 * is one entry here plus its name in messages/isps (`ispsView.signals`).
 *
 * Pure and framework-free: the server's chart query, the OONI roll-up that
 * writes the series, the chart view-model and the browser all read it.
 */

/**
 * What one value of a signal is, which decides how an operator's networks
 * combine in a bucket: counts add up across networks (visible prefixes,
 * responsive /24 blocks, telescope sources), rates and indices average.
 */
export type SignalUnit = "count" | "rate" | "index";

/** How a line combines its series in a bucket (each series first averaged over the bucket). */
export type Combine = "sum" | "avg";

/**
 * How a feed stores the signal in `series` (source, signal), one series per
 * network: under one name (`name`: IODA's datasource), or one series per
 * test named `<test_name><suffix>` (OONI's hourly anomaly rate of each test),
 * which the chart's line takes together.
 */
export type SignalStorage = { source: MeasurementSource } & ({ name: string; suffix?: never } | { suffix: string; name?: never });

type SignalDeclaration = {
  /** The key the URL, the API and downloads use: "<feed>.<signal>". */
  key: string;
  stored: SignalStorage;
  unit: SignalUnit;
  /** Its name's message key under `ispsView.signals` (message keys cannot hold dots). */
  message: string;
};

/** The signals in the order the chart's panels, the form and the API list them. */
const DECLARATIONS = [
  { key: "ioda.bgp", stored: { source: "IODA", name: "bgp" }, unit: "count", message: "bgp" },
  { key: "ioda.ping-slash24", stored: { source: "IODA", name: "ping-slash24" }, unit: "count", message: "activeProbing" },
  { key: "ioda.merit-nt", stored: { source: "IODA", name: "merit-nt" }, unit: "count", message: "telescope" },
  { key: "ioda.gtr", stored: { source: "IODA", name: "gtr" }, unit: "index", message: "googleTraffic" },
  { key: "ooni.anomaly_rate", stored: { source: "OONI", suffix: ".anomaly_rate" }, unit: "rate", message: "ooniAnomalyRate" },
] as const satisfies readonly SignalDeclaration[];

type Declared = (typeof DECLARATIONS)[number];

/** A tuple of the declarations' keys (a mapped type over a type parameter keeps a tuple a tuple). */
type KeysOf<T extends readonly { key: string }[]> = { readonly [I in keyof T]: T[I] extends { key: infer K } ? K : never };

/** The signals' keys, in registry order. */
export const SIGNAL_KEYS = DECLARATIONS.map((signal) => signal.key) as unknown as KeysOf<typeof DECLARATIONS>;
export type SignalKey = Declared["key"];

export type Signal = {
  key: SignalKey;
  stored: SignalStorage;
  unit: SignalUnit;
  /** Derived from the unit: counts add up across networks, rates and indices average. */
  combine: Combine;
  message: Declared["message"];
};

export const SIGNALS: Readonly<Record<SignalKey, Signal>> = Object.fromEntries(
  DECLARATIONS.map((signal) => [signal.key, { ...signal, combine: signal.unit === "count" ? "sum" : "avg" }]),
) as Record<SignalKey, Signal>;

export function isSignalKey(value: string): value is SignalKey {
  return Object.hasOwn(SIGNALS, value);
}

/** The feeds whose series hold a chart signal. */
export const SIGNAL_SOURCES: readonly MeasurementSource[] = [...new Set(DECLARATIONS.map((signal) => signal.stored.source))];

/** Which signal a stored series belongs to, or null when the charts draw none of it. */
export function signalOfSeries(series: { source: string; signal: string }): SignalKey | null {
  for (const key of SIGNAL_KEYS) {
    const { stored } = SIGNALS[key];
    if (stored.source !== series.source) continue;
    if (stored.name !== undefined ? series.signal === stored.name : series.signal.endsWith(stored.suffix)) return key;
  }
  return null;
}

/** The suffix a per-test signal's series carry after the test's name (OONI's ".anomaly_rate"). */
export function storedSuffixOf(key: SignalKey): string {
  const { stored } = SIGNALS[key];
  if (stored.suffix === undefined) throw new Error(`${key} is stored under one name (${stored.name}), not one per test`);
  return stored.suffix;
}

/** The hourly anomaly rate the OONI roll-up computes per test and network (lib/server/ingest/ooni-rollup.ts). */
export const OONI_ANOMALY_RATE: SignalKey = "ooni.anomaly_rate";

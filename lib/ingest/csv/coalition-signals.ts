/**
 * The signals the coalition's generic CSV may carry: its own probes'
 * measurements, stored as COALITION series (never as OONI, IODA or Cloudflare
 * data, which come only through their own importers). A row naming another
 * signal, or a value outside the signal's range, is rejected with the list.
 *
 * The staff console lists these (with a description in each language,
 * `Feeds.upload.signals.<id>` in messages/staff) next to the upload form and
 * links a template file, public/templates/coalition-measurements.csv, which a
 * unit test keeps in step with this table.
 */
export type CoalitionSignal = {
  /** The name a CSV row writes in its `signal` column. */
  name: string;
  /** Message key of its description. */
  id: string;
  /** Stored on the series. */
  unit: string;
  min: number;
  max?: number;
  integer?: boolean;
};

export const COALITION_SIGNALS: readonly CoalitionSignal[] = [
  { name: "probe.reachability", id: "reachability", unit: "share", min: 0, max: 1 },
  { name: "probe.dns_failure_rate", id: "dnsFailureRate", unit: "share", min: 0, max: 1 },
  { name: "probe.latency_ms", id: "latencyMs", unit: "ms", min: 0 },
  { name: "probe.download_mbps", id: "downloadMbps", unit: "Mbit/s", min: 0 },
  { name: "probe.upload_mbps", id: "uploadMbps", unit: "Mbit/s", min: 0 },
  { name: "probe.blocked_sites", id: "blockedSites", unit: "count", min: 0, integer: true },
];

const BY_NAME = new Map(COALITION_SIGNALS.map((signal) => [signal.name, signal]));

export function coalitionSignal(name: string): CoalitionSignal | undefined {
  return BY_NAME.get(name);
}

/** Why `value` cannot be a value of `signal`, or null when it can. */
export function coalitionValueProblem(signal: CoalitionSignal, value: number): string | null {
  if (signal.integer && !Number.isInteger(value)) return `${signal.name} counts whole numbers (got ${value})`;
  if (value < signal.min || (signal.max !== undefined && value > signal.max)) {
    return signal.max === undefined
      ? `${signal.name} cannot be below ${signal.min} (got ${value})`
      : `${signal.name} must be from ${signal.min} to ${signal.max} (got ${value})`;
  }
  return null;
}

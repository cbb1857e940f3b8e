import type { BaselineCache } from "./baseline-cache";
import type { AffectedService, MeasurementSource, OutageEventKind, SeriesEntityType } from "@/lib/generated/prisma/enums";

/**
 * What the disruption detector takes and gives. Shaped after what the
 * database holds (series + series_points, networks → operators, outage
 * events), so the caller reads rows and passes them through; the detector
 * itself never touches the database (see README.md).
 *
 * Instants inside points are epoch milliseconds (Date.getTime()), because a
 * run reads tens of thousands of them; everything else uses Date.
 */

/** One stored value. Gaps are absent points, never zeros (as in series_points). */
export type SeriesPoint = {
  /** Start of the bucket, epoch milliseconds UTC. */
  at: number;
  value: number;
  /**
   * How many measurements the value summarises, when known (an OONI hourly
   * anomaly rate over n measurements). Absent = 1, the least evidence a
   * stored rate can stand for.
   */
  weight?: number;
};

/** One stored series (a row of `series`) with its points over the history and window. */
export type DetectionSeries = {
  /** The caller's key for the series (e.g. the database id); evidence refers to it. */
  id: string;
  source: MeasurementSource;
  /** As stored: "bgp", "ping-slash24", "merit-nt", "telegram.anomaly_rate" … */
  signal: string;
  entityType: SeriesEntityType;
  entityCode: string;
  /** Set for ASN series. */
  asn: number | null;
  /** Region slug, for a region's series (or a network known to serve one region). */
  region: string | null;
  /** The series' step; null = inferred from its points. */
  stepSeconds: number | null;
  /** Ascending by `at`, at most one per bucket, gaps absent. */
  points: readonly SeriesPoint[];
};

/** An outage event already ingested (a row of `outage_events`), attached as evidence. */
export type DetectionOutageEvent = {
  source: MeasurementSource;
  key: string;
  kind: OutageEventKind;
  asns: readonly number[];
  /** Country or region codes as the feed gives them ("KZ", "KZ-ALA"). */
  locations: readonly string[];
  startsAt: Date;
  endsAt: Date | null;
};

export type DetectionWindow = {
  /** Inclusive: the earliest bucket whose data is new or changed. */
  since: Date;
  /** Exclusive: the end of the latest bucket that arrived. */
  until: Date;
};

/**
 * A detection as stored by an earlier run: enough to resume its group where
 * it began. With its segments' kinds and starts, connectivity and service
 * blocking each resume from their own first segment (a week of app
 * blocking does not make every run recompute a week of connectivity).
 */
export type StoredPeriod = {
  group: string;
  start: Date;
  end: Date | null;
  segments?: readonly { kind: DetectionKind; start: Date }[];
};

export type DetectionInput = {
  /**
   * Every series of the networks and regions to watch, with points from
   * `requiredHistoryStart(window, stored)` (or earlier) to `window.until`.
   * Series whose (source, signal) has no entry in SIGNAL_DETECTION_TABLE
   * are used only for feed health and freshness.
   */
  series: readonly DetectionSeries[];
  /** Network (ASN) → operator slug; an ASN that is absent or null belongs to no operator. */
  operatorOfAsn: ReadonlyMap<number, string | null>;
  events?: readonly DetectionOutageEvent[];
  window: DetectionWindow;
  /**
   * Detections stored by earlier runs (at least those ongoing, or ended less
   * than REOPEN_WITHIN_MS before `window.since`). Their groups are evaluated
   * from where they began, so that new data extends, ends or reopens them
   * rather than starting a new detection halfway through.
   */
  stored?: readonly StoredPeriod[];
  /**
   * Baselines kept across runs, for a caller that reruns the detector over
   * series that only grow (see BaselineCache). The output is the same with
   * or without it.
   */
  baselineCache?: BaselineCache;
};

/**
 * - blackout: the network (or region) is dark: depth ≥ BLACKOUT_DEPTH.
 * - partial: a shallower drop in which hosts or routes are lost (a regional
 *   cut, a partial restoration).
 * - throttling-like: traffic falls while reachability holds (routes and
 *   probed hosts still answer): what throttling looks like from outside.
 * - service-blocking: an app's OONI anomaly rate jumps.
 */
export type DetectionKind = "blackout" | "partial" | "throttling-like" | "service-blocking";

export type DetectionStatus = "ongoing" | "restored";

/** Which rule opened a detection (see README.md, "Opening"). */
export type DetectionRule = "corroborated" | "sustained" | "service-cusum";

/** One stretch inside a detection; maps onto an incident phase (cut, partial restoration, recut). */
export type DetectionSegment = {
  kind: DetectionKind;
  start: Date;
  /** Null while it lasts. */
  end: Date | null;
  /** The typical relative drop (median over the segment), 0–1; for service blocking, the rise of the anomaly rate. */
  depth: number;
  /** Signal keys ("ioda.ping-slash24", "ooni.telegram.anomaly_rate") that were below their warning level in it. */
  signals: string[];
  /** For service blocking: the apps. */
  services: AffectedService[];
};

export type DetectionEvidence =
  | {
      type: "series";
      seriesId: string;
      source: MeasurementSource;
      signal: string;
      asn: number | null;
      region: string | null;
    }
  | {
      type: "event";
      source: MeasurementSource;
      key: string;
      kind: OutageEventKind;
      startsAt: Date;
      endsAt: Date | null;
    };

export type Detection = {
  /** Stable: the group and the start ("operator:kcell@2022-01-05T12:00:00.000Z"). */
  key: string;
  /** "operator:<slug>", "asn:<n>" (a network with no operator) or "region:<slug>". */
  group: string;
  /** Operator slug, or null for a network with no operator or a region alone. */
  operator: string | null;
  asns: number[];
  regions: string[];
  services: AffectedService[];
  start: Date;
  /** Null while ongoing. */
  end: Date | null;
  status: DetectionStatus;
  /** The most severe kind among the segments. */
  kind: DetectionKind;
  /** The largest segment depth, 0–1. */
  depth: number;
  /** Drop × duration (hours) × corroboration (see README.md, "Score"). */
  score: number;
  /** Signal keys that took part. */
  signals: string[];
  segments: DetectionSegment[];
  evidence: DetectionEvidence[];
  rule: DetectionRule;
  /**
   * When the data that opened it had arrived: the end of the bucket on which
   * the opening rule first held. Detection latency is measured from here.
   */
  detectedAt: Date;
};

/** A (source, signal) feed's freshness at `until`. */
export type FeedStatus = {
  source: MeasurementSource;
  signal: string;
  /** End of the latest bucket any series of the feed has, or null. */
  lastDataUntil: Date | null;
  /** No bucket for longer than the signal's staleAfter: "no recent data". */
  stale: boolean;
};

/** A watched group's freshness at `until` (the "Now" strip's "no recent data since …"). */
export type GroupFreshness = {
  group: string;
  operator: string | null;
  lastDataUntil: Date | null;
  /** Every detection signal of the group is stale or absent. */
  stale: boolean;
};

export type DetectionResult = {
  window: DetectionWindow;
  /** Detections overlapping the window, by start then group. */
  detections: Detection[];
  feeds: FeedStatus[];
  groups: GroupFreshness[];
};

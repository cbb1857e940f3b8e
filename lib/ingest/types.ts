import type { MeasurementSource, OutageEventKind, SeriesEntityType } from "@/lib/generated/prisma/enums";

/**
 * What every feed parser (lib/ingest/<source>/) yields, one item per record,
 * in input order. Parsers are pure: payload in, items out. The one bulk
 * writer (lib/server/ingest/) stores them; nothing is dropped silently: a
 * record that cannot be used is a RejectItem, kept verbatim with its reason.
 */

/** One value of a time series; gaps are absent items, never zeros. */
export type SeriesPointItem = {
  kind: "point";
  source: MeasurementSource;
  /** Feed-specific signal, e.g. "bgp", "ping-slash24", "web_connectivity.anomaly_rate". */
  signal: string;
  entityType: SeriesEntityType;
  /** The entity as the feed names it: "9198", "KZ", "KZ-ALA". */
  entityCode: string;
  /** Set for ASN entities. */
  asn?: number;
  at: Date;
  value: number;
  unit?: string;
  stepSeconds?: number;
};

/** One OONI measurement, keyed by its uid. */
export type OoniMeasurementItem = {
  kind: "ooni";
  uid: string;
  reportId: string;
  testName: string;
  input: string | null;
  probeAsn: number;
  probeCc: string;
  startedAt: Date;
  anomaly: boolean;
  confirmed: boolean;
  failure: boolean;
  blockingType: string | null;
};

/** An outage or anomaly a feed reports, keyed by the feed's id or its natural key. */
export type OutageEventItem = {
  kind: "event";
  source: MeasurementSource;
  key: string;
  eventKind: OutageEventKind;
  entityType?: SeriesEntityType;
  entityCode?: string;
  asns: number[];
  locations: string[];
  startsAt: Date;
  endsAt: Date | null;
  datasource?: string;
  level?: string;
  score?: number;
  description?: string;
  linkedUrl?: string;
  details?: Record<string, unknown>;
};

/** A record that could not be used: where it was, what was wrong, and the record itself. */
export type RejectItem = {
  kind: "reject";
  /** Line number (CSV, JSON Lines) or index in a JSON array. */
  position: number;
  field?: string;
  reason: string;
  /** The record verbatim (its line, or its JSON). */
  raw: string;
};

/**
 * Emitted by live pulls after each page or window: the writer first stores
 * everything before it, then saves the cursor, so a resumed pull never skips
 * data that was not stored (and re-reading a page is harmless: writes are
 * idempotent).
 */
export type CheckpointItem = { kind: "checkpoint"; cursor: unknown };

export type IngestItem = SeriesPointItem | OoniMeasurementItem | OutageEventItem | RejectItem | CheckpointItem;

/** What every live pull takes. Base URLs and tokens come from the environment, read by the caller. */
export type PullOptions = {
  since: Date;
  until: Date;
  /** ISO country code, e.g. "KZ". */
  country?: string;
  asns?: number[];
  baseUrl: string;
  token?: string;
  /** The saved cursor of an interrupted run of the same request, or null. */
  resumeFrom: unknown | null;
  /** Injected in tests (a local server needs no delays). */
  fetchOptions?: import("./http/fetch-json").FetchJsonOptions;
};

/** The CLI's last line and every run's outcome. */
export type IngestSummary = { source: string; accepted: number; duplicates: number; rejected: number };

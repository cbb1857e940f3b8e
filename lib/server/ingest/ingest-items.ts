import "server-only";
import type pg from "pg";
import { authorIdOf, type Caller } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPgPool } from "@/lib/db/pg-pool";
import type { IngestSource } from "@/lib/generated/prisma/enums";
import type { MeasurementSource } from "@/lib/generated/prisma/enums";
import { clipText, formatBytes, INGEST_LIMITS } from "@/lib/ingest/limits";
import type { IngestItem, OoniMeasurementItem, OutageEventItem, RejectItem, SeriesPointItem } from "@/lib/ingest/types";
import { notifyChartDataChanged } from "@/lib/db/chart-data-changes";
import { copyField, copyRows, textArrayLiteral } from "./copy-rows";
import { INGEST_WRITE_LOCK, OONI_ROLLUP_LOCK } from "./ingest-locks";
import { HOUR_OF, rollUpOoniHours } from "./ooni-rollup";
import { startIngestRun } from "./start-ingest-run";

/** The sources whose items go through this writer (STOP has its own importer). */
export type MeasurementIngestSource = Exclude<IngestSource, "STOP">;

export type IngestItemsRequest = {
  caller: Caller;
  source: MeasurementIngestSource;
  /** Recorded on the run: file name, window, ASNs, country … */
  parameters: Record<string, unknown>;
  items: AsyncIterable<IngestItem>;
  /** The request a live pull's checkpoints belong to (see pullScope); without it checkpoints only flush. */
  scope?: string;
  /** Default: DATABASE_URL. */
  connectionString?: string;
  /** Items per transaction (default INGEST_LIMITS.batchItems, 50,000). */
  batchSize?: number;
  /** Estimated bytes of items per transaction (default INGEST_LIMITS.batchBytes, 16 MiB): a batch ends at whichever limit comes first. */
  batchBytes?: number;
  /** Called once the run exists (RUNNING), before anything is read: the console's upload worker reports the id at once. */
  onRunStarted?: (runId: number) => void;
  /** Batches written at once, each on its own connection (default 2). */
  writers?: number;
  /** Called after each committed batch (the CLI prints progress). */
  onBatch?: (progress: IngestProgress) => void;
};

export type IngestProgress = { runId: number; items: number; accepted: number; duplicates: number; rejected: number };
export type IngestItemsResult = { runId: number; accepted: number; duplicates: number; rejected: number };

const DEFAULT_BATCH_SIZE = INGEST_LIMITS.batchItems;

/**
 * Which series a run of each source may write. The generic CSV writes only
 * the coalition's own series: a file can never forge OONI, IODA or
 * Cloudflare data, whatever its rows say (the CSV parser refuses them first;
 * this is the writer's own check).
 */
const SERIES_SOURCES: Record<MeasurementIngestSource, MeasurementSource> = { OONI: "OONI", IODA: "IODA", CLOUDFLARE: "CLOUDFLARE", CSV: "COALITION" };

/** Rough bytes an item takes in a batch (its strings, plus a fixed share for numbers, dates and bookkeeping). */
function estimatedBytes(item: SeriesPointItem | OoniMeasurementItem | OutageEventItem | RejectItem): number {
  switch (item.kind) {
    case "point":
      return 96 + item.signal.length + item.entityCode.length;
    case "ooni":
      return 160 + item.uid.length + item.reportId.length + item.testName.length + (item.input?.length ?? 0) + (item.blockingType?.length ?? 0);
    case "event":
      return 256 + item.key.length + (item.description?.length ?? 0) + (item.linkedUrl?.length ?? 0) + (item.details === undefined ? 0 : JSON.stringify(item.details).length);
    case "reject":
      return 64 + item.raw.length + item.reason.length + (item.field?.length ?? 0);
  }
}
/** PostgreSQL `integer`: ASNs above it (private 32-bit ranges) cannot be stored. */
const MAX_INT4 = 2_147_483_647;
/** Connections writing batches side by side: the server inserts one batch while the next is copied. */
const DEFAULT_WRITERS = 2;

type Batch = {
  points: SeriesPointItem[];
  ooni: OoniMeasurementItem[];
  events: OutageEventItem[];
  rejects: RejectItem[];
  /** Set when a checkpoint closed the batch: saved in the same transaction. */
  cursor?: { value: unknown };
  size: number;
  /** Estimated bytes of its items (estimatedBytes). */
  bytes: number;
};

const emptyBatch = (): Batch => ({ points: [], ooni: [], events: [], rejects: [], size: 0, bytes: 0 });

const seriesKey = (point: { source: string; signal: string; entityType: string; entityCode: string }) =>
  `${point.source}\u0001${point.signal}\u0001${point.entityType}\u0001${point.entityCode}`;

const isValidDate = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());
const isStorableAsn = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_INT4;
const isNonEmpty = (value: unknown): value is string => typeof value === "string" && value.trim() !== "";

const MAX_FIELD = INGEST_LIMITS.storedFieldBytes;
const FIELD_LIMIT = `${formatBytes(MAX_FIELD)}, the limit for one stored field`;
/** A text field over the limit (characters: their UTF-8 bytes are at least as many), or null. */
function tooLong(fields: Record<string, string | null | undefined>): { field: string; reason: string } | null {
  for (const [field, value] of Object.entries(fields)) {
    if (typeof value === "string" && value.length > MAX_FIELD) return { field, reason: `${field} is longer than ${FIELD_LIMIT}` };
  }
  return null;
}

/** What the database would refuse in an item a parser produced, or what this run may not write; null when it can be stored. */
function problemOf(item: SeriesPointItem | OoniMeasurementItem | OutageEventItem, source: MeasurementIngestSource): { field: string; reason: string } | null {
  switch (item.kind) {
    case "point":
      if (item.source !== SERIES_SOURCES[source]) {
        return { field: "source", reason: `a ${source} run writes ${SERIES_SOURCES[source]} series only, not ${String(item.source)} series` };
      }
      if (!isNonEmpty(item.signal)) return { field: "signal", reason: "the signal is empty" };
      if (!isNonEmpty(item.entityCode)) return { field: "entityCode", reason: "the entity code is empty" };
      if (!isValidDate(item.at)) return { field: "at", reason: "the time is not a valid date" };
      if (typeof item.value !== "number" || !Number.isFinite(item.value)) return { field: "value", reason: "the value is not a finite number" };
      if (item.asn !== undefined && !isStorableAsn(item.asn)) return { field: "asn", reason: `ASN ${String(item.asn)} is not an integer from 0 to ${MAX_INT4}` };
      return tooLong({ signal: item.signal, entityCode: item.entityCode, unit: item.unit });
    case "ooni":
      if (source !== "OONI") return { field: "kind", reason: `a ${source} run cannot store OONI measurements` };
      if (!isNonEmpty(item.uid)) return { field: "uid", reason: "the measurement uid is empty" };
      if (!isNonEmpty(item.testName)) return { field: "testName", reason: "the test name is empty" };
      if (!isValidDate(item.startedAt)) return { field: "startedAt", reason: "the start time is not a valid date" };
      if (!isStorableAsn(item.probeAsn)) return { field: "probeAsn", reason: `ASN ${String(item.probeAsn)} is not an integer from 0 to ${MAX_INT4}` };
      return tooLong({ uid: item.uid, reportId: item.reportId, testName: item.testName, input: item.input, probeCc: item.probeCc, blockingType: item.blockingType });
    case "event":
      if (item.source !== SERIES_SOURCES[source]) return { field: "source", reason: `a ${source} run cannot store ${String(item.source)} events` };
      if (!isNonEmpty(item.key)) return { field: "key", reason: "the event key is empty" };
      if (!isValidDate(item.startsAt)) return { field: "startsAt", reason: "the start time is not a valid date" };
      if (item.endsAt !== null && !isValidDate(item.endsAt)) return { field: "endsAt", reason: "the end time is not a valid date" };
      if (!item.asns.every(isStorableAsn)) return { field: "asns", reason: `an ASN is not an integer from 0 to ${MAX_INT4}` };
      if (item.details !== undefined && JSON.stringify(item.details).length > MAX_FIELD) return { field: "details", reason: `the event's other fields are longer than ${FIELD_LIMIT}` };
      return tooLong({ key: item.key, entityCode: item.entityCode, datasource: item.datasource, level: item.level, description: item.description, linkedUrl: item.linkedUrl });
  }
}

/**
 * A reject as stored: at most INGEST_LIMITS.rejectRawBytes of its record
 * (enough to recognise it, never a copy of a hostile megabyte), a reason of
 * at most INGEST_LIMITS.rejectReasonBytes.
 */
function storedReject(reject: RejectItem): RejectItem {
  return {
    kind: "reject",
    position: reject.position,
    field: reject.field === undefined ? undefined : clipText(reject.field, 200),
    reason: clipText(reject.reason, INGEST_LIMITS.rejectReasonBytes),
    raw: clipText(reject.raw, INGEST_LIMITS.rejectRawBytes),
  };
}

const STAGING_TABLES = `
  CREATE TEMP TABLE IF NOT EXISTS kst_stage_points (series_id integer, at timestamptz(3), value double precision) ON COMMIT DELETE ROWS;
  CREATE TEMP TABLE IF NOT EXISTS kst_stage_ooni (
    uid text, report_id text, test_name text, input text, probe_asn integer, probe_cc text, started_at timestamptz(3),
    anomaly boolean, confirmed boolean, failure boolean, blocking_type text) ON COMMIT DELETE ROWS;
  CREATE TEMP TABLE IF NOT EXISTS kst_stage_ooni_hours (test_name text, probe_asn integer, hour timestamptz(3)) ON COMMIT DELETE ROWS;
  CREATE TEMP TABLE IF NOT EXISTS kst_stage_events (
    source measurement_source, key text, kind outage_event_kind, entity_type series_entity_type, entity_code text,
    asns integer[], locations text[], starts_at timestamptz(3), ends_at timestamptz(3), datasource text, level text,
    score double precision, description text, linked_url text, details jsonb) ON COMMIT DELETE ROWS;`;

const DROP_STAGING_TABLES = "DROP TABLE IF EXISTS pg_temp.kst_stage_points, pg_temp.kst_stage_ooni, pg_temp.kst_stage_ooni_hours, pg_temp.kst_stage_events";


/**
 * Stores what a feed parser yields: the one bulk writer for measurements
 * (series points, OONI measurements, outage events) and their rejects.
 *
 * - Requires `import:run`. Creates an IngestRun (RUNNING, owned by this
 *   process: startIngestRun) and ends it SUCCEEDED with its counts, or FAILED
 *   with the error, which is rethrown; batches committed before a failure
 *   stay (a re-run skips them), and when reading fails (a limit, a broken
 *   file, a feed error) the records read before it are stored first. A process that dies leaves the run to be
 *   marked ABANDONED by the next run or the scheduler's sweep.
 * - Every point, series, network, measurement and event it stores carries
 *   the run's id, so rollbackIngestRun can take exactly them away again.
 *   A run writes only its own source's series (CSV: COALITION only).
 * - Items are read as a stream in batches bounded by count and by estimated
 *   bytes (INGEST_LIMITS.batchItems, batchBytes), one transaction each,
 *   written by two connections side by side while the next batch is read:
 *   never more than three batches in memory. Per batch: COPY into temporary staging tables, then
 *   `INSERT … SELECT … ON CONFLICT DO NOTHING`, so a replay changes nothing.
 *   accepted = rows inserted; duplicates = valid items already stored (or
 *   repeated in the input); rejected = RejectItems plus items the database
 *   could not hold, all COPYed verbatim into ingest_rejects (the latter as
 *   the item's JSON, at its 1-based ordinal among the stream's records).
 * - Series are created on first sight; every ASN seen is ensured in
 *   `networks` (no operator, name "AS<n>") for staff to attach later.
 * - OONI measurements newly stored update the hourly anomaly-rate series
 *   "<test_name>.anomaly_rate" of their ASN (anomalous / all measurements).
 * - A CheckpointItem closes the batch, and the cursor is saved with it in
 *   the same transaction under (source, scope); a successful end deletes it.
 */
export async function ingestItems(request: IngestItemsRequest): Promise<IngestItemsResult> {
  const actor = await requirePermission(request.caller, "import:run");
  const pool = getPgPool(request.connectionString);
  const batchSize = Math.max(1, request.batchSize ?? DEFAULT_BATCH_SIZE);
  const batchBytes = Math.max(1, request.batchBytes ?? INGEST_LIMITS.batchBytes);
  const run = await startIngestRun({
    source: request.source,
    parameters: request.parameters,
    triggeredById: authorIdOf(actor),
    connectionString: request.connectionString,
  });
  const runId = run.runId;
  request.onRunStarted?.(runId);
  const totals = { runId, items: 0, accepted: 0, duplicates: 0, rejected: 0 };

  const clients: pg.PoolClient[] = [];
  const running = new Set<Promise<void>>();
  try {
    const caches: WriterCaches = { seriesIds: new Map(), knownAsns: new Set(), lastRollback: null };
    const idle: BatchWriter[] = [];
    for (let index = 0; index < Math.max(1, request.writers ?? DEFAULT_WRITERS); index += 1) {
      const client = await pool.connect();
      clients.push(client);
      await client.query(STAGING_TABLES);
      idle.push(new BatchWriter(client, runId, request.source, request.scope, caches));
    }

    const submit = async (batch: Batch) => {
      if (run.lost) throw new Error("The connection that marks this run as running was lost; the run stopped so that it is not taken for abandoned while still writing.");
      // A cursor is saved only once everything read before it is committed.
      if (batch.cursor) await Promise.all(running);
      while (idle.length === 0) await Promise.race(running);
      const writer = idle.pop()!;
      const task: Promise<void> = writer
        .write(batch)
        .then((counts) => {
          totals.items += batch.size;
          totals.accepted += counts.accepted;
          totals.duplicates += counts.duplicates;
          totals.rejected += counts.rejected;
          request.onBatch?.({ ...totals });
        })
        .finally(() => {
          running.delete(task);
          idle.push(writer);
        });
      running.add(task);
      // Awaited through `running`; this only keeps a failure from going unhandled meanwhile.
      task.catch(() => undefined);
    };

    let batch = emptyBatch();
    let ordinal = 0;
    // A failure to read (a limit, a broken file, a feed gone) still stores what was read before it; a failure to write does not.
    let readFailure: { error: unknown } | null = null;
    const iterator = request.items[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<IngestItem>;
      try {
        next = await iterator.next();
      } catch (error) {
        readFailure = { error };
        break;
      }
      if (next.done) break;
      const item = next.value;
      if (item.kind === "checkpoint") {
        batch.cursor = { value: item.cursor };
        await submit(batch);
        batch = emptyBatch();
        continue;
      }
      ordinal += 1;
      const problem = item.kind === "reject" ? null : problemOf(item, request.source);
      const kept = problem ? storedReject({ kind: "reject", position: ordinal, ...problem, raw: JSON.stringify(item) }) : item.kind === "reject" ? storedReject(item) : item;
      if (kept.kind === "point") batch.points.push(kept);
      else if (kept.kind === "ooni") batch.ooni.push(kept);
      else if (kept.kind === "event") batch.events.push(kept);
      else batch.rejects.push(kept);
      batch.size += 1;
      batch.bytes += estimatedBytes(kept);
      if (batch.size >= batchSize || batch.bytes >= batchBytes) {
        await submit(batch);
        batch = emptyBatch();
      }
    }
    if (batch.size > 0) await submit(batch);
    await Promise.all(running);
    if (readFailure) throw readFailure.error;

    const client = clients[0]!;
    await client.query("BEGIN");
    if (request.scope !== undefined) {
      await client.query("DELETE FROM ingest_cursors WHERE source = $1::ingest_source AND scope = $2", [request.source, request.scope]);
    }
    await client.query(
      "UPDATE ingest_runs SET status = 'SUCCEEDED', finished_at = now(), accepted = $2, duplicates = $3, rejected = $4 WHERE id = $1 AND status <> 'ROLLED_BACK'",
      [runId, totals.accepted, totals.duplicates, totals.rejected],
    );
    await client.query("COMMIT");
    await run.release();
    for (const done of clients.splice(0)) {
      await done.query(DROP_STAGING_TABLES);
      done.release();
    }
    return { runId, accepted: totals.accepted, duplicates: totals.duplicates, rejected: totals.rejected };
  } catch (error) {
    // Batches still being written finish (or fail) first: their commits are kept and counted, and the connections are free again.
    await Promise.allSettled([...running]);
    for (const client of clients.splice(0)) {
      // A broken connection is dropped from the pool rather than reused.
      const usable = await client
        .query("ROLLBACK")
        .then(() => client.query(DROP_STAGING_TABLES))
        .then(() => true)
        .catch(() => false);
      client.release(usable ? undefined : true);
    }
    await run.finish({
      status: "FAILED",
      error: clipText((error as Error)?.message ?? String(error), INGEST_LIMITS.rejectReasonBytes),
      accepted: totals.accepted,
      duplicates: totals.duplicates,
      rejected: totals.rejected,
    });
    throw error;
  }
}

/** What the writers of one run have seen committed: series ids by key, ASNs present in `networks`, as of the latest rollback. */
type WriterCaches = { seriesIds: Map<string, number>; knownAsns: Set<number>; lastRollback: string | null };

/**
 * Writes one batch per transaction on its own connection. Writers of a run
 * work side by side, so every statement takes its rows in key order (no two
 * transactions wait on each other in a cycle), and batches with OONI
 * measurements hold a transaction-level advisory lock (see OONI_ROLLUP_LOCK).
 */
class BatchWriter {

  constructor(
    private readonly client: pg.PoolClient,
    private readonly runId: number,
    private readonly source: MeasurementIngestSource,
    private readonly scope: string | undefined,
    private readonly caches: WriterCaches,
  ) {}

  private get seriesIds() {
    return this.caches.seriesIds;
  }

  private get knownAsns() {
    return this.caches.knownAsns;
  }

  async write(batch: Batch): Promise<{ accepted: number; duplicates: number; rejected: number }> {
    const { points, ooni, events, rejects } = batch;
    const client = this.client;
    const newSeries = new Map<string, number>();
    const newAsns = new Set<number>();
    await client.query("BEGIN");
    try {
      await client.query("SELECT pg_advisory_xact_lock_shared($1)", [INGEST_WRITE_LOCK]);
      if (ooni.length > 0) await client.query("SELECT pg_advisory_xact_lock($1)", [OONI_ROLLUP_LOCK]);
      await this.forgetRolledBack();
      await this.ensureNetworks(points, ooni, events, newAsns);
      const acceptedPoints = await this.insertPoints(points, newSeries);
      const acceptedOoni = await this.insertOoniMeasurements(ooni);
      const acceptedEvents = await this.insertEvents(events);
      if (rejects.length > 0) {
        await copyRows(client, "ingest_rejects (run_id, position, field, reason, raw)", rejects, (reject) =>
          [this.runId, reject.position, copyField(reject.field ?? null), copyField(reject.reason), copyField(reject.raw)].join("\t"),
        );
      }
      if (batch.cursor && this.scope !== undefined) {
        await client.query(
          `INSERT INTO ingest_cursors (source, scope, cursor, updated_at) VALUES ($1::ingest_source, $2, $3::jsonb, now())
           ON CONFLICT (source, scope) DO UPDATE SET cursor = EXCLUDED.cursor, updated_at = now()`,
          // Stored as JSON text in a jsonb string: jsonb would reorder an object's keys, and pulls may compare cursors as text.
          [this.source, this.scope, JSON.stringify(JSON.stringify(batch.cursor.value ?? null))],
        );
      }
      const accepted = acceptedPoints + acceptedOoni + acceptedEvents;
      const counts = { accepted, duplicates: points.length + ooni.length + events.length - accepted, rejected: rejects.length };
      if (accepted > 0) await notifyChartDataChanged(client, "series");
      await client.query("COMMIT");
      // Only what is committed is remembered: a rolled-back series or network does not exist.
      for (const [key, id] of newSeries) this.seriesIds.set(key, id);
      for (const asn of newAsns) this.knownAsns.add(asn);
      // Progress for the staff pages, outside the batch's transaction so that parallel writers never queue on the run's row while holding others.
      await client.query("UPDATE ingest_runs SET accepted = accepted + $2, duplicates = duplicates + $3, rejected = rejected + $4 WHERE id = $1", [
        this.runId,
        counts.accepted,
        counts.duplicates,
        counts.rejected,
      ]);
      return counts;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  }

  /**
   * A rollback may have deleted series and networks this run's writers
   * remember (created by the rolled-back run, and holding none of this
   * run's rows): after one, the caches start again from the database.
   */
  private async forgetRolledBack(): Promise<void> {
    const {
      rows: [latest],
    } = await this.client.query<{ at: string | null }>("SELECT max(rolled_back_at)::text AS at FROM ingest_runs WHERE status = 'ROLLED_BACK'");
    if ((latest?.at ?? null) === this.caches.lastRollback) return;
    this.caches.lastRollback = latest?.at ?? null;
    this.caches.seriesIds.clear();
    this.caches.knownAsns.clear();
  }

  /** Every ASN the batch names gets a `networks` row (no operator) unless it has one. */
  private async ensureNetworks(points: SeriesPointItem[], ooni: OoniMeasurementItem[], events: OutageEventItem[], newAsns: Set<number>) {
    const note = (asn: number | undefined) => {
      if (asn !== undefined && !this.knownAsns.has(asn)) newAsns.add(asn);
    };
    for (const point of points) note(point.asn);
    for (const measurement of ooni) note(measurement.probeAsn);
    for (const event of events) for (const asn of event.asns) note(asn);
    if (newAsns.size === 0) return;
    await this.client.query(
      `INSERT INTO networks (asn, name, run_id, updated_at)
       SELECT asn, 'AS' || asn, $2, now() FROM unnest($1::integer[]) AS asn ORDER BY asn
       ON CONFLICT (asn) DO NOTHING`,
      [[...newAsns], this.runId],
    );
  }

  /** Series ids for the batch's points, creating the series not seen before. */
  private async resolveSeries(points: SeriesPointItem[], newSeries: Map<string, number>): Promise<void> {
    const missing = new Map<string, SeriesPointItem>();
    for (const point of points) {
      const key = seriesKey(point);
      if (!this.seriesIds.has(key) && !missing.has(key)) missing.set(key, point);
    }
    if (missing.size === 0) return;
    const first = [...missing.values()];
    const columns = {
      source: first.map((point) => point.source),
      signal: first.map((point) => point.signal),
      entityType: first.map((point) => point.entityType),
      entityCode: first.map((point) => point.entityCode),
      asn: first.map((point) => point.asn ?? null),
      unit: first.map((point) => point.unit ?? null),
      step: first.map((point) => point.stepSeconds ?? null),
    };
    await this.client.query(
      `INSERT INTO series (source, signal, entity_type, entity_code, asn, unit, step_seconds, run_id)
       SELECT *, $8::integer FROM unnest($1::measurement_source[], $2::text[], $3::series_entity_type[], $4::text[], $5::integer[], $6::text[], $7::integer[])
       ORDER BY 1, 2, 3, 4
       ON CONFLICT (source, signal, entity_type, entity_code) DO NOTHING`,
      [columns.source, columns.signal, columns.entityType, columns.entityCode, columns.asn, columns.unit, columns.step, this.runId],
    );
    const { rows } = await this.client.query<{ id: number; source: string; signal: string; entity_type: string; entity_code: string }>(
      `SELECT s.id, s.source::text AS source, s.signal, s.entity_type::text AS entity_type, s.entity_code
       FROM series s
       JOIN unnest($1::measurement_source[], $2::text[], $3::series_entity_type[], $4::text[]) AS wanted(source, signal, entity_type, entity_code)
         ON s.source = wanted.source AND s.signal = wanted.signal AND s.entity_type = wanted.entity_type AND s.entity_code = wanted.entity_code`,
      [columns.source, columns.signal, columns.entityType, columns.entityCode],
    );
    for (const row of rows) {
      newSeries.set(seriesKey({ source: row.source, signal: row.signal, entityType: row.entity_type, entityCode: row.entity_code }), row.id);
    }
  }

  private async insertPoints(points: SeriesPointItem[], newSeries: Map<string, number>): Promise<number> {
    if (points.length === 0) return 0;
    await this.resolveSeries(points, newSeries);
    const idOf = (point: SeriesPointItem) => {
      const key = seriesKey(point);
      return this.seriesIds.get(key) ?? newSeries.get(key)!;
    };
    await copyRows(this.client, "kst_stage_points (series_id, at, value)", points, (point) => `${idOf(point)}\t${point.at.toISOString()}\t${point.value}`);
    const result = await this.client.query(
      "INSERT INTO series_points (series_id, at, value, run_id) SELECT series_id, at, value, $1 FROM kst_stage_points ORDER BY series_id, at ON CONFLICT (series_id, at) DO NOTHING",
      [this.runId],
    );
    return result.rowCount ?? 0;
  }

  private async insertOoniMeasurements(measurements: OoniMeasurementItem[]): Promise<number> {
    if (measurements.length === 0) return 0;
    const client = this.client;
    await copyRows(
      client,
      "kst_stage_ooni (uid, report_id, test_name, input, probe_asn, probe_cc, started_at, anomaly, confirmed, failure, blocking_type)",
      measurements,
      (m) =>
        [
          copyField(m.uid),
          copyField(m.reportId),
          copyField(m.testName),
          copyField(m.input),
          m.probeAsn,
          copyField(m.probeCc),
          m.startedAt.toISOString(),
          m.anomaly,
          m.confirmed,
          m.failure,
          copyField(m.blockingType),
        ].join("\t"),
    );
    const {
      rows: [inserted],
    } = await client.query<{ count: number }>(
      `WITH inserted AS (
         INSERT INTO ooni_measurements (uid, report_id, test_name, input, probe_asn, probe_cc, started_at, anomaly, confirmed, failure, blocking_type, run_id)
         SELECT uid, report_id, test_name, input, probe_asn, probe_cc, started_at, anomaly, confirmed, failure, blocking_type, $1 FROM kst_stage_ooni ORDER BY uid
         ON CONFLICT (uid) DO NOTHING
         RETURNING test_name, probe_asn, started_at
       ), hours AS (
         INSERT INTO kst_stage_ooni_hours (test_name, probe_asn, hour)
         SELECT DISTINCT test_name, probe_asn, ${HOUR_OF("started_at")} FROM inserted
       )
       SELECT count(*)::integer AS count FROM inserted`,
      [this.runId],
    );
    if (inserted!.count > 0) await this.rollUpOoniAnomalyRates();
    return inserted!.count;
  }

  /**
   * Recomputes the hourly anomaly rate of every (test, ASN, hour) the batch
   * added measurements to, from all stored measurements of that hour. A value
   * that did not change is not rewritten, so a replay changes zero rows.
   */
  private async rollUpOoniAnomalyRates(): Promise<void> {
    // A new hour's rate is the run's; a recomputed one keeps the run that first stored it (rollbackIngestRun recomputes hours, whoever stored them).
    await rollUpOoniHours(this.client, "kst_stage_ooni_hours", { runId: this.runId });
  }

  private async insertEvents(events: OutageEventItem[]): Promise<number> {
    if (events.length === 0) return 0;
    await copyRows(
      this.client,
      "kst_stage_events (source, key, kind, entity_type, entity_code, asns, locations, starts_at, ends_at, datasource, level, score, description, linked_url, details)",
      events,
      (event) =>
        [
          event.source,
          copyField(event.key),
          event.eventKind,
          copyField(event.entityType),
          copyField(event.entityCode),
          `{${event.asns.join(",")}}`,
          copyField(textArrayLiteral(event.locations)),
          event.startsAt.toISOString(),
          event.endsAt ? event.endsAt.toISOString() : "\\N",
          copyField(event.datasource),
          copyField(event.level),
          event.score === undefined || !Number.isFinite(event.score) ? "\\N" : event.score,
          copyField(event.description),
          copyField(event.linkedUrl),
          // jsonb cannot hold NUL, which JSON text escapes as \u0000.
          copyField(JSON.stringify(event.details ?? {}).replace(/\\u0000/g, "\\ufffd")),
        ].join("\t"),
    );
    const result = await this.client.query(
      `INSERT INTO outage_events (source, key, kind, entity_type, entity_code, asns, locations, starts_at, ends_at, datasource, level, score, description, linked_url, details, run_id)
       SELECT source, key, kind, entity_type, entity_code, asns, locations, starts_at, ends_at, datasource, level, score, description, linked_url, details, $1
       FROM kst_stage_events
       ORDER BY source, key
       ON CONFLICT (source, key) DO NOTHING`,
      [this.runId],
    );
    return result.rowCount ?? 0;
  }
}

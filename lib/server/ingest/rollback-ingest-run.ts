import "server-only";
import { requirePermission } from "@/lib/auth/require-permission";
import { authorIdOf, SYSTEM, type Caller } from "@/lib/auth/permissions";
import { getPgPool } from "@/lib/db/pg-pool";
import { AppError } from "@/lib/errors";
import { notifyChartDataChanged } from "@/lib/db/chart-data-changes";
import { INGEST_WRITE_LOCK, OONI_ROLLUP_LOCK } from "./ingest-locks";
import { HOUR_OF, rollUpOoniHours } from "./ooni-rollup";
import { sweepAbandonedIngestRuns } from "./sweep-abandoned-ingest-runs";

/** What a rollback took away. */
export type IngestRollbackSummary = {
  runId: number;
  points: number;
  measurements: number;
  events: number;
  series: number;
  networks: number;
  /** OONI hours whose anomaly rate was recomputed (or removed) without the run's measurements. */
  recomputedHours: number;
};

/**
 * Rolls back a measurement run (OONI, IODA, Cloudflare or CSV): deletes
 * exactly what it added — the series points, OONI measurements and outage
 * events that carry its id (rows it found already stored belong to the run
 * that stored them, and stay), then the series and networks it created (or
 * an earlier rolled-back run created and it still used) that nothing else
 * uses any more (a network staff attached to an operator stays).
 * What depends on them is recomputed in the same transaction: the hourly
 * OONI anomaly rates of every hour it had measurements in (from the
 * measurements left; an hour left empty loses its rate). A pull's saved
 * cursor is dropped, so the next pull re-reads what was removed. The run is
 * marked ROLLED_BACK (who, when), the audit log records it with the counts,
 * and NOTIFY empties every process's chart caches on commit.
 *
 * Requires `import:rollback` (editors and administrators), checked here,
 * whatever the page showed. A run still RUNNING (its process alive) or
 * already rolled back is a CONFLICT; a STOP import is refused (its drafts
 * are archived and its proposals dismissed in the console instead). Holds
 * INGEST_WRITE_LOCK exclusively: writer batches wait, and none interleaves.
 */
export async function rollbackIngestRun(request: { caller: Caller; runId: number; connectionString?: string }): Promise<IngestRollbackSummary> {
  const actor = await requirePermission(request.caller, "import:rollback");
  const pool = getPgPool(request.connectionString);
  // A run whose process died is ABANDONED, and can be rolled back, before this looks at it.
  await sweepAbandonedIngestRuns({ connectionString: request.connectionString });
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [INGEST_WRITE_LOCK]);
    await client.query("SELECT pg_advisory_xact_lock($1)", [OONI_ROLLUP_LOCK]);
    const {
      rows: [run],
    } = await client.query<{ id: number; source: string; status: string; parameters: Record<string, unknown> }>(
      "SELECT id, source::text AS source, status::text AS status, parameters FROM ingest_runs WHERE id = $1 FOR UPDATE",
      [request.runId],
    );
    if (!run) throw new AppError("NOT_FOUND", `There is no import run ${request.runId}.`);
    if (run.source === "STOP") {
      throw new AppError("CONFLICT", "A STOP import is not rolled back: archive the drafts it created and dismiss its proposals instead.", {
        details: { reason: "stop" },
      });
    }
    if (run.status === "RUNNING") throw new AppError("CONFLICT", `Run ${run.id} is still running; roll it back when it has ended.`, { details: { reason: "running" } });
    if (run.status === "ROLLED_BACK") throw new AppError("CONFLICT", `Run ${run.id} has already been rolled back.`, { details: { reason: "rolledBack" } });

    const runId = run.id;
    const count = async (sql: string, values: unknown[] = [runId]) => (await client.query(sql, values)).rowCount ?? 0;

    await client.query(
      `CREATE TEMP TABLE kst_rollback_hours ON COMMIT DROP AS
       SELECT DISTINCT test_name, probe_asn, ${HOUR_OF("started_at")} AS hour FROM ooni_measurements WHERE run_id = $1`,
      [runId],
    );
    const measurements = await count("DELETE FROM ooni_measurements WHERE run_id = $1");
    const events = await count("DELETE FROM outage_events WHERE run_id = $1");
    const points = await count("DELETE FROM series_points WHERE run_id = $1");
    const {
      rows: [hours],
    } = await client.query<{ count: number }>("SELECT count(*)::integer AS count FROM kst_rollback_hours");
    // Roll-up points are derived: whichever run first stored an hour's rate, it is recomputed from the measurements left.
    if (hours!.count > 0) await rollUpOoniHours(client, "kst_rollback_hours", { runId: null, removeEmpty: true });
    // Series and networks created by this run — or by a run rolled back earlier, kept then because this run still used them — that nothing uses now.
    const createdByRolledBack = (alias: string) => `(${alias}.run_id = $1 OR ${alias}.run_id IN (SELECT id FROM ingest_runs WHERE status = 'ROLLED_BACK'))`;
    const series = await count(`DELETE FROM series s WHERE ${createdByRolledBack("s")} AND NOT EXISTS (SELECT 1 FROM series_points p WHERE p.series_id = s.id)`);
    const networks = await count(
      `DELETE FROM networks n
       WHERE ${createdByRolledBack("n")} AND n.operator_id IS NULL
         AND NOT EXISTS (SELECT 1 FROM series s WHERE s.asn = n.asn)
         AND NOT EXISTS (SELECT 1 FROM ooni_measurements m WHERE m.probe_asn = n.asn)
         AND NOT EXISTS (SELECT 1 FROM outage_events e WHERE n.asn = ANY (e.asns))`,
    );
    if (typeof run.parameters?.scope === "string") {
      await client.query("DELETE FROM ingest_cursors WHERE source = $1::ingest_source AND scope = $2", [run.source, run.parameters.scope]);
    }
    const summary: IngestRollbackSummary = { runId, points, measurements, events, series, networks, recomputedHours: hours!.count };
    const actorId = authorIdOf(actor);
    await client.query("UPDATE ingest_runs SET status = 'ROLLED_BACK', rolled_back_at = now(), rolled_back_by_id = $2 WHERE id = $1", [runId, actorId]);
    await client.query("INSERT INTO audit_events (action, actor_id, email, details) VALUES ('INGEST_RUN_ROLLED_BACK', $1, $2, $3::jsonb)", [
      actorId,
      actor === SYSTEM ? null : actor.email,
      JSON.stringify({ ...summary, source: run.source, previousStatus: run.status }),
    ]);
    await notifyChartDataChanged(client, "series");
    await client.query("COMMIT");
    return summary;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

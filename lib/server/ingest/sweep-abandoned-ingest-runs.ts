import "server-only";
import type pg from "pg";
import { getPgPool } from "@/lib/db/pg-pool";

import { INGEST_RUN_LOCK } from "./ingest-locks";

export const ABANDONED_MESSAGE =
  "The process running this import stopped before it finished (killed, crashed or cut off from the database). Batches stored before that are kept; run the import again to complete it.";

/**
 * The process running an ingest holds the session-level advisory lock
 * (INGEST_RUN_LOCK, run id) for as long as the run is RUNNING
 * (startIngestRun). PostgreSQL releases it when that process's connection
 * ends — a finished run, a crash, SIGKILL, an out-of-memory kill — so a
 * RUNNING run whose lock nobody holds has no process left to finish it.
 *
 * Marks ABANDONED every RUNNING run whose owner's advisory lock is not held
 * (pg_locks, this database only), and returns their ids. Called when a run
 * starts and by the scheduler every minute, so a killed run never stays
 * RUNNING. Cheap: one statement over the few RUNNING runs.
 */
export async function sweepAbandonedIngestRuns(request: { connectionString?: string; client?: pg.ClientBase } = {}): Promise<number[]> {
  const db = request.client ?? getPgPool(request.connectionString);
  const { rows } = await db.query<{ id: number }>(
    `UPDATE ingest_runs r SET status = 'ABANDONED', finished_at = now(), error = $2
     WHERE r.status = 'RUNNING'
       AND NOT EXISTS (
         SELECT 1 FROM pg_locks l
         WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
           AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
           AND l.classid::bigint = $1 AND l.objid::bigint = r.id)
     RETURNING r.id`,
    [INGEST_RUN_LOCK, ABANDONED_MESSAGE],
  );
  return rows.map((row) => row.id).sort((a, b) => a - b);
}

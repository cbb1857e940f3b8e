import "server-only";
import pg from "pg";
import { readServerEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { IngestSource } from "@/lib/generated/prisma/enums";
import { INGEST_RUN_LOCK } from "./ingest-locks";
import { sweepAbandonedIngestRuns } from "./sweep-abandoned-ingest-runs";

export type IngestRunOwnership = {
  runId: number;
  /** Whether the connection holding the run's lock has been lost (the run can no longer prove it is alive). */
  readonly lost: boolean;
  /** Ends the run: sets its final status and counts, then lets go of its lock. Never throws. */
  finish: (outcome: RunOutcome) => Promise<void>;
  /** Lets go of the lock without touching the run (after its final status was written elsewhere). */
  release: () => Promise<void>;
};

export type RunOutcome = {
  status: "SUCCEEDED" | "FAILED";
  accepted: number;
  duplicates: number;
  rejected: number;
  error?: string | null;
  /** Replaces the run's parameters (the STOP importer records what it found while reading). */
  parameters?: Record<string, unknown>;
};

/**
 * Creates an IngestRun (RUNNING) owned by this process, and sweeps runs
 * whose process died first (sweepAbandonedIngestRuns).
 *
 * Ownership is a session-level advisory lock (INGEST_RUN_LOCK, run id) on a
 * connection of its own, taken before the run's row exists, so that no sweep
 * can ever see the row without its lock: the id comes from the sequence, the
 * lock is taken, then the row is inserted, all on that connection. The
 * connection asks the server to probe the client (TCP keepalive after 30 s,
 * three probes 10 s apart), so even a machine that vanished releases the
 * lock within about a minute; a process that dies releases it at once.
 */
export async function startIngestRun(request: {
  source: IngestSource;
  parameters: Record<string, unknown>;
  triggeredById: string | null;
  /** Default: DATABASE_URL. */
  connectionString?: string;
}): Promise<IngestRunOwnership> {
  const connectionString = request.connectionString ?? readServerEnv().DATABASE_URL;
  if (!connectionString) throw new AppError("STARTUP", "DATABASE_URL is not set.");
  const client = new pg.Client({ connectionString, keepAlive: true, keepAliveInitialDelayMillis: 10_000, connectionTimeoutMillis: 5_000 });
  let lost = false;
  client.on("error", () => {
    lost = true;
  });
  client.on("end", () => {
    lost = true;
  });
  await client.connect();
  try {
    await client.query("SET application_name = 'tracker-ingest'; SET tcp_keepalives_idle = 30; SET tcp_keepalives_interval = 10; SET tcp_keepalives_count = 3");
    await sweepAbandonedIngestRuns({ client });
    const {
      rows: [next],
    } = await client.query<{ id: number }>("SELECT nextval(pg_get_serial_sequence('ingest_runs', 'id'))::integer AS id");
    const runId = next!.id;
    await client.query("SELECT pg_advisory_lock($1, $2)", [INGEST_RUN_LOCK, runId]);
    await client.query(
      "INSERT INTO ingest_runs (id, source, status, parameters, triggered_by_id) VALUES ($1, $2::ingest_source, 'RUNNING', $3::jsonb, $4)",
      [runId, request.source, JSON.stringify(request.parameters), request.triggeredById],
    );
    let released = false;
    const release = async () => {
      if (released) return;
      released = true;
      await client.query("SELECT pg_advisory_unlock($1, $2)", [INGEST_RUN_LOCK, runId]).catch(() => undefined);
      await client.end().catch(() => undefined);
    };
    return {
      runId,
      get lost() {
        return lost;
      },
      release,
      finish: async (outcome) => {
        const values = [runId, outcome.status, outcome.accepted, outcome.duplicates, outcome.rejected, outcome.error ?? null, outcome.parameters ? JSON.stringify(outcome.parameters) : null];
        const sql = `UPDATE ingest_runs SET status = $2::ingest_run_status, finished_at = now(), accepted = $3, duplicates = $4, rejected = $5, error = $6,
                       parameters = COALESCE($7::jsonb, parameters)
                     WHERE id = $1 AND status <> 'ROLLED_BACK'`;
        // On the run's own connection, or (if that one is gone) on a fresh one: the outcome must be recorded.
        const written = await client.query(sql, values).then(
          () => true,
          () => false,
        );
        if (!written) {
          const fallback = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
          await fallback
            .connect()
            .then(() => fallback.query(sql, values))
            .catch(() => undefined)
            .finally(() => fallback.end().catch(() => undefined));
        }
        await release();
      },
    };
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
}

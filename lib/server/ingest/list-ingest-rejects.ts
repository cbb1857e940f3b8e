import "server-only";
import { getPgPool } from "@/lib/db/pg-pool";

export type IngestRejectRow = { position: number; field: string | null; reason: string; raw: string };

/**
 * The first `limit` rejects of a run, in input order. Over the bulk writer's
 * own pool, so that the command line's feed path never loads Prisma.
 */
export async function listIngestRejects(request: { runId: number; limit: number; connectionString?: string }): Promise<IngestRejectRow[]> {
  const { rows } = await getPgPool(request.connectionString).query<IngestRejectRow>(
    "SELECT position, field, reason, raw FROM ingest_rejects WHERE run_id = $1 ORDER BY position, id LIMIT $2",
    [request.runId, request.limit],
  );
  return rows;
}

import "server-only";
import type { IngestSource } from "@/lib/generated/prisma/enums";
import { getPgPool } from "@/lib/db/pg-pool";

/**
 * The cursor an interrupted live pull saved for this request (source and
 * scope, see pullScope), or null when the last run of it finished or none ran.
 * Pulls pass it as PullOptions.resumeFrom. The writer stores a cursor as its
 * JSON text (a jsonb string), so it comes back exactly as the pull emitted
 * it, keys in the same order.
 */
export async function readIngestCursor(request: { source: IngestSource; scope: string; connectionString?: string }): Promise<unknown> {
  const { rows } = await getPgPool(request.connectionString).query<{ cursor: unknown }>(
    "SELECT cursor FROM ingest_cursors WHERE source = $1::ingest_source AND scope = $2",
    [request.source, request.scope],
  );
  if (rows.length === 0) return null;
  const stored = rows[0]!.cursor;
  if (typeof stored !== "string") return stored;
  try {
    return JSON.parse(stored) as unknown;
  } catch {
    return stored;
  }
}

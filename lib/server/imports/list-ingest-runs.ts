import "server-only";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Caller } from "@/lib/auth/permissions";
import { getDb, type Database } from "@/lib/db/client";
import type { IngestSource } from "@/lib/generated/prisma/enums";
import { FEED_SOURCES, SPREADSHEET_SOURCES, type RunKind } from "@/lib/imports/run-status";
import { sweepAbandonedIngestRuns } from "@/lib/server/ingest/sweep-abandoned-ingest-runs";
import { RUN_PEOPLE, toRunSummary, type IngestRunSummary } from "./run-summary";

/**
 * The latest ingest runs, newest first: spreadsheet imports (STOP) or feed
 * runs (measurement files, uploads and pulls), or both. Runs whose process
 * died are marked ABANDONED first, so the list never shows them RUNNING.
 * Requires `import:run`.
 */
export async function listIngestRuns(request: { caller: Caller; kind?: RunKind; source?: IngestSource; limit?: number; db?: Database }): Promise<IngestRunSummary[]> {
  await requirePermission(request.caller, "import:run");
  const db = request.db ?? getDb();
  await sweepAbandonedIngestRuns();
  const sources: readonly IngestSource[] | undefined = request.source
    ? [request.source]
    : request.kind === "spreadsheet"
      ? SPREADSHEET_SOURCES
      : request.kind === "feeds"
        ? FEED_SOURCES
        : undefined;
  const runs = await db.ingestRun.findMany({
    where: sources ? { source: { in: [...sources] } } : {},
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(request.limit ?? 50, 1), 200),
    include: RUN_PEOPLE,
  });
  return runs.map(toRunSummary);
}

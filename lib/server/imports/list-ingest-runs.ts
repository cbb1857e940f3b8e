import "server-only";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Caller } from "@/lib/auth/permissions";
import { getDb, type Database } from "@/lib/db/client";
import type { IngestRunStatus, IngestSource } from "@/lib/generated/prisma/enums";
import { FEED_SOURCES, SPREADSHEET_SOURCES, type RunKind } from "@/lib/imports/run-status";
import { readRunParameters } from "@/lib/schemas/import";
import { sweepAbandonedIngestRuns } from "@/lib/server/ingest/sweep-abandoned-ingest-runs";

export type IngestRunSummary = {
  id: number;
  source: IngestSource;
  status: IngestRunStatus;
  fileName: string;
  country: string;
  /** How it started: an upload in the console, a scheduled pull, or (null) the command line. */
  trigger: "upload" | "schedule" | null;
  /** A pull's window, ISO instants; null for files. */
  window: { since: string; until: string } | null;
  startedAt: Date;
  finishedAt: Date | null;
  accepted: number;
  duplicates: number;
  rejected: number;
  error: string | null;
  /** Null for command-line runs (and for users since deleted). */
  triggeredBy: string | null;
  rolledBackAt: Date | null;
  rolledBackBy: string | null;
};

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
    include: { triggeredBy: { select: { name: true } }, rolledBackBy: { select: { name: true } } },
  });
  return runs.map(toRunSummary);
}

type RunRow = Omit<IngestRunSummary, "fileName" | "country" | "triggeredBy" | "rolledBackBy" | "trigger" | "window"> & {
  parameters: unknown;
  triggeredBy: { name: string } | null;
  rolledBackBy: { name: string } | null;
};

/** A run row as lists and reports show it. */
export function toRunSummary(run: RunRow): IngestRunSummary {
  const parameters = readRunParameters(run.parameters);
  const raw = (run.parameters ?? {}) as Record<string, unknown>;
  return {
    id: run.id,
    source: run.source,
    status: run.status,
    fileName: parameters.fileName,
    country: parameters.country,
    trigger: parameters.trigger ?? null,
    window: typeof raw.since === "string" && typeof raw.until === "string" ? { since: raw.since, until: raw.until } : null,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    accepted: run.accepted,
    duplicates: run.duplicates,
    rejected: run.rejected,
    error: run.error,
    triggeredBy: run.triggeredBy?.name ?? null,
    rolledBackAt: run.rolledBackAt,
    rolledBackBy: run.rolledBackBy?.name ?? null,
  };
}

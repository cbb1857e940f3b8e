import "server-only";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Caller } from "@/lib/auth/permissions";
import { getDb, type Database } from "@/lib/db/client";
import type { IngestRunStatus, IngestSource } from "@/lib/generated/prisma/enums";
import { readRunParameters } from "@/lib/schemas/import";

export type IngestRunSummary = {
  id: number;
  source: IngestSource;
  status: IngestRunStatus;
  fileName: string;
  country: string;
  startedAt: Date;
  finishedAt: Date | null;
  accepted: number;
  duplicates: number;
  rejected: number;
  error: string | null;
  /** Null for command-line runs (and for users since deleted). */
  triggeredBy: string | null;
};

/** The latest ingest runs, newest first. Requires `import:run`. */
export async function listIngestRuns(request: { by: Caller; limit?: number; db?: Database }): Promise<IngestRunSummary[]> {
  await requirePermission(request.by, "import:run");
  const db = request.db ?? getDb();
  const runs = await db.ingestRun.findMany({
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(request.limit ?? 50, 1), 200),
    include: { triggeredBy: { select: { name: true } } },
  });
  return runs.map(toRunSummary);
}

type RunRow = Omit<IngestRunSummary, "fileName" | "country" | "triggeredBy"> & { parameters: unknown; triggeredBy: { name: string } | null };

/** A run row as lists and reports show it. */
export function toRunSummary(run: RunRow): IngestRunSummary {
  const parameters = readRunParameters(run.parameters);
  return {
    id: run.id,
    source: run.source,
    status: run.status,
    fileName: parameters.fileName,
    country: parameters.country,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    accepted: run.accepted,
    duplicates: run.duplicates,
    rejected: run.rejected,
    error: run.error,
    triggeredBy: run.triggeredBy?.name ?? null,
  };
}

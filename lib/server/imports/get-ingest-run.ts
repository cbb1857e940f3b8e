import "server-only";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Caller } from "@/lib/auth/permissions";
import { getDb, type Database } from "@/lib/db/client";
import type { IncidentStatus, ProposalStatus } from "@/lib/generated/prisma/enums";
import { readRunParameters, type IngestRunParameters } from "@/lib/schemas/import";
import { sweepAbandonedIngestRuns } from "@/lib/server/ingest/sweep-abandoned-ingest-runs";
import { RUN_PEOPLE, toRunSummary, type IngestRunSummary } from "./run-summary";

export type IngestRunReport = IngestRunSummary & {
  parameters: IngestRunParameters;
  createdDrafts: { id: number; slug: string; title: string; status: IncidentStatus }[];
  proposals: { id: number; incidentId: number; incidentTitle: string; externalKey: string; status: ProposalStatus; createdAt: Date }[];
};

/**
 * One run with the drafts it created and the proposals it made; null when
 * there is no such run. Its rejects, which may be millions, are read a page
 * at a time (listIngestRejectPage); `rejected` says how many there are.
 * Requires `import:run`.
 */
export async function getIngestRun(request: { caller: Caller; id: number; db?: Database }): Promise<IngestRunReport | null> {
  await requirePermission(request.caller, "import:run");
  const db = request.db ?? getDb();
  await sweepAbandonedIngestRuns();
  const run = await db.ingestRun.findUnique({
    where: { id: request.id },
    include: {
      ...RUN_PEOPLE,
      proposals: { orderBy: { id: "asc" }, include: { incident: { select: { title: true } } } },
    },
  });
  if (!run) return null;
  const parameters = readRunParameters(run.parameters);
  const drafts = await db.incident.findMany({
    where: { id: { in: parameters.createdIncidentIds } },
    select: { id: true, slug: true, title: true, status: true },
    orderBy: { id: "asc" },
  });
  return {
    ...toRunSummary(run),
    parameters,
    createdDrafts: drafts,
    proposals: run.proposals.map((proposal) => ({
      id: proposal.id,
      incidentId: proposal.incidentId,
      incidentTitle: proposal.incident.title,
      externalKey: proposal.externalKey,
      status: proposal.status,
      createdAt: proposal.createdAt,
    })),
  };
}

import "server-only";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Caller } from "@/lib/auth/permissions";
import { getDb, type Database } from "@/lib/db/client";
import type { IngestSource, ProposalStatus } from "@/lib/generated/prisma/enums";

export type IncidentProposalSummary = {
  id: number;
  source: IngestSource;
  externalKey: string;
  status: ProposalStatus;
  createdAt: Date;
  runId: number | null;
  incident: { id: number; title: string };
};

/** Import proposals in one status (pending by default), oldest first: the editors' queue. Requires `import:run`. */
export async function listIncidentProposals(request: { caller: Caller; status?: ProposalStatus; limit?: number; db?: Database }): Promise<IncidentProposalSummary[]> {
  await requirePermission(request.caller, "import:run");
  const db = request.db ?? getDb();
  const proposals = await db.incidentProposal.findMany({
    where: { status: request.status ?? "PENDING" },
    orderBy: { id: "asc" },
    take: Math.min(Math.max(request.limit ?? 100, 1), 500),
    include: { incident: { select: { id: true, title: true } } },
  });
  return proposals.map((proposal) => ({
    id: proposal.id,
    source: proposal.source,
    externalKey: proposal.externalKey,
    status: proposal.status,
    createdAt: proposal.createdAt,
    runId: proposal.runId,
    incident: proposal.incident,
  }));
}

import "server-only";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Caller } from "@/lib/auth/permissions";
import { getDb, type Database } from "@/lib/db/client";
import type { IncidentStatus, IngestSource, ProposalStatus } from "@/lib/generated/prisma/enums";
import type { FieldChange } from "@/lib/incidents/diff";
import type { IncidentSnapshot } from "@/lib/incidents/snapshot";
import { mergeStopProposal, proposalChanges } from "@/lib/ingest/stop/merge-proposal";
import { readIncidentState } from "@/lib/server/incidents/read-incident-snapshot";

export type IncidentProposalView = {
  id: number;
  source: IngestSource;
  externalKey: string;
  status: ProposalStatus;
  createdAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  runId: number | null;
  incident: { id: number; slug: string; title: string; status: IncidentStatus; version: number };
  /** The incident as the row describes it. */
  proposed: IncidentSnapshot;
  /** The incident as it would be after applying, and the field changes that makes. */
  merged: IncidentSnapshot;
  changes: FieldChange[];
};

/** A proposal against the incident as it is now; null when there is no such proposal. Requires `import:run`. */
export async function getIncidentProposal(request: { caller: Caller; id: number; db?: Database }): Promise<IncidentProposalView | null> {
  await requirePermission(request.caller, "import:run");
  const db = request.db ?? getDb();
  const proposal = await db.incidentProposal.findUnique({
    where: { id: request.id },
    include: { decidedBy: { select: { name: true } }, incident: { select: { title: true } } },
  });
  if (!proposal) return null;
  const current = await readIncidentState(db, proposal.incidentId);
  if (!current) return null;
  const proposed = proposal.proposed as IncidentSnapshot;
  return {
    id: proposal.id,
    source: proposal.source,
    externalKey: proposal.externalKey,
    status: proposal.status,
    createdAt: proposal.createdAt,
    decidedAt: proposal.decidedAt,
    decidedBy: proposal.decidedBy?.name ?? null,
    runId: proposal.runId,
    incident: { id: current.id, slug: current.slug, title: proposal.incident.title, status: current.status, version: current.version },
    proposed,
    merged: mergeStopProposal(current.snapshot, proposed),
    changes: proposalChanges(current.snapshot, proposed),
  };
}

import "server-only";
import { requirePermission } from "@/lib/auth/require-permission";
import { authorIdOf, type Caller } from "@/lib/auth/permissions";
import { getDb, type Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { IncidentSnapshot } from "@/lib/incidents/snapshot";
import { mergeStopProposal } from "@/lib/ingest/stop/merge-proposal";
import { readIncidentState } from "@/lib/server/incidents/read-incident-snapshot";
import { updateIncident } from "@/lib/server/incidents/update-incident";

export type ApplyIncidentProposalRequest = {
  caller: Caller;
  id: number;
  /** The incident version the editor saw the proposal's diff against; a newer version is a CONFLICT. */
  baseVersion: number;
  db?: Database;
  now?: Date;
};

/**
 * Applies a pending import proposal: merges the row into the incident as it
 * is now (mergeStopProposal: fills an empty end, adds services, operators,
 * new sources and statements, never removes curated data) and saves it as a
 * new revision ("APPLY_PROPOSAL") through updateIncident, with optimistic
 * concurrency. The proposal is claimed first, so two editors cannot apply it
 * twice; if the save fails it is pending again. Requires `incident:review`.
 */
export async function applyIncidentProposal(request: ApplyIncidentProposalRequest) {
  const db = request.db ?? getDb();
  const actor = await requirePermission(request.caller, "incident:review");
  const now = request.now ?? new Date();
  const proposal = await db.incidentProposal.findUnique({ where: { id: request.id } });
  if (!proposal) throw new AppError("NOT_FOUND", "No such proposal.");
  if (proposal.status !== "PENDING") throw new AppError("CONFLICT", `This proposal was already ${proposal.status === "APPLIED" ? "applied" : "dismissed"}.`);

  const claimed = await db.incidentProposal.updateMany({
    where: { id: proposal.id, status: "PENDING" },
    data: { status: "APPLIED", decidedAt: now, decidedById: authorIdOf(actor) },
  });
  if (claimed.count === 0) throw new AppError("CONFLICT", "Someone decided on this proposal a moment ago.");

  try {
    const current = await readIncidentState(db, proposal.incidentId);
    if (!current) throw new AppError("NOT_FOUND", "The incident this proposal is for no longer exists.");
    const merged = mergeStopProposal(current.snapshot, proposal.proposed as IncidentSnapshot);
    const saved = await updateIncident({
      caller: actor,
      id: proposal.incidentId,
      baseVersion: request.baseVersion,
      input: merged,
      action: "APPLY_PROPOSAL",
      note: `Applied the #KeepItOn STOP row ${proposal.externalKey} (proposal ${proposal.id}).`,
      db,
      now,
    });
    return { proposalId: proposal.id, incidentId: saved.id, version: saved.version, changed: saved.changed };
  } catch (error) {
    await db.incidentProposal.updateMany({
      where: { id: proposal.id, status: "APPLIED", decidedAt: now },
      data: { status: "PENDING", decidedAt: null, decidedById: null },
    });
    throw error;
  }
}

import "server-only";
import { requirePermission } from "@/lib/auth/require-permission";
import { authorIdOf, type Caller } from "@/lib/auth/permissions";
import { getDb, type Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * Dismisses a pending import proposal; the incident is left as it is. The
 * same row imported again stays a duplicate (the proposal is kept, marked
 * DISMISSED). Requires `incident:review`.
 */
export async function dismissIncidentProposal(request: { caller: Caller; id: number; db?: Database; now?: Date }) {
  const db = request.db ?? getDb();
  const actor = await requirePermission(request.caller, "incident:review");
  const dismissed = await db.incidentProposal.updateMany({
    where: { id: request.id, status: "PENDING" },
    data: { status: "DISMISSED", decidedAt: request.now ?? new Date(), decidedById: authorIdOf(actor) },
  });
  if (dismissed.count === 1) return { proposalId: request.id };
  const proposal = await db.incidentProposal.findUnique({ where: { id: request.id }, select: { status: true } });
  if (!proposal) throw new AppError("NOT_FOUND", "No such proposal.");
  throw new AppError("CONFLICT", `This proposal was already ${proposal.status === "APPLIED" ? "applied" : "dismissed"}.`);
}

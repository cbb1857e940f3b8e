import "server-only";
import { requirePermission } from "@/lib/auth/require-permission";
import { authorIdOf, type Caller } from "@/lib/auth/permissions";
import { getDb, type Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { WORKFLOW, type WorkflowStep, type WorkflowStepName } from "@/lib/incidents/workflow";
import { notifyChartDataChanged } from "@/lib/db/chart-data-changes";
import { incidentConflict } from "./incident-conflict";
import { readIncidentState } from "./read-incident-snapshot";
import { recordIncidentRevision } from "./record-incident-revision";

export type StatusChangeRequest = { caller: Caller; id: number; baseVersion: number; note?: string | null; db?: Database; now?: Date };

/**
 * Moves an incident one workflow step (WORKFLOW, lib/incidents/workflow.ts),
 * as a new version with a revision whose content equals the previous one. The
 * caller names the version they looked at, so nobody publishes content they
 * have not seen.
 */
export async function changeIncidentStatus({ step: name, ...request }: StatusChangeRequest & { step: WorkflowStepName }): Promise<{ id: number; version: number }> {
  const step: WorkflowStep = WORKFLOW[name];
  const db = request.db ?? getDb();
  // Staff only, checked before the look-up: an anonymous caller learns nothing about which ids exist.
  await requirePermission(request.caller, "staff:access");
  const current = await readIncidentState(db, request.id);
  if (!current) throw new AppError("NOT_FOUND", "No such incident.");
  const actor = await requirePermission(request.caller, step.permission, current);
  if (current.version !== request.baseVersion) throw await incidentConflict(db, request.id, request.baseVersion);
  if (!step.from.includes(current.status)) {
    throw new AppError("CONFLICT", `This step is not possible while the incident is ${current.status.toLowerCase().replace("_", " ")}.`);
  }

  const now = request.now ?? new Date();
  const next = await db.$transaction(async (tx) => {
    const updated = await tx.incident.updateMany({
      where: { id: current.id, version: request.baseVersion, status: current.status },
      data: { status: step.to, version: { increment: 1 }, updatedAt: now },
    });
    if (updated.count === 0) return null;
    if (step.to === "PUBLISHED") {
      await tx.incident.updateMany({ where: { id: current.id, firstPublishedAt: null }, data: { firstPublishedAt: now } });
    }
    const version = request.baseVersion + 1;
    if (current.status === "PUBLISHED" || step.to === "PUBLISHED") await notifyChartDataChanged(tx, "incidents");
    await recordIncidentRevision(tx, {
      incidentId: current.id,
      version,
      action: step.action,
      status: step.to,
      authorId: authorIdOf(actor),
      snapshot: current.snapshot,
      changes: [{ path: "status", before: current.status, after: step.to }],
      note: request.note,
      at: now,
    });
    return version;
  });
  if (next === null) throw await incidentConflict(db, request.id, request.baseVersion);
  return { id: current.id, version: next };
}

import "server-only";
import { requirePermission } from "@/lib/auth/require-permission";
import { authorIdOf, type Caller, type Permission } from "@/lib/auth/permissions";
import { getDb, type Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { IncidentStatus, RevisionAction } from "@/lib/generated/prisma/enums";
import { notifyChartDataChanged } from "@/lib/db/chart-data-changes";
import { incidentConflict } from "./incident-conflict";
import { readIncidentState } from "./read-incident-snapshot";
import { recordIncidentRevision } from "./record-incident-revision";

/** One step of the editorial workflow: draft → in review → published, plus unpublish and archive. */
export type WorkflowStep = {
  action: Extract<RevisionAction, "SUBMIT" | "RETURN_TO_DRAFT" | "PUBLISH" | "UNPUBLISH" | "ARCHIVE" | "UNARCHIVE">;
  permission: Permission;
  from: IncidentStatus[];
  to: IncidentStatus;
};

export const WORKFLOW = {
  submit: { action: "SUBMIT", permission: "incident:submit", from: ["DRAFT"], to: "IN_REVIEW" },
  returnToDraft: { action: "RETURN_TO_DRAFT", permission: "incident:review", from: ["IN_REVIEW"], to: "DRAFT" },
  publish: { action: "PUBLISH", permission: "incident:review", from: ["DRAFT", "IN_REVIEW"], to: "PUBLISHED" },
  unpublish: { action: "UNPUBLISH", permission: "incident:review", from: ["PUBLISHED"], to: "DRAFT" },
  archive: { action: "ARCHIVE", permission: "incident:archive", from: ["DRAFT", "IN_REVIEW", "PUBLISHED"], to: "ARCHIVED" },
  unarchive: { action: "UNARCHIVE", permission: "incident:archive", from: ["ARCHIVED"], to: "DRAFT" },
} as const satisfies Record<string, WorkflowStep>;

export type StatusChangeRequest = { by: Caller; id: number; baseVersion: number; note?: string | null; db?: Database; now?: Date };

/**
 * Moves an incident one workflow step, as a new version with a revision whose
 * content equals the previous one. The caller names the version they looked
 * at, so nobody publishes content they have not seen.
 */
export async function changeIncidentStatus(step: WorkflowStep, request: StatusChangeRequest): Promise<{ id: number; version: number }> {
  const db = request.db ?? getDb();
  // Staff only, checked before the look-up: an anonymous caller learns nothing about which ids exist.
  await requirePermission(request.by, "staff:access");
  const current = await readIncidentState(db, request.id);
  if (!current) throw new AppError("NOT_FOUND", "No such incident.");
  const actor = await requirePermission(request.by, step.permission, current);
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

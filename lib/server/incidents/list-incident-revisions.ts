import "server-only";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Caller } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { FieldChange } from "@/lib/incidents/diff";

/** An incident's whole history for staff, newest first. */
export async function listIncidentRevisions({ caller, id }: { caller: Caller; id: number }) {
  const db = getDb();
  // Staff only, checked before the look-up: an anonymous caller learns nothing about which ids exist.
  await requirePermission(caller, "staff:access");
  const incident = await db.incident.findUnique({
    where: { id },
    select: { id: true, slug: true, title: true, status: true, version: true, createdById: true },
  });
  if (!incident) throw new AppError("NOT_FOUND", "No such incident.");
  await requirePermission(caller, "incident:read", incident);
  const revisions = await db.incidentRevision.findMany({
    where: { incidentId: id },
    orderBy: { version: "desc" },
    select: {
      version: true,
      action: true,
      status: true,
      createdAt: true,
      note: true,
      restoredFrom: true,
      changes: true,
      author: { select: { name: true } },
    },
  });
  return {
    incident,
    revisions: revisions.map((revision) => ({
      version: revision.version,
      action: revision.action,
      status: revision.status,
      at: revision.createdAt,
      note: revision.note,
      restoredFrom: revision.restoredFrom,
      author: revision.author?.name ?? null,
      changedFields: [...new Set((revision.changes as FieldChange[]).map((change) => change.path.split(".")[0]!))],
    })),
  };
}

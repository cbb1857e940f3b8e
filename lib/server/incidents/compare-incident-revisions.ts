import "server-only";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Caller } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { diffSnapshots, type FieldChange } from "@/lib/incidents/diff";
import type { IncidentSnapshot } from "@/lib/incidents/snapshot";

/** The field-level differences between any two versions of an incident (either order). */
export async function compareIncidentRevisions({ caller, id, from, to }: { caller: Caller; id: number; from: number; to: number }) {
  const db = getDb();
  // Staff only, checked before the look-up: an anonymous caller learns nothing about which ids exist.
  await requirePermission(caller, "staff:access");
  const incident = await db.incident.findUnique({ where: { id }, select: { id: true, status: true, createdById: true } });
  if (!incident) throw new AppError("NOT_FOUND", "No such incident.");
  await requirePermission(caller, "incident:read", incident);
  const revisions = await db.incidentRevision.findMany({
    where: { incidentId: id, version: { in: [from, to] } },
    select: { version: true, status: true, snapshot: true },
  });
  const older = revisions.find((revision) => revision.version === from);
  const newer = revisions.find((revision) => revision.version === to);
  if (!older || !newer) throw new AppError("NOT_FOUND", "One of those versions does not exist.");
  const changes: FieldChange[] = diffSnapshots(older.snapshot as IncidentSnapshot, newer.snapshot as IncidentSnapshot);
  if (older.status !== newer.status) changes.unshift({ path: "status", before: older.status, after: newer.status });
  return { from, to, changes };
}

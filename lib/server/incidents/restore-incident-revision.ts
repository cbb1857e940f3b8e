import "server-only";
import type { Caller } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import { getDb, type Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { IncidentSnapshot } from "@/lib/incidents/snapshot";
import { readIncidentState } from "./read-incident-snapshot";
import { updateIncident } from "./update-incident";

/**
 * Makes an earlier revision's content current again. The restore is a new
 * revision (nothing in the history is rewritten), checked and concurrency-
 * guarded like any other save. The caller's right to edit the incident is
 * checked before the revision is looked up, so neither an anonymous caller nor
 * a contributor learns which versions of someone else's incident exist.
 */
export async function restoreIncidentRevision(request: {
  caller: Caller;
  id: number;
  version: number;
  baseVersion: number;
  note?: string | null;
  db?: Database;
}) {
  const db = request.db ?? getDb();
  // Staff only, checked before the look-up: an anonymous caller learns nothing about which ids exist.
  await requirePermission(request.caller, "staff:access");
  const current = await readIncidentState(db, request.id);
  if (!current) throw new AppError("NOT_FOUND", "No such incident.");
  await requirePermission(request.caller, "incident:edit", current);
  const revision = await db.incidentRevision.findUnique({
    where: { incidentId_version: { incidentId: request.id, version: request.version } },
    select: { snapshot: true },
  });
  if (!revision) throw new AppError("NOT_FOUND", `Version ${request.version} of this incident does not exist.`);
  return updateIncident({
    caller: request.caller,
    id: request.id,
    baseVersion: request.baseVersion,
    input: revision.snapshot as IncidentSnapshot,
    note: request.note ?? null,
    action: "RESTORE",
    restoredFrom: request.version,
    db,
  });
}

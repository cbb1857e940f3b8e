import "server-only";
import { requirePermission } from "@/lib/auth/require-permission";
import { authorIdOf, type Caller } from "@/lib/auth/permissions";
import { getDb, type Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { diffSnapshots } from "@/lib/incidents/diff";
import { toSnapshot } from "@/lib/incidents/snapshot";
import { parseIncidentInput, type IncidentInput } from "@/lib/schemas/incident";
import { notifyChartDataChanged } from "@/lib/db/chart-data-changes";
import { incidentConflict } from "./incident-conflict";
import { explainWriteError, incidentColumns, resolveIncidentReferences, writeIncidentContent } from "./incident-content";
import { readIncidentState } from "./read-incident-snapshot";
import { recordIncidentRevision } from "./record-incident-revision";

export type UpdateIncidentRequest = {
  caller: Caller;
  id: number;
  /** The version the caller edited. A newer stored version is a CONFLICT; nothing is overwritten silently. */
  baseVersion: number;
  /** The whole editable record; its status is ignored (the workflow changes status). */
  input: IncidentInput;
  /** Shown in the change log. */
  note?: string | null;
  action?: "EDIT" | "RESTORE" | "APPLY_PROPOSAL";
  restoredFrom?: number;
  db?: Database;
  now?: Date;
};

/**
 * Saves a new version of an incident's content with optimistic concurrency:
 * the write happens only if the stored version is still `baseVersion`, and
 * it stores a revision with the field-level changes. A save that changes
 * nothing stores nothing and returns the current version.
 */
export async function updateIncident(request: UpdateIncidentRequest): Promise<{ id: number; version: number; changed: boolean }> {
  const db = request.db ?? getDb();
  // Staff only, checked before the look-up: an anonymous caller learns nothing about which ids exist.
  await requirePermission(request.caller, "staff:access");
  const current = await readIncidentState(db, request.id);
  if (!current) throw new AppError("NOT_FOUND", "No such incident.");
  const actor = await requirePermission(request.caller, "incident:edit", current);
  if (current.status === "ARCHIVED") throw new AppError("CONFLICT", "This incident is archived. Unarchive it before editing.");

  const incident = parseIncidentInput({ ...request.input, status: current.status });
  const snapshot = toSnapshot(incident);
  if (current.version !== request.baseVersion) throw await incidentConflict(db, request.id, request.baseVersion);
  const changes = diffSnapshots(current.snapshot, snapshot);
  if (changes.length === 0) return { id: current.id, version: current.version, changed: false };

  const refs = await resolveIncidentReferences(db, incident, { incidentId: current.id });
  const now = request.now ?? new Date();
  let version: number;
  try {
    version = await db.$transaction(async (tx) => {
      // The version check and the bump are one statement: of two saves from the same version, one wins.
      const updated = await tx.incident.updateMany({
        where: { id: current.id, version: request.baseVersion, status: { not: "ARCHIVED" } },
        data: { ...incidentColumns(incident), version: { increment: 1 }, updatedAt: now },
      });
      if (updated.count === 0) return null;
      await writeIncidentContent(tx, current.id, incident, refs);
      if (current.status === "PUBLISHED") await notifyChartDataChanged(tx, "incidents");
      const next = request.baseVersion + 1;
      await recordIncidentRevision(tx, {
        incidentId: current.id,
        version: next,
        action: request.action ?? "EDIT",
        status: current.status,
        authorId: authorIdOf(actor),
        snapshot,
        changes,
        note: request.note,
        restoredFrom: request.restoredFrom,
        at: now,
      });
      return next;
    }) ?? -1;
  } catch (error) {
    explainWriteError(error);
  }
  if (version === -1) throw await incidentConflict(db, request.id, request.baseVersion);
  return { id: current.id, version, changed: true };
}

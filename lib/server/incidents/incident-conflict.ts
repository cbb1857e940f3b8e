import "server-only";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { diffSnapshots, type FieldChange } from "@/lib/incidents/diff";
import type { IncidentSnapshot } from "@/lib/incidents/snapshot";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";
import { readIncidentState } from "./read-incident-snapshot";

/** What the editor shows when a save lost the race: the record now, and what changed since the caller's version. */
export type ConflictDetails = {
  currentVersion: number;
  current: IncidentSnapshot;
  currentStatus: IncidentStatus;
  changes: FieldChange[];
  savedBy: string | null;
  savedAt: string;
};

/**
 * The CONFLICT error for a caller who worked from `baseVersion` of an incident
 * that has moved on. Nothing is written; the caller decides what to do.
 */
export async function incidentConflict(db: Database, incidentId: number, baseVersion: number): Promise<AppError> {
  const [state, base, latest] = await Promise.all([
    readIncidentState(db, incidentId),
    db.incidentRevision.findUnique({ where: { incidentId_version: { incidentId, version: baseVersion } } }),
    db.incidentRevision.findFirst({ where: { incidentId }, orderBy: { version: "desc" }, include: { author: { select: { name: true } } } }),
  ]);
  if (!state) return new AppError("NOT_FOUND", "The incident no longer exists.");
  const changes = diffSnapshots(base ? (base.snapshot as IncidentSnapshot) : null, state.snapshot);
  if (base && base.status !== state.status) changes.unshift({ path: "status", before: base.status, after: state.status });
  const details: ConflictDetails = {
    currentVersion: state.version,
    current: state.snapshot,
    currentStatus: state.status,
    changes,
    savedBy: latest?.author?.name ?? null,
    savedAt: (latest?.createdAt ?? new Date()).toISOString(),
  };
  return new AppError(
    "CONFLICT",
    `Someone else changed this incident (now version ${state.version}) after you opened version ${baseVersion}. Nothing was saved.`,
    { details },
  );
}

import "server-only";
import type { Database } from "@/lib/db/client";
import { readIncidentState } from "./read-incident-snapshot";
import { recordIncidentRevision } from "./record-incident-revision";

/**
 * Gives every incident stored before revisions existed a revision of its
 * current version, so history, diffs and the change log start somewhere.
 * Runs at start-up; a no-op once done. Returns how many it added.
 */
export async function backfillIncidentRevisions(db: Database): Promise<number> {
  const missing = await db.incident.findMany({
    where: { revisions: { none: {} } },
    select: { id: true, createdAt: true, firstPublishedAt: true },
  });
  for (const incident of missing) {
    await db.$transaction(async (tx) => {
      const state = await readIncidentState(tx, incident.id);
      if (!state || (await tx.incidentRevision.count({ where: { incidentId: incident.id } })) > 0) return;
      await recordIncidentRevision(tx, {
        incidentId: state.id,
        version: state.version,
        action: "CREATE",
        status: state.status,
        authorId: state.createdById,
        snapshot: state.snapshot,
        changes: [],
        at: incident.firstPublishedAt ?? incident.createdAt,
      });
    });
  }
  return missing.length;
}

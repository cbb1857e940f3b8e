import "server-only";
import { requirePermission } from "@/lib/auth/require-permission";
import { authorIdOf, type Caller } from "@/lib/auth/permissions";
import { getDb, type Database } from "@/lib/db/client";
import { toSnapshot } from "@/lib/incidents/snapshot";
import { parseIncidentInput, type IncidentInput } from "@/lib/schemas/incident";
import { notifyChartDataChanged } from "@/lib/db/chart-data-changes";
import { explainWriteError, incidentColumns, resolveIncidentReferences, writeIncidentContent } from "./incident-content";
import { recordIncidentRevision } from "./record-incident-revision";

export type CreateIncidentRequest = {
  /** Who creates it: staff create drafts; SYSTEM (seed, imports, tests) may create any status. */
  caller: Caller;
  /** The whole record, checked with the shared schema (ZIncidentInput). */
  input: IncidentInput;
  db?: Database;
  now?: Date;
  /** How revision 1 is labelled in the history. */
  action?: "CREATE" | "IMPORT";
  note?: string | null;
};

/**
 * Creates an incident with its phases, sources, statements, estimates and
 * discrepancies, and its first revision, in one transaction. The seed, the
 * staff editor, the importers and tests all create incidents here.
 */
export async function createIncident(request: CreateIncidentRequest) {
  const db = request.db ?? getDb();
  const actor = await requirePermission(request.caller, "incident:create");
  const incident = parseIncidentInput(request.input);
  // New incidents start as drafts; only editors (and the seed) create them in another status.
  if (incident.status !== "DRAFT") await requirePermission(actor, "incident:review");
  const refs = await resolveIncidentReferences(db, incident);
  const now = request.now ?? new Date();
  const authorId = authorIdOf(actor);

  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.incident.create({
        data: {
          ...incidentColumns(incident),
          status: incident.status,
          firstPublishedAt: incident.status === "PUBLISHED" ? now : null,
          createdById: authorId,
          createdAt: now,
        },
      });
      await writeIncidentContent(tx, created.id, incident, refs);
      if (created.status === "PUBLISHED") await notifyChartDataChanged(tx, "incidents");
      await recordIncidentRevision(tx, {
        incidentId: created.id,
        version: created.version,
        action: request.action ?? "CREATE",
        status: created.status,
        authorId,
        snapshot: toSnapshot(incident),
        changes: [],
        note: request.note,
        at: now,
      });
      return created;
    });
  } catch (error) {
    // The checks above ran before the transaction; a concurrent writer can still win.
    explainWriteError(error);
  }
}

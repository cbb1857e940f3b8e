import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IncidentStatus, RevisionAction } from "@/lib/generated/prisma/enums";
import type { FieldChange } from "@/lib/incidents/diff";
import type { IncidentSnapshot } from "@/lib/incidents/snapshot";
import type { Transaction } from "./incident-content";

export type RevisionRecord = {
  incidentId: number;
  version: number;
  action: RevisionAction;
  status: IncidentStatus;
  authorId: string | null;
  snapshot: IncidentSnapshot;
  changes: FieldChange[];
  note?: string | null;
  restoredFrom?: number | null;
  at?: Date;
};

/** Stores revision N of an incident, inside the transaction that made version N. */
export async function recordIncidentRevision(tx: Transaction, revision: RevisionRecord) {
  await tx.incidentRevision.create({
    data: {
      incidentId: revision.incidentId,
      version: revision.version,
      action: revision.action,
      status: revision.status,
      authorId: revision.authorId,
      snapshot: revision.snapshot as Prisma.InputJsonObject,
      changes: revision.changes as unknown as Prisma.InputJsonArray,
      note: revision.note ?? null,
      restoredFrom: revision.restoredFrom ?? null,
      ...(revision.at ? { createdAt: revision.at } : {}),
    },
  });
}

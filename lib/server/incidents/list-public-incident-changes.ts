import "server-only";
import { getDb } from "@/lib/db/client";
import { diffSnapshots } from "@/lib/incidents/diff";
import type { IncidentSnapshot } from "@/lib/incidents/snapshot";

export type PublicChange = {
  at: Date;
  /** The revision number of this public version (what a citation names); null when not read. */
  version: number | null;
  kind: "FIRST_PUBLISHED" | "UPDATED";
  /** Top-level fields that changed since the previous public version ("title", "phases", …). */
  fields: string[];
  note: string | null;
  /** Null unless editor names are configured to be public. */
  editor: string | null;
};

/**
 * The public change log of a published incident, newest first: one entry per
 * version the public could see whose content differed from the previous
 * public version. Drafts in between are never shown, only their net effect.
 */
export async function listPublicIncidentChanges(slug: string, options: { showEditorNames: boolean }): Promise<PublicChange[]> {
  const revisions = await getDb().incidentRevision.findMany({
    where: { incident: { slug, status: "PUBLISHED" }, status: "PUBLISHED" },
    orderBy: { version: "asc" },
    select: { version: true, createdAt: true, snapshot: true, note: true, author: { select: { name: true } } },
  });
  return publicChangesOf(revisions, options);
}

type PublishedRevision = { version?: number; createdAt: Date; snapshot: unknown; note: string | null; author: { name: string } | null };

/**
 * The public change log from an incident's published revisions in version
 * order, newest first (shared with the incident feeds).
 */
export function publicChangesOf(revisions: PublishedRevision[], options: { showEditorNames: boolean }): PublicChange[] {
  const changes: PublicChange[] = [];
  let previous: IncidentSnapshot | null = null;
  for (const revision of revisions) {
    const snapshot = revision.snapshot as IncidentSnapshot;
    const fields = previous === null ? [] : [...new Set(diffSnapshots(previous, snapshot).map((change) => change.path.split(".")[0]!))];
    if (previous === null || fields.length > 0) {
      changes.push({
        at: revision.createdAt,
        version: revision.version ?? null,
        kind: previous === null ? "FIRST_PUBLISHED" : "UPDATED",
        fields,
        note: revision.note,
        editor: options.showEditorNames ? (revision.author?.name ?? null) : null,
      });
    }
    previous = snapshot;
  }
  return changes.reverse();
}

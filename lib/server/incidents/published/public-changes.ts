import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { diffSnapshots } from "@/lib/incidents/diff";
import type { IncidentSnapshot } from "@/lib/incidents/snapshot";

export type PublicChange = {
  at: Date;
  /** The revision number of this public version (what a citation names). */
  version: number;
  kind: "FIRST_PUBLISHED" | "UPDATED";
  /** Top-level fields that changed since the previous public version ("title", "phases", …). */
  fields: string[];
  note: string | null;
  /** Null unless editor names are configured to be public. */
  editor: string | null;
};

/** The revisions the public could see, oldest first: what `publicChangesOf` reads. */
export const PUBLISHED_REVISIONS = {
  where: { status: "PUBLISHED" },
  orderBy: { version: "asc" },
  select: { version: true, createdAt: true, snapshot: true, note: true, author: { select: { name: true } } },
} as const satisfies Prisma.IncidentRevisionFindManyArgs;

type PublishedRevision = Prisma.IncidentRevisionGetPayload<{ select: (typeof PUBLISHED_REVISIONS)["select"] }>;

/**
 * The public change log of a published incident, newest first, from its
 * published revisions in version order: one entry per version the public
 * could see whose content differed from the previous public version. Drafts
 * in between are never shown, only their net effect. The incident page and
 * the feeds read it.
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
        version: revision.version,
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

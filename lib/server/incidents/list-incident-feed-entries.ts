import "server-only";
import type { Caller } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { END_FIELDS, TEXT_FIELDS, endOf, textOf, type IncidentEnd } from "./published/fields";
import { PUBLISHED_REVISIONS, publicChangesOf, type PublicChange } from "./published/public-changes";
import { EVERY_PUBLISHED_INCIDENT, publishedIncidentWhere } from "./published/where";

/** How many entries a feed carries: the newest public changes. */
export const INCIDENT_FEED_LIMIT = 50;

/** One public change of a published incident: its first publication or a later public update. */
export type IncidentFeedChange = Pick<PublicChange, "kind" | "at" | "fields" | "note" | "editor"> & {
  slug: string;
  title: string;
  summary: string;
  firstPublishedAt: Date;
  /** What is known about the incident's end now (decision 0013). */
  end: IncidentEnd;
};

export type IncidentFeedEntries = {
  /** The operator of a per-operator feed; null for the global feed. */
  operator: { slug: string; name: string } | null;
  /** Newest first, at most `limit`. */
  changes: IncidentFeedChange[];
};

/**
 * The newest public changes of published incidents, for the RSS, Atom and JSON
 * feeds: globally, or only the incidents of one operator (named on the
 * incident or on one of its phases, as in the /incidents operator filter).
 * Drafts, unpublished incidents and unpublished revisions never appear; the
 * text is the incident's current public title and summary in `locale`.
 * Returns null for an unknown operator. Public: open to every caller.
 */
export async function listIncidentFeedEntries(request: {
  caller: Caller;
  locale: string;
  operator?: string;
  showEditorNames: boolean;
  limit?: number;
}): Promise<IncidentFeedEntries | null> {
  const db = getDb();
  const limit = request.limit ?? INCIDENT_FEED_LIMIT;
  let operator: IncidentFeedEntries["operator"] = null;
  if (request.operator !== undefined) {
    operator = await db.operator.findUnique({ where: { slug: request.operator }, select: { slug: true, name: true } });
    if (!operator) return null;
  }
  const where = publishedIncidentWhere({ ...EVERY_PUBLISHED_INCIDENT, operators: operator ? [operator.slug] : [] });
  // The `limit` incidents changed most recently in public hold the `limit` newest changes.
  const recent = await db.incidentRevision.groupBy({
    by: ["incidentId"],
    where: { status: "PUBLISHED", incident: where },
    _max: { createdAt: true },
    orderBy: { _max: { createdAt: "desc" } },
    take: limit,
  });
  if (recent.length === 0) return { operator, changes: [] };
  const incidents = await db.incident.findMany({
    where: { id: { in: recent.map((row) => row.incidentId) } },
    select: { ...TEXT_FIELDS, ...END_FIELDS, firstPublishedAt: true, revisions: PUBLISHED_REVISIONS },
  });
  const changes = incidents.flatMap((incident) => {
    const publicChanges = publicChangesOf(incident.revisions, { showEditorNames: request.showEditorNames });
    const firstPublishedAt = incident.firstPublishedAt ?? publicChanges.at(-1)?.at ?? new Date(0);
    return publicChanges.map((change) => ({
      kind: change.kind,
      at: change.kind === "FIRST_PUBLISHED" ? firstPublishedAt : change.at,
      fields: change.fields,
      note: change.note,
      editor: change.editor,
      ...textOf(incident, request.locale),
      firstPublishedAt,
      end: endOf(incident),
    }));
  });
  changes.sort((a, b) => b.at.getTime() - a.at.getTime() || a.slug.localeCompare(b.slug));
  return { operator, changes: changes.slice(0, limit) };
}

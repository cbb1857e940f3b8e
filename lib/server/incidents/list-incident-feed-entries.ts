import "server-only";
import { getDb } from "@/lib/db/client";
import type { EndStatus, TimePrecision } from "@/lib/generated/prisma/enums";
import { localized } from "@/lib/i18n/localize";
import { publicChangesOf, type PublicChange } from "@/lib/server/incidents/list-public-incident-changes";
import { publishedIncidentWhere } from "@/lib/server/incidents/list-published-incidents";

/** How many entries a feed carries: the newest public changes. */
export const INCIDENT_FEED_LIMIT = 50;

/** One public change of a published incident: its first publication or a later public update. */
export type IncidentFeedChange = Pick<PublicChange, "kind" | "at" | "fields" | "note" | "editor"> & {
  slug: string;
  title: string;
  summary: string;
  firstPublishedAt: Date;
  /** What is known about the incident's end now (decision 0013). */
  end: { endStatus: EndStatus; endsAt: Date | null; endPrecision: TimePrecision | null; lastCheckedOn: Date | null; lastReportedOn: Date | null };
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
 * Returns null for an unknown operator.
 */
export async function listIncidentFeedEntries(options: {
  locale: string;
  operator?: string;
  showEditorNames: boolean;
  limit?: number;
}): Promise<IncidentFeedEntries | null> {
  const db = getDb();
  const limit = options.limit ?? INCIDENT_FEED_LIMIT;
  let operator: IncidentFeedEntries["operator"] = null;
  if (options.operator !== undefined) {
    operator = await db.operator.findUnique({ where: { slug: options.operator }, select: { slug: true, name: true } });
    if (!operator) return null;
  }
  const where = publishedIncidentWhere({
    years: [],
    operators: operator ? [operator.slug] : [],
    regions: [],
    types: [],
    services: [],
  });
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
    select: {
      slug: true,
      title: true,
      summary: true,
      translations: true,
      firstPublishedAt: true,
      endStatus: true,
      endsAt: true,
      endPrecision: true,
      lastCheckedOn: true,
      lastReportedOn: true,
      revisions: {
        where: { status: "PUBLISHED" },
        orderBy: { version: "asc" },
        select: { createdAt: true, snapshot: true, note: true, author: { select: { name: true } } },
      },
    },
  });
  const changes = incidents.flatMap((incident) => {
    const publicChanges = publicChangesOf(incident.revisions, { showEditorNames: options.showEditorNames });
    const firstPublishedAt = incident.firstPublishedAt ?? publicChanges.at(-1)?.at ?? new Date(0);
    return publicChanges.map((change) => ({
      kind: change.kind,
      at: change.kind === "FIRST_PUBLISHED" ? firstPublishedAt : change.at,
      fields: change.fields,
      note: change.note,
      editor: change.editor,
      slug: incident.slug,
      title: localized(incident, "title", options.locale)!,
      summary: localized(incident, "summary", options.locale)!,
      firstPublishedAt,
      end: {
        endStatus: incident.endStatus,
        endsAt: incident.endsAt,
        endPrecision: incident.endPrecision,
        lastCheckedOn: incident.lastCheckedOn,
        lastReportedOn: incident.lastReportedOn,
      },
    }));
  });
  changes.sort((a, b) => b.at.getTime() - a.at.getTime() || a.slug.localeCompare(b.slug));
  return { operator, changes: changes.slice(0, limit) };
}

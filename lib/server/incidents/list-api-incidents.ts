import "server-only";
import type { Caller } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { apiPeriod } from "@/lib/api/figures";
import type { IncidentListItem } from "@/lib/schemas/api/incidents";
import { summaryFields, summaryOf } from "./published/summary";
import { NEWEST_FIRST, publishedIncidentWhere, type IncidentQueryFilters } from "./published/where";

/** Where a page of the API's incident list starts: after this incident, newest first. */
export type IncidentCursor = { startsAt: Date; id: number };

/**
 * One page of published incidents for the public API, newest first, paged by
 * keyset on (starts_at desc, id desc) so pages stay stable while incidents are
 * published. `next` is where the following page starts, or null on the last.
 * Public: open to every caller.
 */
export async function listApiIncidents({
  filters,
  locale,
  limit,
  after,
}: {
  caller: Caller;
  filters: IncidentQueryFilters;
  locale: string;
  limit: number;
  after?: IncidentCursor;
}): Promise<{ incidents: IncidentListItem[]; next: IncidentCursor | null }> {
  const where: Prisma.IncidentWhereInput = { AND: [publishedIncidentWhere(filters)] };
  if (after) where.OR = [{ startsAt: { lt: after.startsAt } }, { startsAt: after.startsAt, id: { lt: after.id } }];
  const rows = await getDb().incident.findMany({
    where,
    orderBy: NEWEST_FIRST,
    take: limit + 1,
    select: { ...summaryFields({ namesBy: "slug" }), id: true, cause: true },
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    incidents: page.map((row) => {
      const incident = summaryOf(row, locale);
      return {
        slug: incident.slug,
        title: incident.title,
        summary: incident.summary,
        ...apiPeriod(incident),
        scope: incident.scope,
        type: incident.type,
        types: incident.types,
        services: incident.services,
        cause: row.cause,
        verification: incident.verification,
        operators: incident.operators.map((operator) => operator.slug),
        regions: incident.regions.map((region) => region.slug),
        phase_count: incident.phaseCount,
        source_count: incident.sourceCount,
      };
    }),
    next: rows.length > limit && last ? { startsAt: last.startsAt, id: last.id } : null,
  };
}

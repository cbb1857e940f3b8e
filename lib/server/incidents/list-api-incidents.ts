import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { localized } from "@/lib/i18n/localize";
import { apiDay } from "@/lib/api/figures";
import type { IncidentListItem } from "@/lib/schemas/api/incidents";
import { publishedIncidentWhere, type IncidentQueryFilters } from "./list-published-incidents";

/** Where a page of the API's incident list starts: after this incident, newest first. */
export type IncidentCursor = { startsAt: Date; id: number };

/**
 * One page of published incidents for the public API, newest first, paged by
 * keyset on (starts_at desc, id desc) so pages stay stable while incidents are
 * published. `next` is where the following page starts, or null on the last.
 */
export async function listApiIncidents(options: {
  filters: IncidentQueryFilters;
  locale: string;
  limit: number;
  after?: IncidentCursor;
}): Promise<{ incidents: IncidentListItem[]; next: IncidentCursor | null }> {
  const where: Prisma.IncidentWhereInput = { AND: [publishedIncidentWhere(options.filters)] };
  if (options.after) {
    const { startsAt, id } = options.after;
    where.OR = [{ startsAt: { lt: startsAt } }, { startsAt, id: { lt: id } }];
  }
  const rows = await getDb().incident.findMany({
    where,
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
    take: options.limit + 1,
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      translations: true,
      startsAt: true,
      startPrecision: true,
      endsAt: true,
      endPrecision: true,
      endStatus: true,
      lastCheckedOn: true,
      lastReportedOn: true,
      scope: true,
      type: true,
      services: true,
      cause: true,
      verification: true,
      operators: { select: { operator: { select: { slug: true } } }, orderBy: { operator: { slug: "asc" } } },
      regions: { select: { region: { select: { slug: true } } }, orderBy: { region: { slug: "asc" } } },
      phases: { select: { type: true }, orderBy: { position: "asc" } },
      _count: { select: { sources: true } },
    },
  });
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    incidents: page.map((row) => ({
      slug: row.slug,
      title: localized(row, "title", options.locale)!,
      summary: localized(row, "summary", options.locale)!,
      starts_at: row.startsAt.toISOString(),
      start_precision: row.startPrecision,
      ends_at: row.endsAt?.toISOString() ?? null,
      end_precision: row.endPrecision,
      end_status: row.endStatus,
      last_checked_on: apiDay(row.lastCheckedOn),
      last_reported_on: apiDay(row.lastReportedOn),
      scope: row.scope,
      type: row.type,
      types: [...new Set([row.type, ...row.phases.map((phase) => phase.type)])],
      services: row.services,
      cause: row.cause,
      verification: row.verification,
      operators: row.operators.map(({ operator }) => operator.slug),
      regions: row.regions.map(({ region }) => region.slug),
      phase_count: row.phases.length,
      source_count: row._count.sources,
    })),
    next: rows.length > options.limit && last ? { startsAt: last.startsAt, id: last.id } : null,
  };
}

import "server-only";
import type { Caller } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { summaryFields, summaryOf, type IncidentSummary } from "./published/summary";
import { NEWEST_FIRST, publishedIncidentWhere, type IncidentQueryFilters } from "./published/where";

export const INCIDENTS_PAGE_SIZE = 25;

/**
 * Published incidents matching the filters, newest first, a page at a time.
 * Pass `pageSize: "all"` for every match (the overview's timeline). Public:
 * open to every caller.
 */
export async function listPublishedIncidents({
  filters,
  locale,
  pageSize = INCIDENTS_PAGE_SIZE,
}: {
  caller: Caller;
  filters: IncidentQueryFilters & { page?: number };
  locale: string;
  pageSize?: number | "all";
}): Promise<{ incidents: IncidentSummary[]; total: number; page: number; pageCount: number }> {
  const db = getDb();
  const where = publishedIncidentWhere(filters);
  const total = await db.incident.count({ where });
  const pageCount = pageSize === "all" ? 1 : Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filters.page ?? 1, pageCount);
  const rows = await db.incident.findMany({
    where,
    orderBy: NEWEST_FIRST,
    ...(pageSize === "all" ? {} : { skip: (page - 1) * pageSize, take: pageSize }),
    select: summaryFields({ namesBy: "name", locale }),
  });
  return { incidents: rows.map((row) => summaryOf(row, locale)), total, page, pageCount };
}

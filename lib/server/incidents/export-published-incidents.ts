import "server-only";
import type { IncidentListItem } from "@/lib/schemas/api/incidents";
import type { IncidentQueryFilters } from "./list-published-incidents";
import { listApiIncidents, type IncidentCursor } from "./list-api-incidents";

/** Rows read per query while walking the list. */
const DEFAULT_CHUNK = 500;

/**
 * Every published incident matching the list's filters, newest first, in the
 * API's shape (the public list's download): the API's pages walked to the
 * end by keyset, so the rows are those the list shows, across all its pages.
 */
export async function exportPublishedIncidents(options: { filters: IncidentQueryFilters; locale: string; chunk?: number }): Promise<IncidentListItem[]> {
  const rows: IncidentListItem[] = [];
  let after: IncidentCursor | undefined;
  for (;;) {
    const page = await listApiIncidents({ filters: options.filters, locale: options.locale, limit: options.chunk ?? DEFAULT_CHUNK, ...(after ? { after } : {}) });
    rows.push(...page.incidents);
    if (!page.next) return rows;
    after = page.next;
  }
}

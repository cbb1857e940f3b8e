import "server-only";
import type { Caller } from "@/lib/auth/permissions";
import type { IncidentListItem } from "@/lib/schemas/api/incidents";
import { listApiIncidents, type IncidentCursor } from "./list-api-incidents";
import type { IncidentQueryFilters } from "./published/where";

/** Rows read per query while walking the list. */
const DEFAULT_CHUNK = 500;

/**
 * Every published incident matching the list's filters, newest first, in the
 * API's shape (the public list's download): the API's pages walked to the
 * end by keyset, so the rows are those the list shows, across all its pages.
 * Public: open to every caller.
 */
export async function exportPublishedIncidents({
  caller,
  filters,
  locale,
  chunk = DEFAULT_CHUNK,
}: {
  caller: Caller;
  filters: IncidentQueryFilters;
  locale: string;
  chunk?: number;
}): Promise<IncidentListItem[]> {
  const rows: IncidentListItem[] = [];
  let after: IncidentCursor | undefined;
  for (;;) {
    const page = await listApiIncidents({ caller, filters, locale, limit: chunk, ...(after ? { after } : {}) });
    rows.push(...page.incidents);
    if (!page.next) return rows;
    after = page.next;
  }
}

import { resolvedEndStatus, type IncidentInput, type ParsedIncidentInput } from "@/lib/schemas/incident";

/**
 * An incident's editable content as plain JSON: what a revision stores, what
 * the editor loads, and what two revisions are compared on. It is a valid
 * IncidentInput (instants as ISO strings in UTC, calendar dates as
 * "YYYY-MM-DD", no undefined values), without the status, which only the
 * workflow changes.
 */
export type IncidentSnapshot = Omit<IncidentInput, "status">;

const calendarDate = (date: Date) => date.toISOString().slice(0, 10);

/** Drops undefined values and turns dates into strings, recursively. */
function plain(value: unknown, calendarKeys: ReadonlySet<string>, key = ""): unknown {
  if (value instanceof Date) return calendarKeys.has(key) ? calendarDate(value) : value.toISOString();
  if (Array.isArray(value)) return value.map((item) => plain(item, calendarKeys));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = plain(v, calendarKeys, k);
    return out;
  }
  return value;
}

const CALENDAR_DATE_FIELDS = new Set(["publishedOn", "madeOn", "lastCheckedOn", "lastReportedOn"]);

const sorted = <T extends string | number>(values: T[]) => [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * The snapshot of parsed input. Sets (operators, regions, services, the
 * sources a discrepancy cites) are sorted, so that order alone never shows up
 * as a change.
 */
export function toSnapshot(incident: ParsedIncidentInput): IncidentSnapshot {
  const content: Partial<ParsedIncidentInput> = {
    ...incident,
    endStatus: resolvedEndStatus(incident),
    services: sorted(incident.services),
    operators: sorted(incident.operators),
    regions: sorted(incident.regions),
    phases: incident.phases.map((phase) => ({
      ...phase,
      endStatus: resolvedEndStatus(phase),
      services: sorted(phase.services),
      operators: sorted(phase.operators),
      regions: sorted(phase.regions),
    })),
    discrepancies: incident.discrepancies.map((discrepancy) => ({ ...discrepancy, sources: sorted([...new Set(discrepancy.sources)]) })),
  };
  delete content.status;
  return plain(content, CALENDAR_DATE_FIELDS) as IncidentSnapshot;
}

import { fieldsOf } from "@/lib/incidents/fields";
import { resolvedEndStatus, type IncidentInput, type ParsedIncidentInput, type RecordKind } from "@/lib/schemas/incident";

/**
 * An incident's editable content as plain JSON: what a revision stores, what
 * the editor loads, and what two revisions are compared on. It is a valid
 * IncidentInput (instants as ISO strings in UTC, calendar dates as
 * "YYYY-MM-DD", no undefined values), without the status, which only the
 * workflow changes.
 */
export type IncidentSnapshot = Omit<IncidentInput, "status">;

type Values = Record<string, unknown>;

/** A JSON value without undefined members (a translation left out). */
function withoutUndefined(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).flatMap(([key, inner]) => (inner === undefined ? [] : [[key, withoutUndefined(inner)]])));
}

const sorted = <T extends string | number>(values: T[]) => [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * One record as plain JSON, walking its table: dates become strings (calendar
 * dates "YYYY-MM-DD"), undefined values are dropped, sets (services,
 * operators, regions, the sources a discrepancy cites) are sorted so that
 * order alone never shows up as a change, and what is known about an end is
 * always said (resolvedEndStatus).
 */
function plainRecord(record: RecordKind, value: Values): Values {
  const out: Values = {};
  for (const [field, spec] of fieldsOf(record)) {
    const v = value[field];
    if (v === undefined || spec.group === "workflow") continue;
    if (spec.kind === "items") out[field] = (v as Values[]).map((item) => plainRecord(spec.record!, item));
    else if (v instanceof Date) out[field] = spec.kind === "calendarDate" ? v.toISOString().slice(0, 10) : v.toISOString();
    else if (spec.kind === "enumList") out[field] = sorted(v as string[]);
    // References by index name each item once, as they are stored.
    else if (spec.kind === "referenceList") out[field] = spec.to === "operator" || spec.to === "region" ? sorted(v as string[]) : sorted([...new Set(v as number[])]);
    else out[field] = withoutUndefined(v);
  }
  if (fieldsOf(record).some(([field]) => field === "endStatus")) out.endStatus = resolvedEndStatus(value);
  return out;
}

/** The snapshot of parsed input. */
export function toSnapshot(incident: ParsedIncidentInput): IncidentSnapshot {
  return plainRecord("incident", incident) as IncidentSnapshot;
}

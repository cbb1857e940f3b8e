import "server-only";
import type { EndStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fieldsOf } from "@/lib/incidents/fields";
import {
  resolvedEndStatus,
  type FieldKind,
  type FieldTables,
  type INCIDENT_FIELDS,
  type ParsedIncidentInput,
  type RecordKind,
} from "@/lib/schemas/incident";

/**
 * A record's own columns, derived from the field tables (decision 0019): every
 * field that is a value (text, a time, a choice, a list of choices, a flag,
 * an amount, its translations) is a column of the same name. References and
 * lists of items are rows of their own (incident-content.ts); the status is
 * the workflow's. Internal to lib/server/incidents.
 */

type ColumnKind = Exclude<FieldKind, "reference" | "referenceList" | "items">;
const COLUMN_KINDS: ReadonlySet<FieldKind> = new Set<ColumnKind>([
  "slug",
  "text",
  "longText",
  "markdown",
  "url",
  "instant",
  "calendarDate",
  "usd",
  "boolean",
  "enum",
  "enumList",
  "translations",
]);

type Incident = typeof INCIDENT_FIELDS;
/** The list each item record is held in: { phase: "phases", … }. */
type ListOf = { [K in keyof Incident as Incident[K] extends { kind: "items"; record: infer R extends string } ? R : never]: K };
/** A record as the shared schema parses it. */
export type ParsedRecord<R extends RecordKind> = R extends keyof ListOf ? ParsedIncidentInput[ListOf[R] & keyof ParsedIncidentInput][number] : ParsedIncidentInput;

type ColumnFields<T> = { [K in keyof T]: T[K] extends { group: "workflow" } ? never : T[K] extends { kind: ColumnKind } ? K : never }[keyof T];
type ColumnValue<K, F, V> = F extends { kind: "translations" }
  ? Prisma.InputJsonObject
  : F extends { kind: "usd" }
    ? bigint | null
    : F extends { kind: "boolean" }
      ? boolean
      : K extends "endStatus"
        ? EndStatus
        : undefined extends V
          ? Exclude<V, undefined> | null
          : V;
export type Columns<R extends RecordKind> = {
  [K in ColumnFields<FieldTables[R]>]: ColumnValue<K, FieldTables[R][K], ParsedRecord<R>[K & keyof ParsedRecord<R>]>;
};

const columnFields = (record: RecordKind) => fieldsOf(record).filter(([, spec]) => COLUMN_KINDS.has(spec.kind) && spec.group !== "workflow");

/** A parsed record's columns: what is left out is null (a flag false); what is known about an end is always said. */
export function columnsOf<R extends RecordKind>(record: R, value: ParsedRecord<R>): Columns<R> {
  const values = value as Record<string, unknown>;
  const columns: Record<string, unknown> = {};
  for (const [field, spec] of columnFields(record)) {
    const v = values[field];
    if (field === "endStatus") columns[field] = resolvedEndStatus(values);
    else if (spec.kind === "usd") columns[field] = v === undefined ? null : BigInt(v as number);
    else if (spec.kind === "boolean") columns[field] = v ?? false;
    else columns[field] = v ?? null;
  }
  return columns as Columns<R>;
}

/**
 * A stored row's columns as the shared schema's input: null is left out, an
 * amount is a number, and a flag that is not set is left out (records set by
 * hand keep the snapshots they always had).
 */
export function inputFromColumns(record: RecordKind, row: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [field, spec] of columnFields(record)) {
    const v = row[field];
    if (v === null || v === undefined || v === false) continue;
    input[field] = spec.kind === "usd" ? Number(v) : v;
  }
  return input;
}

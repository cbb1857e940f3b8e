import {
  FIELD_TABLES,
  INCIDENT_FIELDS,
  type FieldSpec,
  type ItemRecordKind,
  type RecordKind,
  type TranslationField,
} from "@/lib/schemas/incident";

/**
 * Questions about the field tables of lib/schemas/incident.ts (decision
 * 0019): which fields a record has, which lists an incident holds, which
 * texts are translated. Everything that walks an incident field by field
 * (the editor's form, the diff, the database columns) asks here rather than
 * naming fields. Pure and client-safe.
 */

export type { RecordKind, ItemRecordKind, TranslationField } from "@/lib/schemas/incident";

type ItemListOf<T> = { [K in keyof T]: T[K] extends { kind: "items" } ? K : never }[keyof T];
/** The incident's lists of items: "phases", "sources", "acknowledgements", "impactEstimates", "discrepancies". */
export type ItemListName = ItemListOf<typeof INCIDENT_FIELDS> & string;

/** A record's fields with their specs, in the table's order. */
export function fieldsOf(record: RecordKind): [string, FieldSpec][] {
  return Object.entries(FIELD_TABLES[record] as Record<string, FieldSpec>);
}

/** The spec of one field of a record, or undefined for a name the record does not have. */
export function fieldSpec(record: RecordKind, field: string): FieldSpec | undefined {
  const table = FIELD_TABLES[record] as Record<string, FieldSpec>;
  return Object.hasOwn(table, field) ? table[field] : undefined;
}

/** The incident's lists, in order, with the record each holds. */
export const ITEM_LISTS = fieldsOf("incident").flatMap(([field, spec]) => (spec.kind === "items" ? [field as ItemListName] : []));

export const RECORD_OF_LIST = Object.fromEntries(
  fieldsOf("incident").flatMap(([field, spec]) => (spec.kind === "items" ? [[field, spec.record!]] : [])),
) as Record<ItemListName, ItemRecordKind>;

export function isItemList(name: string | undefined): name is ItemListName {
  return (ITEM_LISTS as readonly string[]).includes(name ?? "");
}

/** The languages records are translated into; English is the record itself. */
export const TRANSLATION_LOCALES = ["ru"] as const;
export type TranslationLocale = (typeof TRANSLATION_LOCALES)[number];

/** A record's translated fields, in the table's order. */
export function translatableFieldsOf(record: RecordKind): string[] {
  return fieldsOf(record).flatMap(([field, spec]) => (spec.translatable ? [field] : []));
}

/** Every field some record translates, in the tables' order (the keys of ZTranslations). */
export const TRANSLATION_FIELDS = [...new Set((Object.keys(FIELD_TABLES) as RecordKind[]).flatMap(translatableFieldsOf))] as TranslationField[];

/** The record a dotted path's item belongs to: "phases.2.label" → phase; "title" → incident. */
export function recordOfPath(path: string): RecordKind {
  const [list, index] = path.split(".");
  return isItemList(list) && index !== undefined && /^\d+$/.test(index) ? RECORD_OF_LIST[list] : "incident";
}

import {
  fieldsOf,
  fieldSpec,
  isItemList,
  RECORD_OF_LIST,
  TRANSLATION_FIELDS,
  TRANSLATION_LOCALES,
  translatableFieldsOf,
  type ItemListName,
  type RecordKind,
} from "@/lib/incidents/fields";
import type { EnumName, FieldSpec } from "@/lib/schemas/incident";

/**
 * What the dotted paths of an incident snapshot mean ("phases.1.endsAt",
 * "translations.ru.title"): the order fields are listed in, which record and
 * field a path names, and what kind of value sits there. Shared by the diff,
 * the change list and the editor, so a field has the same name everywhere.
 * Derived from the field tables (lib/schemas/incident.ts). Pure and
 * client-safe.
 */

export { isItemList, ITEM_LISTS, RECORD_OF_LIST, TRANSLATION_FIELDS, TRANSLATION_LOCALES } from "@/lib/incidents/fields";
export type { ItemListName, RecordKind, TranslationField, TranslationLocale } from "@/lib/incidents/fields";
export type { EnumName } from "@/lib/schemas/incident";

export type ValueKind =
  | { kind: "text" }
  | { kind: "longText" }
  | { kind: "url" }
  | { kind: "instant" }
  | { kind: "calendarDate" }
  | { kind: "usd" }
  | { kind: "boolean" }
  | { kind: "enum"; enumName: EnumName }
  | { kind: "enumList"; enumName: EnumName }
  | { kind: "operator" }
  | { kind: "operatorList" }
  | { kind: "regionList" }
  /** An index into the incident's phases. */
  | { kind: "phaseRef" }
  /** An index into the incident's sources. */
  | { kind: "sourceRef" }
  | { kind: "sourceRefList" }
  /** A whole phase, source, statement, estimate or discrepancy (added or removed). */
  | { kind: "item"; list: ItemListName }
  | { kind: "other" };

const OTHER: ValueKind = { kind: "other" };

/** How the change list shows a field's value, from its kind in the table. */
function valueKindOf(field: string, spec: FieldSpec): ValueKind {
  switch (spec.kind) {
    case "slug":
    case "text":
      return { kind: "text" };
    case "longText":
    case "markdown":
      return { kind: "longText" };
    case "url":
    case "instant":
    case "calendarDate":
    case "usd":
    case "boolean":
      return { kind: spec.kind };
    case "enum":
    case "enumList":
      return { kind: spec.kind, enumName: spec.enumName! };
    case "reference":
      return spec.to === "operator" ? { kind: "operator" } : spec.to === "phase" ? { kind: "phaseRef" } : spec.to === "source" ? { kind: "sourceRef" } : OTHER;
    case "referenceList":
      return spec.to === "operator" ? { kind: "operatorList" } : spec.to === "region" ? { kind: "regionList" } : spec.to === "source" ? { kind: "sourceRefList" } : OTHER;
    case "items":
      return { kind: "item", list: field as ItemListName };
    case "translations":
      return OTHER;
  }
}

/** Each record's fields in the order the change list shows them (the tables' order). */
export const RECORD_FIELDS = Object.fromEntries(
  (["incident", "phase", "source", "acknowledgement", "impactEstimate", "discrepancy"] as const).map((record) => [
    record,
    Object.fromEntries(fieldsOf(record).map(([field, spec]) => [field, valueKindOf(field, spec)])),
  ]),
) as Record<RecordKind, Readonly<Record<string, ValueKind>>>;

/** A translated text is shown as its English field is: a line (a title, a name) or prose. */
const TRANSLATION_VALUE_KIND = new Map<string, ValueKind>();
for (const record of Object.keys(RECORD_FIELDS) as RecordKind[]) {
  for (const field of translatableFieldsOf(record)) {
    if (!TRANSLATION_VALUE_KIND.has(field)) TRANSLATION_VALUE_KIND.set(field, RECORD_FIELDS[record][field]!);
  }
}

export type PathSegment =
  /** A field of a record: "title" of the incident, "endsAt" of a phase. */
  | { kind: "field"; record: RecordKind; field: string }
  /** One item of a list: "Phase 2". */
  | { kind: "item"; list: ItemListName; index: number }
  /** A translated field: "Title (Russian)". */
  | { kind: "translation"; record: RecordKind; locale: string; field: string }
  /** Anything the snapshot format does not define. */
  | { kind: "unknown"; text: string };

export type PathDescription = { segments: PathSegment[]; value: ValueKind };

/**
 * Reads a snapshot path: "phases.1.endsAt" is Phase 2 › End, an instant;
 * "sources.2" is a whole source; "translations.ru.title" is the Russian title.
 */
export function describePath(path: string): PathDescription {
  const parts = path === "" ? [] : path.split(".");
  const segments: PathSegment[] = [];
  let record: RecordKind = "incident";
  let value: ValueKind = OTHER;
  for (let position = 0; position < parts.length; position++) {
    const part = parts[position]!;
    const spec = fieldSpec(record, part);
    if (record === "incident" && isItemList(part)) {
      const next = parts[position + 1];
      if (next !== undefined && /^\d+$/.test(next)) {
        segments.push({ kind: "item", list: part, index: Number(next) });
        record = RECORD_OF_LIST[part];
        value = { kind: "item", list: part };
        position++;
        continue;
      }
      segments.push({ kind: "field", record, field: part });
      value = OTHER;
      continue;
    }
    if (spec?.kind === "translations") {
      const locale = parts[position + 1];
      const field = parts[position + 2];
      if (locale !== undefined && field !== undefined && TRANSLATION_VALUE_KIND.has(field) && position + 3 === parts.length) {
        segments.push({ kind: "translation", record, locale, field });
        value = TRANSLATION_VALUE_KIND.get(field)!;
        break;
      }
      segments.push({ kind: "unknown", text: parts.slice(position).join(".") });
      value = OTHER;
      break;
    }
    if (spec) {
      segments.push({ kind: "field", record, field: part });
      value = RECORD_FIELDS[record][part]!;
      continue;
    }
    segments.push({ kind: "unknown", text: parts.slice(position).join(".") });
    value = OTHER;
    break;
  }
  return { segments, value };
}

/** What the keys of an object in a snapshot are: a record's fields, a record's translations by locale, or one locale's translated texts. */
export type KeyOrder = RecordKind | { translationsOf: RecordKind } | { translationOf: RecordKind };

/**
 * The order of an object's keys: known fields first, in the tables' order
 * (a record's translated texts in its own order), then any others
 * alphabetically.
 */
export function orderedKeys(order: KeyOrder, keys: Iterable<string>): string[] {
  const known: readonly string[] =
    typeof order === "string"
      ? Object.keys(RECORD_FIELDS[order])
      : "translationsOf" in order
        ? TRANSLATION_LOCALES
        : [...new Set([...translatableFieldsOf(order.translationOf), ...TRANSLATION_FIELDS])];
  const rank = (key: string) => {
    const index = known.indexOf(key);
    return index === -1 ? known.length : index;
  };
  return [...new Set(keys)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

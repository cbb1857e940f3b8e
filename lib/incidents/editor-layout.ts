import { fieldsOf, ITEM_LISTS, RECORD_OF_LIST, TRANSLATION_LOCALES, translatableFieldsOf } from "@/lib/incidents/fields";
import type { IncidentFormValue } from "@/lib/incidents/form-value";
import { incidentPeriodPaths, phasePeriodPaths } from "@/lib/incidents/period-form";
import type { FieldGroup, FieldSpec, RecordKind } from "@/lib/schemas/incident";

/**
 * Where the editor shows each field, derived from the field tables: the
 * incident's fields in their groups, each item's fields in order, and a
 * translation beside every translatable field of an item (the incident's
 * translations have a group of their own). The editor renders from this, and
 * formFieldPaths lists the same fields, so an issue always has a field to
 * sit on. Pure.
 */

/** The incident's groups of fields, in the editor's order (its translations and lists follow). */
export const EDITOR_GROUPS = ["basics", "period", "disruption", "context"] as const satisfies readonly FieldGroup[];
export type EditorGroup = (typeof EDITOR_GROUPS)[number];

/**
 * Where the editor's order differs from the tables' (which is the order of
 * revisions, and so of the change list): these fields come first, in this
 * order; the others follow in the table's order.
 */
const EDITOR_ORDER: Partial<Record<RecordKind, readonly string[]>> = {
  incident: ["title", "slug", "verification"],
  source: ["kind", "publisher", "url", "title", "publishedOn", "phase"],
  acknowledgement: ["party", "operator", "madeOn"],
};

/**
 * What the editor shows of a record, in order: a field, or the period (its
 * fields shown as one block where the first of them would be). The incident's
 * are those of one group.
 */
export type EditorEntry = { kind: "field"; field: string; spec: FieldSpec } | { kind: "period" };

export function editorEntries(record: RecordKind, group?: EditorGroup): EditorEntry[] {
  const lead = EDITOR_ORDER[record] ?? [];
  const rank = (field: string) => (lead.includes(field) ? lead.indexOf(field) : lead.length);
  const fields = fieldsOf(record)
    .filter(([, spec]) => spec.kind !== "translations" && spec.kind !== "items" && spec.group !== "workflow" && (group === undefined || (spec.group ?? "basics") === group))
    .map((entry, position) => ({ entry, position }))
    .sort((a, b) => rank(a.entry[0]) - rank(b.entry[0]) || a.position - b.position);
  const entries: EditorEntry[] = [];
  for (const { entry: [field, spec] } of fields) {
    if (spec.group !== "period") entries.push({ kind: "field", field, spec });
    else if (!entries.some((entry) => entry.kind === "period")) entries.push({ kind: "period" });
  }
  return entries;
}

/** The path of a field's translation into a language: "translations.ru.title". */
export const translationPath = (field: string, locale: string) => `translations.${locale}.${field}`;

type Values = Record<string, unknown>;

/** The paths one record shows, relative to it, in order. */
function recordPaths(record: RecordKind, values: Values, form: IncidentFormValue, group?: EditorGroup): string[] {
  const translatable = new Set(translatableFieldsOf(record));
  return editorEntries(record, group).flatMap((entry) => {
    if (entry.kind === "period") return record === "incident" ? incidentPeriodPaths(form) : phasePeriodPaths(values as never);
    const { field, spec } = entry;
    if (spec.shownWhen && values[spec.shownWhen.field] !== spec.shownWhen.equals) return [];
    // An item's translations sit beside their fields; the incident's have a group of their own.
    const beside = record !== "incident" && translatable.has(field) ? TRANSLATION_LOCALES.map((locale) => translationPath(field, locale)) : [];
    return [field, ...beside];
  });
}

/**
 * Every field the editor shows, as dotted paths, in the order they appear.
 * An issue is shown at the longest of these paths that starts its own path
 * ("discrepancies.0.sources.1" at "discrepancies.0.sources"); one that
 * matches none belongs to the whole form.
 */
export function formFieldPaths(form: IncidentFormValue): string[] {
  const values = form as unknown as Values;
  const paths = EDITOR_GROUPS.flatMap((group) => recordPaths("incident", values, form, group));
  for (const locale of TRANSLATION_LOCALES) paths.push(...translatableFieldsOf("incident").map((field) => translationPath(field, locale)));
  for (const list of ITEM_LISTS) {
    (values[list] as Values[]).forEach((item, index) => {
      paths.push(...recordPaths(RECORD_OF_LIST[list], item, form).map((path) => `${list}.${index}.${path}`));
    });
  }
  return paths;
}

const required = new WeakMap<FieldSpec, boolean>();

/**
 * Whether the editor marks a field required: the schema needs a value, or it
 * is a choice that always has one (its default), or it is needed whenever it
 * is shown (a statement's operator).
 */
export function isRequiredField(spec: FieldSpec): boolean {
  let value = required.get(spec);
  if (value === undefined) {
    const leftOut = spec.schema?.safeParse(undefined);
    value = spec.shownWhen !== undefined || (leftOut !== undefined && (!leftOut.success || (spec.kind === "enum" && leftOut.data !== undefined)));
    required.set(spec, value);
  }
  return value;
}

/** What an empty choice offers: "choose" for a required one, "none" for one that may be left unset, nothing for one with a default. */
export function emptyChoiceOf(spec: FieldSpec): "choose" | "none" | null {
  const leftOut = spec.schema?.safeParse(undefined);
  if (spec.shownWhen !== undefined || !leftOut?.success) return "choose";
  return leftOut.data === undefined ? "none" : null;
}

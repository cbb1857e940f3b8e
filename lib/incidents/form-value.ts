import type { FieldIssues } from "@/lib/errors";
import { fieldsOf, ITEM_LISTS, RECORD_OF_LIST, TRANSLATION_LOCALES, type ItemListName, type TranslationField, type TranslationLocale } from "@/lib/incidents/fields";
import { setFormField } from "@/lib/incidents/form-path";
import { FormReader } from "@/lib/incidents/form-reader";
import {
  incidentPeriodToForm,
  incidentPeriodToInput,
  isTimePath,
  phasePeriodToForm,
  phasePeriodToInput,
  setPeriodSetByHand,
  setTimeField,
  type OpenEndStatus,
} from "@/lib/incidents/period-form";
import type { IncidentSnapshot } from "@/lib/incidents/snapshot";
import { checkIncidentInput, type EnumName, type EnumValue, type FieldSpec, type FieldTables, type IncidentInput, type ItemRecordKind, type RecordKind } from "@/lib/schemas/incident";
import { fieldIssuesOf } from "@/lib/schemas/parse";

/**
 * The incident editor's state: what the inputs hold, as strings and booleans,
 * with a stable `key` on every list item for React and for cross-references.
 * Its shape, its empty values and its conversions from a snapshot and to the
 * shared schema's input are derived from the field tables
 * (lib/schemas/incident.ts, decision 0019); the period, whose fields depend on
 * each other, is converted by lib/incidents/period-form.ts.
 *
 * Every field sits at the same dotted path as in the shared schema
 * (ZIncidentInput), so "phases.0.endsAt" names the form field, the input's
 * `name`, and the field issues the browser or the server report for it.
 * Differences from the schema's shape:
 * - instants, calendar dates and amounts are strings, unset choices "";
 * - the period is held as period-form.ts describes (`periodSetByHand`
 *   instead of `periodFromPhases`, `endUnknown`, an open `endStatus`);
 * - a reference to a phase or a source holds the item's key, not its index,
 *   so reordering never breaks a reference;
 * - `status` is left out: only the workflow changes it.
 */

export { getFormField, setFormField, stableFieldId, pathOfStableFieldId, fieldForIssuePath } from "@/lib/incidents/form-path";
export { isLocalDate, localInstant, periodFromPhaseFields, setPeriodSetByHand, setTimeField, suggestedPrecision } from "@/lib/incidents/period-form";
export type { OpenEndStatus, PeriodFormValue } from "@/lib/incidents/period-form";

/** A record's translated texts by locale, e.g. { ru: { title: "…" } }. Keys the editor does not show are kept as they are. */
export type TranslationsFormValue = Record<TranslationLocale, Partial<Record<TranslationField, string>>>;

/** What the form holds for a field of each kind. */
type FormFieldValue<F> = F extends { kind: "items"; record: infer R extends ItemRecordKind }
  ? ItemFormValue<R>[]
  : F extends { kind: "translations" }
    ? TranslationsFormValue
    : F extends { kind: "boolean" }
      ? boolean
      : F extends { kind: "enum"; enumName: infer N extends EnumName }
        ? EnumValue<N> | ""
        : F extends { kind: "enumList"; enumName: infer N extends EnumName }
          ? EnumValue<N>[]
          : F extends { kind: "referenceList" }
            ? string[]
            : string;

/** A record's form: every field of its table but the workflow's, with the period as period-form.ts holds it. */
type RecordFormValue<T> = {
  -readonly [K in keyof T as T[K] extends { group: "workflow" } ? never : K extends "periodFromPhases" ? never : K]: K extends "endStatus"
    ? OpenEndStatus
    : FormFieldValue<T[K]>;
};

export type ItemFormValue<R extends ItemRecordKind> = { key: string } & RecordFormValue<FieldTables[R]>;
export type PhaseFormValue = ItemFormValue<"phase">;
export type SourceFormValue = ItemFormValue<"source">;
export type AcknowledgementFormValue = ItemFormValue<"acknowledgement">;
export type ImpactEstimateFormValue = ItemFormValue<"impactEstimate">;
export type DiscrepancyFormValue = ItemFormValue<"discrepancy">;

export type IncidentFormValue = RecordFormValue<FieldTables["incident"]> & {
  /**
   * Ticked: the period is typed in. Unticked (the default for a new
   * incident): it is the phases' — first start to last end — whenever there are phases.
   */
  periodSetByHand: boolean;
  /** The "ongoing / end unknown" box: when ticked the end is left out, whatever the end fields hold. */
  endUnknown: boolean;
};

export type ListItemFormValue<L extends ItemListName> = IncidentFormValue[L][number];

type Values = Record<string, unknown>;

/** The fields the generic conversions handle: all but the workflow's and the period's. */
const plainFields = (record: RecordKind) => fieldsOf(record).filter(([, spec]) => spec.group !== "workflow" && spec.group !== "period");

/** Whether a field is in use: one shown only for a value of another field (a statement's operator) is not otherwise. */
const inUse = (spec: FieldSpec, values: Values) => !spec.shownWhen || values[spec.shownWhen.field] === spec.shownWhen.equals;

/* ------------------------------------------------------------------------- */
/* Keys and empty values                                                     */
/* ------------------------------------------------------------------------- */

/** Item keys are "<record>-<n>" ("phase-1"): deterministic (no randomness), so the server render and the browser agree on them. */
const keyOf = (list: ItemListName, number: number) => `${RECORD_OF_LIST[list]}-${number}`;

/** A key no item of the list has: one more than the highest number in use. */
function nextKey(list: ItemListName, items: readonly { key: string }[]): string {
  const prefix = keyOf(list, 0).slice(0, -1);
  const highest = items.reduce((max, item) => {
    const number = item.key.startsWith(prefix) ? Number(item.key.slice(prefix.length)) : 0;
    return Number.isInteger(number) && number > max ? number : max;
  }, 0);
  return keyOf(list, highest + 1);
}

const emptyTranslations = (): TranslationsFormValue => Object.fromEntries(TRANSLATION_LOCALES.map((locale) => [locale, {}])) as TranslationsFormValue;

/** The schema's default for a field left out ("REPORTED", [], false), or undefined. */
function schemaDefault(spec: FieldSpec): unknown {
  const parsed = spec.schema?.safeParse(undefined);
  return parsed?.success ? parsed.data : undefined;
}

function emptyValue(spec: FieldSpec): unknown {
  switch (spec.kind) {
    case "items":
    case "enumList":
    case "referenceList":
      return [];
    case "translations":
      return emptyTranslations();
    case "boolean":
      return schemaDefault(spec) ?? false;
    case "enum":
      return schemaDefault(spec) ?? "";
    default:
      return "";
  }
}

function emptyRecord(record: RecordKind): Values {
  const period = record === "incident" ? incidentPeriodToForm() : record === "phase" ? phasePeriodToForm() : {};
  return { ...Object.fromEntries(plainFields(record).map(([field, spec]) => [field, emptyValue(spec)])), ...period };
}

/** A blank item of a list, with its key. */
export const emptyItem = <L extends ItemListName>(list: L, key: string) => ({ key, ...emptyRecord(RECORD_OF_LIST[list]) }) as ListItemFormValue<L>;

/** A new incident: nothing filled in except the schema's defaults (verification "reported"); its period follows its phases. */
export const emptyIncidentForm = () => emptyRecord("incident") as IncidentFormValue;

/* ------------------------------------------------------------------------- */
/* Snapshot → form                                                           */
/* ------------------------------------------------------------------------- */

/** The list a phase or source reference points into. */
const LIST_OF_RECORD = Object.fromEntries(ITEM_LISTS.map((list) => [RECORD_OF_LIST[list], list])) as Record<ItemRecordKind, ItemListName>;

type Lengths = Record<ItemListName, number>;

/** The key of the item at an index; an index with no item behind it stays visibly broken (validation reports it) rather than silently unlinked. */
function keyAt(lengths: Lengths, to: string, index: unknown): string {
  const list = LIST_OF_RECORD[to as ItemRecordKind];
  if (typeof index !== "number") return "";
  return index < lengths[list] ? keyOf(list, index + 1) : `${RECORD_OF_LIST[list]}-missing-${index}`;
}

function valueToForm(spec: FieldSpec, value: unknown, lengths: Lengths, list: string): unknown {
  switch (spec.kind) {
    case "items":
      return ((value ?? []) as Values[]).map((item, index) => ({ key: keyOf(list as ItemListName, index + 1), ...recordToForm(spec.record!, item, lengths) }));
    case "translations":
      return { ...emptyTranslations(), ...Object.fromEntries(Object.entries((value ?? {}) as Values).map(([locale, texts]) => [locale, { ...(texts as Values) }])) };
    case "reference":
      return spec.to === "operator" || spec.to === "region" ? ((value as string | undefined) ?? "") : keyAt(lengths, spec.to!, value);
    case "referenceList":
      return ((value ?? []) as unknown[]).map((item) => (spec.to === "operator" || spec.to === "region" ? item : keyAt(lengths, spec.to!, item)));
    case "enumList":
      return [...((value ?? []) as unknown[])];
    case "usd":
      return value === undefined ? "" : String(value);
    case "boolean":
    case "enum":
      return value ?? emptyValue(spec);
    default:
      return value ?? "";
  }
}

function recordToForm(record: RecordKind, stored: Values, lengths: Lengths): Values {
  const period = record === "incident" ? incidentPeriodToForm(stored as IncidentSnapshot) : record === "phase" ? phasePeriodToForm(stored) : {};
  return { ...Object.fromEntries(plainFields(record).map(([field, spec]) => [field, valueToForm(spec, stored[field], lengths, field)])), ...period };
}

/** The editor's state for a stored incident. Item keys are "phase-1", "phase-2"… in list order. */
export function snapshotToFormValue(snapshot: IncidentSnapshot): IncidentFormValue {
  const stored = snapshot as Values;
  const lengths = Object.fromEntries(ITEM_LISTS.map((list) => [list, ((stored[list] ?? []) as unknown[]).length])) as Lengths;
  return recordToForm("incident", stored, lengths) as IncidentFormValue;
}

/* ------------------------------------------------------------------------- */
/* Form → input                                                              */
/* ------------------------------------------------------------------------- */

/** Drops undefined values so the input looks like a snapshot. */
const withoutUndefined = (value: Values): Values => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));

function valueToInput(spec: FieldSpec, value: unknown, path: string, form: IncidentFormValue, read: FormReader): unknown {
  const items = (to: string) => (form as unknown as Record<string, { key: string }[]>)[LIST_OF_RECORD[to as ItemRecordKind]] ?? [];
  const removed = spec.to === "phase" ? "phase_removed" : "source_removed";
  switch (spec.kind) {
    case "items":
      return (value as Values[]).map((item, index) => recordToInput(spec.record!, item, `${path}.${index}.`, form, read));
    case "translations":
      return read.translations(value as TranslationsFormValue);
    case "reference":
      return spec.to === "operator" || spec.to === "region" ? read.text(value as string) : read.reference(value as string, items(spec.to!), path, removed);
    case "referenceList":
      return spec.to === "operator" || spec.to === "region" ? [...(value as string[])] : read.references(value as string[], items(spec.to!), path, removed);
    case "enumList":
      return [...(value as string[])];
    case "enum":
      return read.choice(value as string);
    case "usd":
      return read.amount(value as string, path);
    case "boolean":
      return value;
    default:
      return read.text(value as string);
  }
}

function recordToInput(record: RecordKind, values: Values, prefix: string, form: IncidentFormValue, read: FormReader): Values {
  const period: Values = record === "incident" ? incidentPeriodToInput(form, read) : record === "phase" ? phasePeriodToInput(values as PhaseFormValue, read, prefix) : {};
  const input: Values = {};
  for (const [field, spec] of fieldsOf(record)) {
    if (spec.group === "workflow") continue;
    if (spec.group === "period") input[field] = period[field];
    else if (inUse(spec, values)) input[field] = valueToInput(spec, values[field], `${prefix}${field}`, form, read);
  }
  return withoutUndefined(input);
}

function convert(form: IncidentFormValue): { input: IncidentInput; issues: FieldIssues } {
  const read = new FormReader();
  // Required fields left empty are passed as missing; the schema reports them.
  const input = recordToInput("incident", form as unknown as Values, "", form, read) as IncidentInput;
  return { input, issues: read.issues };
}

/**
 * The form as input for the shared schema: empty strings left out, amounts as
 * numbers, Kazakhstan times as ISO instants in UTC, item keys as indexes. No
 * status: only the workflow changes it. Values that cannot be read are passed
 * on as typed, so the schema rejects them; validateIncidentForm says why.
 */
export function formValueToInput(form: IncidentFormValue): IncidentInput {
  return convert(form).input;
}

export type IncidentFormValidation = { ok: true; input: IncidentInput } | { ok: false; fieldIssues: FieldIssues };

/**
 * Checks the form with the same schema the server uses (ZIncidentInput).
 * Issues are codes (INCIDENT_ISSUES), keyed by the schema's dotted paths
 * ("title", "phases.0.endsAt"), which are also the fields' names. Where the
 * form could not even be read (an impossible date, "ten" as an amount) that
 * issue replaces the schema's.
 */
export function validateIncidentForm(form: IncidentFormValue): IncidentFormValidation {
  const { input, issues: conversionIssues } = convert(form);
  const result = checkIncidentInput(input);
  const schemaIssues = result.success ? {} : fieldIssuesOf(result.error);
  const fieldIssues: FieldIssues = { ...conversionIssues };
  for (const [path, list] of Object.entries(schemaIssues)) {
    if (!conversionIssues[path]) fieldIssues[path] = list;
  }
  if (Object.keys(fieldIssues).length > 0) return { ok: false, fieldIssues };
  return { ok: true, input };
}

/* ------------------------------------------------------------------------- */
/* Changes and list operations                                               */
/* ------------------------------------------------------------------------- */

/**
 * A change someone made to one field, with what follows from it: a start or
 * end suggests its precision (setTimeField), and ticking "set the period by
 * hand" starts from the phases' period (setPeriodSetByHand).
 */
export function changeFormField(form: IncidentFormValue, path: string, value: unknown): IncidentFormValue {
  if (path === "periodSetByHand") return setPeriodSetByHand(form, value === true);
  if (isTimePath(path) && typeof value === "string") return setTimeField(form, path, value);
  return setFormField(form, path, value);
}

/**
 * A blank item for a list, prefilled where the form already knows the answer:
 * a new phase takes the incident's type, and starts where the incident starts
 * (the first phase) or where the previous phase ends.
 */
function newItem<L extends ItemListName>(form: IncidentFormValue, list: L, key: string): ListItemFormValue<L> {
  const item = emptyItem(list, key);
  if (list !== "phases") return item;
  const phase = item as PhaseFormValue;
  phase.type = form.type;
  const previous = form.phases.at(-1);
  if (!previous) {
    phase.startsAt = form.startsAt;
    phase.startPrecision = form.startPrecision;
  } else if (previous.endsAt) {
    phase.startsAt = previous.endsAt;
    phase.startPrecision = previous.endPrecision;
  }
  return item;
}

const itemsOf = (form: IncidentFormValue, list: ItemListName) => form[list] as { key: string }[];

/** Adds a blank item at the end of a list; returns the new form and the item's key. */
export function addListItem(form: IncidentFormValue, list: ItemListName): { form: IncidentFormValue; key: string } {
  const key = nextKey(list, itemsOf(form, list));
  return { form: { ...form, [list]: [...itemsOf(form, list), newItem(form, list, key)] }, key };
}

/** The references a list's items point at: which fields of which lists hold keys of its items. */
function referencesTo(list: ItemListName): { list: ItemListName; field: string; many: boolean }[] {
  return ITEM_LISTS.flatMap((from) =>
    fieldsOf(RECORD_OF_LIST[from]).flatMap(([field, spec]) =>
      (spec.kind === "reference" || spec.kind === "referenceList") && spec.to !== undefined && LIST_OF_RECORD[spec.to as ItemRecordKind] === list
        ? [{ list: from, field, many: spec.kind === "referenceList" }]
        : [],
    ),
  );
}

/** How many references to an item there are (what removing it would unlink). */
export function countReferences(form: IncidentFormValue, list: ItemListName, key: string): number {
  return referencesTo(list).reduce(
    (count, reference) =>
      count + (itemsOf(form, reference.list) as unknown as Values[]).filter((item) => (reference.many ? (item[reference.field] as string[]).includes(key) : item[reference.field] === key)).length,
    0,
  );
}

/**
 * Removes an item. What pointed at it is unlinked: sources lose a removed
 * phase; estimates and discrepancies lose a removed source.
 */
export function removeListItem(form: IncidentFormValue, list: ItemListName, key: string): IncidentFormValue {
  const next = { ...form, [list]: itemsOf(form, list).filter((item) => item.key !== key) } as IncidentFormValue;
  for (const reference of referencesTo(list)) {
    const unlink = (item: Values): Values => {
      const value = item[reference.field];
      if (reference.many) return (value as string[]).includes(key) ? { ...item, [reference.field]: (value as string[]).filter((other) => other !== key) } : item;
      return value === key ? { ...item, [reference.field]: "" } : item;
    };
    (next as unknown as Record<string, Values[]>)[reference.list] = (itemsOf(next, reference.list) as unknown as Values[]).map(unlink);
  }
  return next;
}

/**
 * Moves an item one place up (-1) or down (+1). References are by key, so
 * they follow the item; the indexes sent to the server are worked out when
 * the form is converted.
 */
export function moveListItem(form: IncidentFormValue, list: ItemListName, key: string, offset: -1 | 1): IncidentFormValue {
  const items = [...itemsOf(form, list)];
  const from = items.findIndex((item) => item.key === key);
  const to = from + offset;
  if (from === -1 || to < 0 || to >= items.length) return form;
  const [item] = items.splice(from, 1);
  items.splice(to, 0, item!);
  return { ...form, [list]: items } as IncidentFormValue;
}

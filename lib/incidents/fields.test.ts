import { describe, expect, it } from "vitest";
import { z } from "zod";
import { RECORD_FIELDS } from "@/lib/incidents/diff-paths";
import { formFieldPaths } from "@/lib/incidents/editor-layout";
import { fieldsOf, ITEM_LISTS, RECORD_OF_LIST, TRANSLATION_FIELDS, translatableFieldsOf, type RecordKind } from "@/lib/incidents/fields";
import { emptyIncidentForm, emptyItem, formValueToInput, snapshotToFormValue, validateIncidentForm } from "@/lib/incidents/form-value";
import { toSnapshot, type IncidentSnapshot } from "@/lib/incidents/snapshot";
import {
  ENUMS,
  FIELD_TABLES,
  ZAcknowledgementInput,
  ZDiscrepancyInput,
  ZImpactEstimateInput,
  ZIncidentInput,
  ZPhaseInput,
  ZSourceInput,
  ZTranslations,
  type FieldSpec,
} from "@/lib/schemas/incident";
import { EVERY_FIELD_INCIDENTS, unfilledFields } from "@/lib/testing/every-field-incidents";
import { SEED_INCIDENTS } from "@/prisma/seed/incidents";

const RECORDS = Object.keys(FIELD_TABLES) as RecordKind[];
const SCHEMAS = {
  incident: ZIncidentInput,
  phase: ZPhaseInput,
  source: ZSourceInput,
  acknowledgement: ZAcknowledgementInput,
  impactEstimate: ZImpactEstimateInput,
  discrepancy: ZDiscrepancyInput,
} satisfies Record<RecordKind, z.ZodObject>;

/** The longest string a (possibly optional or defaulted) string schema takes. */
function maxLengthOf(schema: z.ZodType): number | null {
  let inner = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
  return inner instanceof z.ZodString ? inner.maxLength : null;
}

const snapshotOf = (input: unknown): IncidentSnapshot => toSnapshot(ZIncidentInput.parse(input));
const roundTrip = (snapshot: IncidentSnapshot) => snapshotOf(formValueToInput(snapshotToFormValue(snapshot)));

/** A value of each kind the schema must accept, to show a field's kind and schema agree. */
function sampleOf(spec: FieldSpec): unknown {
  switch (spec.kind) {
    case "slug":
      return "a-slug";
    case "url":
      return "https://example.org/a";
    case "instant":
      return "2022-01-05T11:15:00Z";
    case "calendarDate":
      return "2022-01-05";
    case "usd":
      return 1_000_000;
    case "boolean":
      return true;
    case "enum":
      return Object.values(ENUMS[spec.enumName!])[0];
    case "enumList":
      return Object.values(ENUMS[spec.enumName!]);
    case "reference":
      return spec.to === "operator" || spec.to === "region" ? "kcell" : 0;
    case "referenceList":
      return spec.to === "operator" || spec.to === "region" ? ["kcell"] : [0];
    default:
      return "Some text.";
  }
}

describe("the field tables", () => {
  it("have exactly one entry for every field of ZIncidentInput and of each record's schema, in the schema's order", () => {
    for (const record of RECORDS) {
      expect(fieldsOf(record).map(([field]) => field), record).toEqual(Object.keys(SCHEMAS[record].shape));
    }
    // Every list of the incident holds one of the other records, and every other record is held by one list.
    expect(ITEM_LISTS.map((list) => RECORD_OF_LIST[list]).sort()).toEqual(RECORDS.filter((record) => record !== "incident").sort());
  });

  it("give each field the schema the record validates it with", () => {
    for (const record of RECORDS) {
      const shape = SCHEMAS[record].shape as Record<string, z.ZodType>;
      for (const [field, spec] of fieldsOf(record)) {
        if (spec.kind === "translations") expect(shape[field], `${record}.${field}`).toBe(ZTranslations);
        else if (spec.kind === "items") {
          const list = shape[field]!;
          expect(list.parse(undefined), `${record}.${field}`).toEqual([]);
          expect(list.safeParse(Array.from({ length: spec.max! + 1 }, () => ({}))).success).toBe(false);
        } else expect(shape[field], `${record}.${field}`).toBe(spec.schema);
      }
    }
  });

  it("give each field a kind its schema agrees with", () => {
    for (const record of RECORDS) {
      for (const [field, spec] of fieldsOf(record)) {
        if (spec.kind === "items" || spec.kind === "translations") continue;
        const where = `${record}.${field} (${spec.kind})`;
        expect(spec.schema!.safeParse(sampleOf(spec)).success, where).toBe(true);
        if (spec.kind === "enum" || spec.kind === "enumList") {
          expect(spec.schema!.safeParse(spec.kind === "enum" ? "NOT_A_VALUE" : ["NOT_A_VALUE"]).success, where).toBe(false);
          for (const value of Object.values(ENUMS[spec.enumName!])) expect(spec.schema!.safeParse(spec.kind === "enum" ? value : [value]).success, `${where} ${value}`).toBe(true);
        }
        if (spec.to === "phase" || spec.to === "source") expect(spec.schema!.safeParse(spec.kind === "reference" ? 1.5 : [1.5]).success, where).toBe(false);
        if (spec.to === "operator" || spec.to === "region") expect(spec.schema!.safeParse(spec.kind === "reference" ? "Not a slug" : ["Not a slug"]).success, where).toBe(false);
        if (spec.translatable) expect(["text", "longText", "markdown"], where).toContain(spec.kind);
        if (spec.shownWhen) expect(fieldsOf(record).map(([name]) => name), where).toContain(spec.shownWhen.field);
      }
    }
  });

  it("build ZTranslations from the translatable fields, each as long as its English field allows", () => {
    const translatable = new Set(RECORDS.flatMap(translatableFieldsOf));
    expect(new Set(TRANSLATION_FIELDS)).toEqual(translatable);
    for (const record of RECORDS) {
      for (const field of translatableFieldsOf(record)) {
        const english = (FIELD_TABLES[record] as Record<string, FieldSpec>)[field]!.schema!;
        const max = maxLengthOf(english);
        expect(max, `${record}.${field}`).toBeGreaterThan(0);
        // The English field and its translation take the same longest text.
        expect(english.safeParse("я".repeat(max!)).success, `${record}.${field}`).toBe(true);
        expect(english.safeParse("я".repeat(max! + 1)).success, `${record}.${field}`).toBe(false);
        expect(ZTranslations.safeParse({ ru: { [field]: "я".repeat(max!) } }).success, `${record}.${field}`).toBe(true);
        expect(ZTranslations.safeParse({ ru: { [field]: "я".repeat(max! + 1) } }).success, `${record}.${field}`).toBe(false);
      }
    }
    expect(ZTranslations.safeParse({ ru: { slug: "x" } }).success).toBe(false);
    expect(ZTranslations.safeParse({ kk: { title: "x" } }).success).toBe(false);
  });

  it("give the change list a kind for every field", () => {
    for (const record of RECORDS) {
      for (const [field, spec] of fieldsOf(record)) {
        const kind = RECORD_FIELDS[record][field]?.kind;
        if (spec.kind === "translations") expect(kind, `${record}.${field}`).toBe("other");
        else expect(kind, `${record}.${field}`).toMatch(/^(?!other$)/);
      }
    }
  });
});

describe("what is derived from the tables", () => {
  it("has fixtures that fill every field and translation of every record", () => {
    expect(unfilledFields(EVERY_FIELD_INCIDENTS.map(snapshotOf))).toEqual([]);
  });

  it("round-trips every field through the editor's form: snapshot → form → input → snapshot", () => {
    for (const incident of [...EVERY_FIELD_INCIDENTS, ...SEED_INCIDENTS]) {
      const snapshot = snapshotOf(incident);
      expect(roundTrip(snapshot), incident.slug).toEqual(snapshot);
      const checked = validateIncidentForm(snapshotToFormValue(snapshot));
      expect(checked.ok ? {} : checked.fieldIssues, incident.slug).toEqual({});
    }
  });

  it("gives the form exactly the fields of the tables, but the workflow's status and the period's own boxes", () => {
    const formFields = (record: RecordKind) =>
      fieldsOf(record)
        .filter(([field, spec]) => spec.group !== "workflow" && field !== "periodFromPhases")
        .map(([field]) => field)
        .sort();
    expect(Object.keys(emptyIncidentForm()).sort()).toEqual([...formFields("incident"), "endUnknown", "periodSetByHand"].sort());
    for (const list of ITEM_LISTS) {
      expect(Object.keys(emptyItem(list, "k")).sort(), list).toEqual(["key", ...formFields(RECORD_OF_LIST[list])].sort());
    }
  });

  it("shows every field of a filled record in the editor, and its translation beside every translatable one", () => {
    const form = snapshotToFormValue(snapshotOf(EVERY_FIELD_INCIDENTS[0]));
    const shown = new Set(formFieldPaths(form).map((path) => path.replace(/^(\w+)\.\d+\./, "$1.")));
    const listOf = Object.fromEntries(ITEM_LISTS.map((list) => [RECORD_OF_LIST[list], list]));
    for (const record of RECORDS) {
      const prefix = record === "incident" ? "" : `${listOf[record]}.`;
      for (const [field, spec] of fieldsOf(record)) {
        // The period follows its own rules (lib/incidents/period-form.ts); lists and translations are not fields of their own.
        if (spec.group === "workflow" || spec.group === "period" || spec.kind === "items" || spec.kind === "translations") continue;
        expect(shown, `${prefix}${field}`).toContain(`${prefix}${field}`);
        if (spec.translatable) expect(shown, `${prefix}${field} in Russian`).toContain(`${prefix}translations.ru.${field}`);
      }
    }
  });
});

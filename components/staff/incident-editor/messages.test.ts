import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { fieldIssue } from "@/lib/errors";
import { fieldsOf, translatableFieldsOf, type RecordKind } from "@/lib/incidents/fields";
import { MESSAGES } from "@/lib/i18n/messages";
import { describeIncidentIssue, FIELD_TABLES, incidentIssue, INCIDENT_ISSUES } from "@/lib/schemas/incident";
import enEditor from "@/messages/editor/en.json";

/**
 * What the editor's catalogues (messages/editor) must hold for the field
 * tables and the issue codes: adding a field or a code without its messages
 * fails here, in both languages.
 */

const LOCALES = ["en", "ru"] as const;
const RECORDS = Object.keys(FIELD_TABLES) as RecordKind[];

describe("the editor's messages", () => {
  it("have a message for every issue code, and none for a code that does not exist", () => {
    for (const locale of LOCALES) {
      const issues = MESSAGES[locale].IncidentIssues as Record<string, string>;
      expect(Object.keys(issues).sort(), locale).toEqual(Object.keys(INCIDENT_ISSUES).sort());
    }
  });

  it("show an issue's parameters, in the reader's language", () => {
    const ru = createTranslator({ locale: "ru", messages: MESSAGES.ru, namespace: "IncidentIssues" });
    const en = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "IncidentIssues" });
    expect(en("too_long", { maximum: 50_000 })).toBe("Use at most 50000 characters");
    expect(ru("unknown_operator", { value: "ghost-telecom" })).toContain("ghost-telecom");
  });

  it("label every field of every record, and every translated text", () => {
    for (const locale of LOCALES) {
      const fields = MESSAGES[locale].IncidentFields as unknown as Record<string, Record<string, string>>;
      for (const record of RECORDS) {
        for (const [field, spec] of fieldsOf(record)) {
          if (spec.kind === "translations") continue;
          expect(fields[record]?.[field], `${locale}: IncidentFields.${record}.${field}`).toBeTruthy();
        }
        for (const field of translatableFieldsOf(record)) expect(fields.translationField?.[field], `${locale}: translationField.${field}`).toBeTruthy();
      }
    }
  });

  it("give hints only to fields that exist", () => {
    const hints = enEditor.Editor.hints as Record<string, unknown>;
    for (const record of RECORDS) {
      for (const field of Object.keys((hints[record] ?? {}) as object)) {
        expect(fieldsOf(record).map(([name]) => name), `Editor.hints.${record}.${field}`).toContain(field);
      }
    }
  });
});

describe("issues in English, for importers and command lines", () => {
  it("fill in their parameters, and leave anything else as it is", () => {
    expect(describeIncidentIssue(incidentIssue("unknown_region", { value: "atlantis" }))).toBe('unknown region "atlantis"');
    expect(describeIncidentIssue(incidentIssue("end_before_start"))).toBe("the end is before the start");
    expect(describeIncidentIssue(fieldIssue("too_long", { maximum: 200 }))).toBe("Use at most 200 characters");
    expect(describeIncidentIssue("Too big: expected string to have <=200 characters")).toBe("Too big: expected string to have <=200 characters");
    expect(describeIncidentIssue("not_a_code")).toBe("not_a_code");
  });
});

"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { editorEntries, emptyChoiceOf, isRequiredField, translationPath, type EditorEntry, type EditorGroup } from "@/lib/incidents/editor-layout";
import { fieldSpec, TRANSLATION_LOCALES, translatableFieldsOf, type RecordKind } from "@/lib/incidents/fields";
import { getFormField } from "@/lib/incidents/form-path";
import { ENUMS, type EnumName, type FieldSpec } from "@/lib/schemas/incident";
import { useEditorFields } from "./editor-context";
import { CheckboxField, MultiSelectField, SelectField, TextAreaField, TextField } from "./fields";
import { useEnumLabel, useInLanguageLabel, useRecordFieldLabel } from "./labels";
import { PeriodFields } from "./period-fields";
import styles from "./incident-editor.module.css";

/**
 * A record's fields as the editor shows them, rendered from the field tables
 * (lib/incidents/editor-layout.ts): each field's input follows from its kind
 * — a line, prose, a Markdown document, an address, a day, an amount, a
 * choice, a list of choices, a reference — its label from
 * "IncidentFields.<record>.<field>" and its hint, if any, from
 * "Editor.hints.<record>.<field>". A translatable field of an item has its
 * translation beside it. The period is drawn by PeriodFields.
 */

/** Options for an enum's select, labelled from the message catalogue. */
export function useEnumOptions() {
  const enumLabel = useEnumLabel();
  return (enumName: EnumName) => Object.values(ENUMS[enumName]).map((value) => ({ value, label: enumLabel(enumName, value) }));
}

/** "Phase 2: Full cut", for choosing the phase a source supports. */
function usePhaseOptions() {
  const t = useTranslations("Editor");
  const { form } = useEditorFields();
  return form.phases.map((phase, index) => ({
    value: phase.key,
    label: t("phaseOption", { number: index + 1, label: phase.label.trim() || t("untitled") }),
  }));
}

/** "Source 3: Report (Publisher)", for choosing sources. */
function useSourceOptions() {
  const t = useTranslations("Editor");
  const { form } = useEditorFields();
  return form.sources.map((source, index) => ({
    value: source.key,
    label: t("sourceOption", { number: index + 1, label: source.title.trim() || source.url.trim() || source.publisher.trim() || t("untitled") }),
  }));
}

type FieldProps = { record: RecordKind; field: string; spec: FieldSpec; path: string; label: string; hint?: ReactNode };

function ReferenceField({ spec, path, label, hint }: FieldProps) {
  const t = useTranslations("Editor");
  const { operators, regions } = useEditorFields();
  const phases = usePhaseOptions();
  const sources = useSourceOptions();
  const options = { operator: operators, region: regions }[spec.to as "operator" | "region"]?.map((o) => ({ value: o.slug, label: o.name })) ?? (spec.to === "phase" ? phases : sources);
  if (spec.kind === "referenceList") {
    const listHint = hint ?? (spec.to === "source" && options.length === 0 ? t("hints.noSourcesYet") : undefined);
    return <MultiSelectField path={path} label={label} options={options} hint={listHint} filterable={spec.to === "region" ? true : undefined} />;
  }
  const empty = emptyChoiceOf(spec) === "choose" ? t("choose") : spec.to === "phase" ? t("noPhase") : t("noSource");
  return <SelectField path={path} label={label} options={options} emptyLabel={empty} hint={hint} required={isRequiredField(spec)} />;
}

function ChoiceField({ spec, path, label, hint }: FieldProps) {
  const t = useTranslations("Editor");
  const enumOptions = useEnumOptions();
  const options = enumOptions(spec.enumName!);
  if (spec.kind === "enumList") return <MultiSelectField path={path} label={label} options={options} hint={hint} filterable={false} />;
  const empty = emptyChoiceOf(spec);
  return (
    <SelectField
      path={path}
      label={label}
      options={options}
      emptyLabel={empty === "choose" ? t("choose") : empty === "none" ? t("notRecorded") : undefined}
      hint={hint}
      required={isRequiredField(spec)}
    />
  );
}

/** One field's input, chosen by its kind. `lang` marks a translation. */
function FieldInput(props: FieldProps & { lang?: string }) {
  const { spec, path, label, hint, lang } = props;
  const required = lang === undefined && isRequiredField(spec);
  switch (spec.kind) {
    case "longText":
      return <TextAreaField path={path} label={label} hint={hint} required={required} lang={lang} />;
    case "markdown":
      return <TextAreaField path={path} label={label} hint={hint} required={required} lang={lang} rows={12} code />;
    case "url":
      return <TextField path={path} label={label} hint={hint} required={required} type="url" inputMode="url" spellCheck={false} wide />;
    case "calendarDate":
      return <TextField path={path} label={label} hint={hint} required={required} type="date" />;
    case "usd":
      return <TextField path={path} label={label} hint={hint} required={required} inputMode="numeric" />;
    case "boolean":
      return <CheckboxField path={path} label={label} hint={hint} />;
    case "enum":
    case "enumList":
      return <ChoiceField {...props} />;
    case "reference":
    case "referenceList":
      return <ReferenceField {...props} />;
    case "slug":
      return <TextField path={path} label={label} hint={hint} required={required} spellCheck={false} />;
    default:
      // A line of text: a name of others is short, anything else takes the row.
      return <TextField path={path} label={label} hint={hint} required={required} lang={lang} wide={spec.translatable !== "name"} />;
  }
}

/** A field, and beside it (for an item) its translation into each language. */
function RecordField({ record, field, spec, prefix }: { record: RecordKind; field: string; spec: FieldSpec; prefix: string }) {
  const t = useTranslations("Editor");
  const fieldLabel = useRecordFieldLabel();
  const inLanguage = useInLanguageLabel();
  const { form } = useEditorFields();
  const values = (prefix === "" ? form : getFormField(form, prefix.slice(0, -1))) as Record<string, unknown>;
  if (spec.shownWhen && values[spec.shownWhen.field] !== spec.shownWhen.equals) return null;
  const label = fieldLabel(record, field);
  const hintKey = `hints.${record}.${field}`;
  const beside = record !== "incident" && spec.translatable ? TRANSLATION_LOCALES : [];
  return (
    <>
      <FieldInput record={record} field={field} spec={spec} path={`${prefix}${field}`} label={label} hint={t.has(hintKey) ? t(hintKey) : undefined} />
      {beside.map((locale) => (
        <FieldInput key={locale} record={record} field={field} spec={spec} path={`${prefix}${translationPath(field, locale)}`} label={inLanguage(label, locale)} lang={locale} />
      ))}
    </>
  );
}

/**
 * A record's fields in the editor's order, in grids; the period, where the
 * record has one, is drawn between them. `prefix` is "" for the incident and
 * "phases.N." for an item; the incident's fields are those of one group.
 */
export function RecordFields({ record, prefix, group }: { record: RecordKind; prefix: string; group?: EditorGroup }) {
  const runs: EditorEntry[][] = [];
  for (const entry of editorEntries(record, group)) {
    if (entry.kind === "period" || runs.at(-1)?.[0]?.kind !== "field") runs.push([entry]);
    else runs.at(-1)!.push(entry);
  }
  return runs.map((run, index) =>
    run[0]!.kind === "period" ? (
      <PeriodFields key={index} prefix={prefix} record={record === "incident" ? "incident" : "phase"} />
    ) : (
      <div key={index} className={styles.fieldGrid}>
        {run.map((entry) =>
          entry.kind === "field" ? <RecordField key={entry.field} record={record} field={entry.field} spec={entry.spec} prefix={prefix} /> : null,
        )}
      </div>
    ),
  );
}

/** The incident's translatable texts in one language, as one grid (its items' translations sit beside their fields). */
export function IncidentTranslationFields({ locale }: { locale: string }) {
  const fieldLabel = useRecordFieldLabel();
  const inLanguage = useInLanguageLabel();
  return (
    <div className={styles.fieldGrid}>
      {translatableFieldsOf("incident").map((field) => (
        <FieldInput
          key={field}
          record="incident"
          field={field}
          spec={fieldSpec("incident", field)!}
          path={translationPath(field, locale)}
          label={inLanguage(fieldLabel("incident", field), locale)}
          lang={locale}
        />
      ))}
    </div>
  );
}

"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { AffectedService, DisruptionType, GovernmentJustification, IncidentCause, IncidentScope, VerificationLevel } from "@/lib/generated/prisma/enums";
import type { EnumName } from "@/lib/incidents/diff-paths";
import { useEditorFields } from "./editor-context";
import { MultiSelectField, SelectField, TextAreaField, TextField } from "./fields";
import { useEnumLabel, useInLanguageLabel, useRecordFieldLabel } from "./labels";
import { PeriodFields } from "./period-fields";
import styles from "./incident-editor.module.css";

/** A group of fields: a fieldset whose legend is a heading, so it is both a named group and a landmark to jump to. */
export function FieldGroup({ id, title, hint, children }: { id: string; title: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <fieldset id={id} className={styles.group}>
      <legend className={styles.groupLegend}>
        <h2>{title}</h2>
      </legend>
      {hint ? <p className={styles.groupHint}>{hint}</p> : null}
      {children}
    </fieldset>
  );
}

/** Options for an enum's select, labelled from the message catalogue. */
export function useEnumOptions() {
  const enumLabel = useEnumLabel();
  return (enumName: EnumName, values: Record<string, string>) => Object.values(values).map((value) => ({ value, label: enumLabel(enumName, value) }));
}

export function BasicsGroup() {
  const t = useTranslations("Editor");
  const label = useRecordFieldLabel();
  const enumOptions = useEnumOptions();
  return (
    <FieldGroup id="group-basics" title={t("groups.basics")}>
      <div className={styles.fieldGrid}>
        <TextField path="title" label={label("incident", "title")} required wide />
        <TextField path="slug" label={label("incident", "slug")} hint={t("hints.slug")} required spellCheck={false} />
        <SelectField path="verification" label={label("incident", "verification")} options={enumOptions("VerificationLevel", VerificationLevel)} required />
        <TextAreaField path="summary" label={label("incident", "summary")} hint={t("hints.summary")} required />
        <TextAreaField path="body" label={label("incident", "body")} hint={t("hints.body")} rows={12} code />
      </div>
    </FieldGroup>
  );
}

export function PeriodGroup() {
  const t = useTranslations("Editor");
  return (
    <FieldGroup id="group-period" title={t("groups.period")} hint={t("hints.period")}>
      <PeriodFields prefix="" record="incident" />
    </FieldGroup>
  );
}

export function DisruptionGroup() {
  const t = useTranslations("Editor");
  const label = useRecordFieldLabel();
  const enumOptions = useEnumOptions();
  const { operators, regions } = useEditorFields();
  return (
    <FieldGroup id="group-disruption" title={t("groups.disruption")}>
      <div className={styles.fieldGrid}>
        <SelectField path="scope" label={label("incident", "scope")} hint={t("hints.scope")} options={enumOptions("IncidentScope", IncidentScope)} emptyLabel={t("choose")} required />
        <SelectField path="type" label={label("incident", "type")} options={enumOptions("DisruptionType", DisruptionType)} emptyLabel={t("choose")} required />
        <MultiSelectField path="services" label={label("incident", "services")} options={enumOptions("AffectedService", AffectedService)} filterable={false} />
        <TextField path="servicesOther" label={label("incident", "servicesOther")} hint={t("hints.servicesOther")} wide />
        <MultiSelectField path="operators" label={label("incident", "operators")} options={operators.map((o) => ({ value: o.slug, label: o.name }))} />
        <MultiSelectField path="regions" label={label("incident", "regions")} options={regions.map((r) => ({ value: r.slug, label: r.name }))} hint={t("hints.regions")} filterable />
      </div>
    </FieldGroup>
  );
}

export function ContextGroup() {
  const t = useTranslations("Editor");
  const label = useRecordFieldLabel();
  const enumOptions = useEnumOptions();
  return (
    <FieldGroup id="group-context" title={t("groups.context")}>
      <div className={styles.fieldGrid}>
        <SelectField path="cause" label={label("incident", "cause")} options={enumOptions("IncidentCause", IncidentCause)} emptyLabel={t("choose")} required />
        <TextAreaField path="causeDetails" label={label("incident", "causeDetails")} />
        <SelectField
          path="govJustification"
          label={label("incident", "govJustification")}
          options={enumOptions("GovernmentJustification", GovernmentJustification)}
          emptyLabel={t("notRecorded")}
        />
        <TextAreaField path="govJustificationDetails" label={label("incident", "govJustificationDetails")} />
        <TextAreaField path="legalBasis" label={label("incident", "legalBasis")} hint={t("hints.legalBasis")} />
      </div>
    </FieldGroup>
  );
}

export function RussianGroup() {
  const t = useTranslations("Editor");
  const label = useRecordFieldLabel();
  const inLanguage = useInLanguageLabel();
  const ru = (field: string) => inLanguage(label("incident", field), "ru");
  return (
    <FieldGroup id="group-russian" title={t("groups.russian")} hint={t("hints.russian")}>
      <div className={styles.fieldGrid}>
        <TextField path="translations.ru.title" label={ru("title")} lang="ru" wide />
        <TextAreaField path="translations.ru.summary" label={ru("summary")} lang="ru" />
        <TextAreaField path="translations.ru.body" label={ru("body")} lang="ru" rows={12} code />
        <TextField path="translations.ru.servicesOther" label={ru("servicesOther")} lang="ru" wide />
        <TextAreaField path="translations.ru.causeDetails" label={ru("causeDetails")} lang="ru" />
        <TextAreaField path="translations.ru.govJustificationDetails" label={ru("govJustificationDetails")} lang="ru" />
        <TextAreaField path="translations.ru.legalBasis" label={ru("legalBasis")} lang="ru" />
      </div>
    </FieldGroup>
  );
}

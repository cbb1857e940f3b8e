"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { EDITOR_GROUPS } from "@/lib/incidents/editor-layout";
import { TRANSLATION_LOCALES } from "@/lib/incidents/fields";
import { IncidentTranslationFields, RecordFields } from "./record-fields";
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

/**
 * The incident's own fields: its groups (basics, period, what was disrupted,
 * context), then its texts in each other language. A group's title is
 * "Editor.groups.<group>", its hint, if any, "Editor.groupHints.<group>".
 */
export function IncidentGroups() {
  const t = useTranslations("Editor");
  const hint = (key: string) => (t.has(`groupHints.${key}`) ? t(`groupHints.${key}`) : undefined);
  return (
    <>
      {EDITOR_GROUPS.map((group) => (
        <FieldGroup key={group} id={`group-${group}`} title={t(`groups.${group}`)} hint={hint(group)}>
          <RecordFields record="incident" prefix="" group={group} />
        </FieldGroup>
      ))}
      {TRANSLATION_LOCALES.map((locale) => (
        <FieldGroup key={locale} id={`group-translations-${locale}`} title={t(`groups.translations.${locale}`)} hint={hint(`translations.${locale}`)}>
          <IncidentTranslationFields locale={locale} />
        </FieldGroup>
      ))}
    </>
  );
}

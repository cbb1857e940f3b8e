"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { AffectedService, DiscrepancyTopic, DisruptionType, PhaseExtent, SourceKind, StatementParty } from "@/lib/generated/prisma/enums";
import type { ItemListName } from "@/lib/incidents/diff-paths";
import { useEditorFields } from "./editor-context";
import { CheckboxField, MultiSelectField, SelectField, TextAreaField, TextField } from "./fields";
import { useEnumOptions } from "./incident-sections";
import { useInLanguageLabel, useRecordFieldLabel } from "./labels";
import { PeriodFields } from "./period-fields";
import styles from "./incident-editor.module.css";

/** What a list section asks the editor to do; the editor keeps references right and moves focus. */
export type ListActions = {
  add: (list: ItemListName) => void;
  remove: (list: ItemListName, key: string) => void;
  move: (list: ItemListName, key: string, offset: -1 | 1) => void;
};

/** DOM ids of the controls focus moves to after list changes. */
export const listIds = {
  item: (list: ItemListName, key: string) => `item-${list}-${key}`,
  add: (list: ItemListName) => `add-${list}`,
  moveUp: (key: string) => `move-up-${key}`,
  moveDown: (key: string) => `move-down-${key}`,
};

/** The first field of a new item, which receives focus when it is added. */
export const FIRST_FIELD: Record<ItemListName, string> = {
  phases: "label",
  sources: "kind",
  acknowledgements: "party",
  impactEstimates: "lowUsd",
  discrepancies: "topic",
};

/**
 * A list of items (phases, sources…): each item is a fieldset named "Phase 2"
 * with buttons to move it up or down and to remove it, followed by a button to
 * add another.
 */
function ListSection({
  list,
  actions,
  renderItem,
}: {
  list: ItemListName;
  actions: ListActions;
  renderItem: (index: number) => ReactNode;
}) {
  const t = useTranslations("Editor");
  const { form } = useEditorFields();
  const items = form[list] as { key: string }[];
  const headingId = `heading-${list}`;
  return (
    <section aria-labelledby={headingId} className={styles.listSection}>
      <h2 id={headingId}>{t(`lists.${list}.title`)}</h2>
      <p className={styles.groupHint}>{t(`lists.${list}.hint`)}</p>
      {items.length === 0 ? <p className={styles.emptyList}>{t(`lists.${list}.empty`)}</p> : null}
      <ol className={styles.items}>
        {items.map((item, index) => {
          const number = index + 1;
          return (
            <li key={item.key}>
              <fieldset id={listIds.item(list, item.key)} tabIndex={-1} className={styles.item}>
                <legend className={styles.itemLegend}>{t(`lists.${list}.legend`, { number })}</legend>
                <div className={styles.itemActions}>
                  <button
                    type="button"
                    id={listIds.moveUp(item.key)}
                    className={styles.iconButton}
                    aria-label={t(`lists.${list}.moveUp`, { number })}
                    title={t(`lists.${list}.moveUp`, { number })}
                    disabled={index === 0}
                    onClick={() => actions.move(list, item.key, -1)}
                  >
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button
                    type="button"
                    id={listIds.moveDown(item.key)}
                    className={styles.iconButton}
                    aria-label={t(`lists.${list}.moveDown`, { number })}
                    title={t(`lists.${list}.moveDown`, { number })}
                    disabled={index === items.length - 1}
                    onClick={() => actions.move(list, item.key, 1)}
                  >
                    <span aria-hidden="true">↓</span>
                  </button>
                  <button type="button" className={styles.removeButton} onClick={() => actions.remove(list, item.key)}>
                    {t(`lists.${list}.remove`, { number })}
                  </button>
                </div>
                {renderItem(index)}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" id={listIds.add(list)} className="button button--secondary" onClick={() => actions.add(list)}>
        {t(`lists.${list}.add`)}
      </button>
    </section>
  );
}

function useItemLabels(record: "phase" | "source" | "acknowledgement" | "impactEstimate" | "discrepancy") {
  const label = useRecordFieldLabel();
  const inLanguage = useInLanguageLabel();
  return {
    label: (field: string) => label(record, field),
    russian: (field: string) => inLanguage(label(record, field), "ru"),
  };
}

function PhaseFields({ index }: { index: number }) {
  const t = useTranslations("Editor");
  const { label, russian } = useItemLabels("phase");
  const enumOptions = useEnumOptions();
  const { operators, regions } = useEditorFields();
  const p = (field: string) => `phases.${index}.${field}`;
  return (
    <>
      <div className={styles.fieldGrid}>
        <TextField path={p("label")} label={label("label")} hint={t("hints.phaseLabel")} required wide />
        <TextField path={p("translations.ru.label")} label={russian("label")} lang="ru" wide />
        <TextAreaField path={p("description")} label={label("description")} />
        <TextAreaField path={p("translations.ru.description")} label={russian("description")} lang="ru" />
        <SelectField path={p("type")} label={label("type")} options={enumOptions("DisruptionType", DisruptionType)} emptyLabel={t("choose")} required />
        <SelectField path={p("extent")} label={label("extent")} options={enumOptions("PhaseExtent", PhaseExtent)} required />
      </div>
      <PeriodFields prefix={p("")} record="phase" />
      <div className={styles.fieldGrid}>
        <MultiSelectField path={p("services")} label={label("services")} options={enumOptions("AffectedService", AffectedService)} filterable={false} />
        <CheckboxField path={p("allOperators")} label={label("allOperators")} hint={t("hints.allOperators")} />
        <MultiSelectField path={p("operators")} label={label("operators")} options={operators.map((o) => ({ value: o.slug, label: o.name }))} />
        <MultiSelectField path={p("regions")} label={label("regions")} options={regions.map((r) => ({ value: r.slug, label: r.name }))} filterable />
      </div>
    </>
  );
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

function SourceFields({ index }: { index: number }) {
  const t = useTranslations("Editor");
  const { label, russian } = useItemLabels("source");
  const enumOptions = useEnumOptions();
  const phaseOptions = usePhaseOptions();
  const p = (field: string) => `sources.${index}.${field}`;
  return (
    <div className={styles.fieldGrid}>
      <SelectField path={p("kind")} label={label("kind")} options={enumOptions("SourceKind", SourceKind)} emptyLabel={t("choose")} required />
      <TextField path={p("publisher")} label={label("publisher")} required />
      <TextField path={p("translations.ru.publisher")} label={russian("publisher")} lang="ru" />
      <TextField path={p("url")} label={label("url")} type="url" inputMode="url" spellCheck={false} hint={t("hints.url")} required wide />
      <TextField path={p("title")} label={label("title")} hint={t("hints.sourceTitle")} wide />
      <TextField path={p("publishedOn")} label={label("publishedOn")} type="date" />
      <SelectField path={p("phase")} label={label("phase")} options={phaseOptions} emptyLabel={t("noPhase")} hint={t("hints.sourcePhase")} />
      <TextField path={p("archivedUrl")} label={label("archivedUrl")} type="url" inputMode="url" spellCheck={false} hint={t("hints.archivedUrl")} wide />
      <TextAreaField path={p("quote")} label={label("quote")} hint={t("hints.quote")} />
      <TextAreaField path={p("note")} label={label("note")} />
      <TextAreaField path={p("translations.ru.note")} label={russian("note")} lang="ru" />
    </div>
  );
}

function AcknowledgementFields({ index }: { index: number }) {
  const t = useTranslations("Editor");
  const { label, russian } = useItemLabels("acknowledgement");
  const enumOptions = useEnumOptions();
  const { form, operators } = useEditorFields();
  const p = (field: string) => `acknowledgements.${index}.${field}`;
  const isOperator = form.acknowledgements[index]?.party === "OPERATOR";
  return (
    <div className={styles.fieldGrid}>
      <SelectField path={p("party")} label={label("party")} options={enumOptions("StatementParty", StatementParty)} emptyLabel={t("choose")} required />
      {isOperator ? (
        <SelectField
          path={p("operator")}
          label={label("operator")}
          options={operators.map((o) => ({ value: o.slug, label: o.name }))}
          emptyLabel={t("choose")}
          required
        />
      ) : null}
      <TextField path={p("madeOn")} label={label("madeOn")} type="date" />
      <TextAreaField path={p("statement")} label={label("statement")} hint={t("hints.statement")} required />
      <TextAreaField path={p("translations.ru.statement")} label={russian("statement")} lang="ru" />
      <TextAreaField path={p("quote")} label={label("quote")} hint={t("hints.quote")} />
      <TextField path={p("sourceUrl")} label={label("sourceUrl")} type="url" inputMode="url" spellCheck={false} wide />
    </div>
  );
}

function ImpactEstimateFields({ index }: { index: number }) {
  const t = useTranslations("Editor");
  const { label, russian } = useItemLabels("impactEstimate");
  const sourceOptions = useSourceOptions();
  const p = (field: string) => `impactEstimates.${index}.${field}`;
  return (
    <div className={styles.fieldGrid}>
      <TextField path={p("lowUsd")} label={label("lowUsd")} inputMode="numeric" hint={t("hints.amount")} />
      <TextField path={p("highUsd")} label={label("highUsd")} inputMode="numeric" hint={t("hints.amount")} />
      <TextField path={p("estimatedBy")} label={label("estimatedBy")} required />
      <TextField path={p("translations.ru.estimatedBy")} label={russian("estimatedBy")} lang="ru" />
      <SelectField path={p("source")} label={label("source")} options={sourceOptions} emptyLabel={t("noSource")} />
      <TextAreaField path={p("note")} label={label("note")} />
      <TextAreaField path={p("translations.ru.note")} label={russian("note")} lang="ru" />
    </div>
  );
}

function DiscrepancyFields({ index }: { index: number }) {
  const t = useTranslations("Editor");
  const { label, russian } = useItemLabels("discrepancy");
  const enumOptions = useEnumOptions();
  const sourceOptions = useSourceOptions();
  const p = (field: string) => `discrepancies.${index}.${field}`;
  return (
    <div className={styles.fieldGrid}>
      <SelectField path={p("topic")} label={label("topic")} options={enumOptions("DiscrepancyTopic", DiscrepancyTopic)} emptyLabel={t("choose")} required />
      <TextAreaField path={p("description")} label={label("description")} required />
      <TextAreaField path={p("translations.ru.description")} label={russian("description")} lang="ru" />
      <TextAreaField path={p("resolution")} label={label("resolution")} hint={t("hints.resolution")} />
      <TextAreaField path={p("translations.ru.resolution")} label={russian("resolution")} lang="ru" />
      <MultiSelectField path={p("sources")} label={label("sources")} options={sourceOptions} hint={sourceOptions.length === 0 ? t("hints.noSourcesYet") : undefined} />
    </div>
  );
}

export function PhasesSection({ actions }: { actions: ListActions }) {
  return <ListSection list="phases" actions={actions} renderItem={(index) => <PhaseFields index={index} />} />;
}

export function SourcesSection({ actions }: { actions: ListActions }) {
  return <ListSection list="sources" actions={actions} renderItem={(index) => <SourceFields index={index} />} />;
}

export function AcknowledgementsSection({ actions }: { actions: ListActions }) {
  return <ListSection list="acknowledgements" actions={actions} renderItem={(index) => <AcknowledgementFields index={index} />} />;
}

export function ImpactEstimatesSection({ actions }: { actions: ListActions }) {
  return <ListSection list="impactEstimates" actions={actions} renderItem={(index) => <ImpactEstimateFields index={index} />} />;
}

export function DiscrepanciesSection({ actions }: { actions: ListActions }) {
  return <ListSection list="discrepancies" actions={actions} renderItem={(index) => <DiscrepancyFields index={index} />} />;
}

"use client";

import { useTranslations } from "next-intl";
import type { HTMLInputTypeAttribute, ReactNode } from "react";
import { MultiSelect, type MultiSelectOption } from "@/components/ui/multi-select";
import { useField } from "./editor-context";
import styles from "./incident-editor.module.css";

/**
 * The editor's inputs. Each is named and identified by its field path
 * (name="phases.0.label", id="field-phases.0.label"), labelled, and linked to
 * its hint and errors with aria-describedby; an input with errors has
 * aria-invalid. Issues appear between the label and the input.
 */

type FieldProps = {
  path: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  /** Language of the value ("ru" for translations). */
  lang?: string;
  /** Ids of further descriptions (e.g. the UTC equivalent of a date). */
  describedBy?: string;
  /** Span the whole row of the grid. */
  wide?: boolean;
};

export const joinIds = (...ids: (string | false | null | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

function RequiredMark() {
  return (
    <span className={styles.requiredMark} aria-hidden="true">
      {" *"}
    </span>
  );
}

/** A field's label. The required mark sits outside the <label>, so the field's name is exactly its label text. */
export function FieldLabel({ htmlFor, label, required }: { htmlFor: string; label: string; required?: boolean }) {
  return (
    <span className={styles.labelRow}>
      <label htmlFor={htmlFor}>
        {label}
      </label>
      {required ? <RequiredMark /> : null}
    </span>
  );
}

/** A field's hint and errors, with the ids aria-describedby points at. */
export function FieldMessages({ hint, hintId, issues, errorId }: { hint?: ReactNode; hintId: string; issues: string[]; errorId: string }) {
  const t = useTranslations("Editor");
  return (
    <>
      {hint ? (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      {issues.length > 0 ? (
        <p id={errorId} className={styles.error}>
          <span className="visually-hidden">{t("errorPrefix")} </span>
          {issues.map((issue, index) => (
            <span key={index} className={styles.errorLine}>
              {issue}
            </span>
          ))}
        </p>
      ) : null}
    </>
  );
}

const fieldClass = (wide?: boolean) => (wide ? `${styles.field} ${styles.wide}` : styles.field);

export function TextField({
  path,
  label,
  hint,
  required,
  lang,
  describedBy,
  wide,
  type = "text",
  inputMode,
  autoComplete = "off",
  spellCheck,
  after,
}: FieldProps & {
  type?: HTMLInputTypeAttribute;
  inputMode?: "text" | "numeric" | "url" | "decimal";
  autoComplete?: string;
  spellCheck?: boolean;
  /** Shown under the input (e.g. the UTC equivalent of a time). */
  after?: ReactNode;
}) {
  const field = useField(path);
  return (
    <div className={fieldClass(wide)}>
      <FieldLabel htmlFor={field.id} label={label} required={required} />
      <FieldMessages hint={hint} hintId={field.hintId} issues={field.issues} errorId={field.errorId} />
      <input
        id={field.id}
        name={field.name}
        type={type}
        value={typeof field.value === "string" ? field.value : ""}
        onChange={(event) => field.setValue(event.target.value)}
        onBlur={field.onBlur}
        required={required}
        aria-invalid={field.invalid || undefined}
        aria-describedby={joinIds(Boolean(hint) && field.hintId, field.invalid && field.errorId, describedBy)}
        lang={lang}
        inputMode={inputMode}
        autoComplete={autoComplete}
        spellCheck={spellCheck}
        className={styles.input}
      />
      {after}
    </div>
  );
}

export function TextAreaField({ path, label, hint, required, lang, describedBy, wide = true, rows = 3, code }: FieldProps & { rows?: number; code?: boolean }) {
  const field = useField(path);
  return (
    <div className={fieldClass(wide)}>
      <FieldLabel htmlFor={field.id} label={label} required={required} />
      <FieldMessages hint={hint} hintId={field.hintId} issues={field.issues} errorId={field.errorId} />
      <textarea
        id={field.id}
        name={field.name}
        rows={rows}
        value={typeof field.value === "string" ? field.value : ""}
        onChange={(event) => field.setValue(event.target.value)}
        onBlur={field.onBlur}
        required={required}
        aria-invalid={field.invalid || undefined}
        aria-describedby={joinIds(Boolean(hint) && field.hintId, field.invalid && field.errorId, describedBy)}
        lang={lang}
        className={code ? `${styles.input} ${styles.code}` : styles.input}
      />
    </div>
  );
}

export type SelectOption = { value: string; label: string };

export function SelectField({
  path,
  label,
  hint,
  required,
  describedBy,
  wide,
  options,
  emptyLabel,
}: FieldProps & {
  options: SelectOption[];
  /** The label of the empty choice; without it there is none. */
  emptyLabel?: string;
}) {
  const field = useField(path);
  const value = typeof field.value === "string" ? field.value : "";
  // A stored value the options do not know (a removed operator) stays visible rather than silently changing.
  const known = value === "" || options.some((option) => option.value === value);
  return (
    <div className={fieldClass(wide)}>
      <FieldLabel htmlFor={field.id} label={label} required={required} />
      <FieldMessages hint={hint} hintId={field.hintId} issues={field.issues} errorId={field.errorId} />
      <select
        id={field.id}
        name={field.name}
        value={value}
        onChange={(event) => field.setValue(event.target.value)}
        onBlur={field.onBlur}
        required={required}
        aria-invalid={field.invalid || undefined}
        aria-describedby={joinIds(Boolean(hint) && field.hintId, field.invalid && field.errorId, describedBy)}
        className={styles.input}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {known ? null : <option value={value}>{value}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckboxField({ path, label, hint, describedBy }: Omit<FieldProps, "required" | "lang" | "wide">) {
  const field = useField(path);
  return (
    <div className={`${styles.field} ${styles.wide}`}>
      <div className={styles.checkbox}>
        <input
          id={field.id}
          name={field.name}
          type="checkbox"
          checked={field.value === true}
          onChange={(event) => field.setValue(event.target.checked)}
          onBlur={field.onBlur}
          aria-invalid={field.invalid || undefined}
          aria-describedby={joinIds(Boolean(hint) && field.hintId, field.invalid && field.errorId, describedBy)}
        />
        <label htmlFor={field.id}>{label}</label>
      </div>
      <FieldMessages hint={hint} hintId={field.hintId} issues={field.issues} errorId={field.errorId} />
    </div>
  );
}

/** A multi-select bound to a list field (services, operators, regions, a discrepancy's sources). */
export function MultiSelectField({
  path,
  label,
  hint,
  required,
  options,
  filterable,
  lang,
}: Omit<FieldProps, "wide" | "describedBy"> & { options: MultiSelectOption[]; filterable?: boolean }) {
  const field = useField(path);
  const selected = Array.isArray(field.value) ? (field.value as string[]) : [];
  // Chosen values the options do not list (a removed operator) are still shown, so they can be unticked.
  const missing = selected.filter((value) => !options.some((option) => option.value === value)).map((value) => ({ value, label: value }));
  return (
    <div className={`${styles.field} ${styles.wide}`}>
      <MultiSelect
        id={field.id}
        name={field.name}
        label={
          <>
            {label}
            {required ? <RequiredMark /> : null}
          </>
        }
        labelText={label}
        options={[...options, ...missing]}
        selected={selected}
        onChange={field.setValue}
        onBlur={field.onBlur}
        describedBy={joinIds(Boolean(hint) && field.hintId, field.invalid && field.errorId)}
        filterable={filterable}
        invalid={field.invalid}
        lang={lang}
      >
        <FieldMessages hint={hint} hintId={field.hintId} issues={field.issues} errorId={field.errorId} />
      </MultiSelect>
    </div>
  );
}

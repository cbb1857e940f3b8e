"use client";

import { useTranslations } from "next-intl";
import { useId, useMemo, useRef, useState, type FocusEvent, type ReactNode } from "react";
import styles from "./multi-select.module.css";

export type MultiSelectOption = { value: string; label: string };

export type MultiSelectProps = {
  /** Id of the group (a fieldset), e.g. for error-summary links; option ids are derived from it. */
  id: string;
  /** The checkboxes' name: one entry per chosen value, as in a native form. */
  name: string;
  /** The group's visible name (its legend). */
  label: ReactNode;
  /** The group's name as plain text, for the filter's label. */
  labelText: string;
  options: MultiSelectOption[];
  selected: string[];
  onChange: (selected: string[]) => void;
  /** Called when focus leaves the whole group. */
  onBlur?: () => void;
  /** Ids of hints or errors that describe the group. */
  describedBy?: string;
  /** Show a filter box. Default: when there are more than eight options. */
  filterable?: boolean;
  /** Marks the group as holding an error (styling; the message is linked through describedBy). */
  invalid?: boolean;
  /** Language of the option labels, when it differs from the page's. */
  lang?: string;
  children?: ReactNode;
};

/**
 * Choose any number of options from a list of checkboxes, with an optional
 * filter box. Native checkboxes keep it usable with a keyboard (Tab, Space)
 * and screen readers; the group is a fieldset named by its legend, and a
 * polite status line announces how many are chosen and which.
 * Options filtered out stay chosen.
 */
export function MultiSelect({
  id,
  name,
  label,
  labelText,
  options,
  selected,
  onChange,
  onBlur,
  describedBy,
  filterable,
  invalid,
  lang,
  children,
}: MultiSelectProps) {
  const t = useTranslations("MultiSelect");
  const [query, setQuery] = useState("");
  const groupRef = useRef<HTMLFieldSetElement>(null);
  const localId = useId();
  const countId = `${localId}-count`;
  const listId = `${localId}-options`;
  const showFilter = filterable ?? options.length > 8;
  const selectedSet = new Set(selected);

  const visible = useMemo(() => {
    const needle = query.trim().toLocaleLowerCase();
    if (!needle) return options;
    return options.filter((option) => option.label.toLocaleLowerCase().includes(needle) || option.value.toLocaleLowerCase().includes(needle));
  }, [options, query]);

  const toggle = (value: string, checked: boolean) => {
    // Keep the options' order, whatever order they were ticked in.
    const next = new Set(selected);
    if (checked) next.add(value);
    else next.delete(value);
    const known = options.map((option) => option.value).filter((value) => next.has(value));
    const unknown = selected.filter((value) => next.has(value) && !options.some((option) => option.value === value));
    onChange([...known, ...unknown]);
  };

  const handleBlur = (event: FocusEvent<HTMLFieldSetElement>) => {
    if (!onBlur) return;
    const next = event.relatedTarget as Node | null;
    if (!next || !event.currentTarget.contains(next)) onBlur();
  };

  const chosenLabels = options.filter((option) => selectedSet.has(option.value)).map((option) => option.label);
  const describedByIds = [countId, describedBy].filter(Boolean).join(" ");

  return (
    <fieldset ref={groupRef} id={id} tabIndex={-1} className={styles.group} aria-describedby={describedByIds} data-invalid={invalid || undefined} onBlur={handleBlur}>
      <legend className={styles.legend}>{label}</legend>
      {children}
      {showFilter ? (
        <div className={styles.filter}>
          <label htmlFor={`${localId}-filter`}>{t("filter", { label: labelText })}</label>
          <input
            id={`${localId}-filter`}
            type="search"
            value={query}
            autoComplete="off"
            aria-controls={listId}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              // Enter in the filter must not submit the surrounding form.
              if (event.key === "Enter") event.preventDefault();
              if (event.key === "Escape" && query) {
                event.preventDefault();
                setQuery("");
              }
            }}
          />
        </div>
      ) : null}
      <ul id={listId} className={showFilter ? `${styles.options} ${styles.scrolling}` : styles.options} lang={lang}>
        {visible.map((option) => {
          const optionId = `${id}--${option.value}`;
          return (
            <li key={option.value}>
              <input
                id={optionId}
                type="checkbox"
                name={name}
                value={option.value}
                checked={selectedSet.has(option.value)}
                onChange={(event) => toggle(option.value, event.target.checked)}
              />
              <label htmlFor={optionId}>{option.label}</label>
            </li>
          );
        })}
      </ul>
      {showFilter && visible.length === 0 ? <p className={styles.noMatches}>{t("noMatches", { query: query.trim() })}</p> : null}
      <p id={countId} className={styles.count} role="status" aria-live="polite">
        {chosenLabels.length > 0 ? t("selectedWithNames", { count: selected.length, names: chosenLabels.join(", ") }) : t("selected", { count: selected.length })}
      </p>
      {selected.length > 0 ? (
        <button
          type="button"
          className={styles.clear}
          onClick={() => {
            onChange([]);
            // The button disappears with the selection; keep focus in the group.
            groupRef.current?.focus();
          }}
        >
          {t("clear", { label: labelText })}
        </button>
      ) : null}
    </fieldset>
  );
}

"use client";

import { useTranslations } from "next-intl";
import type { SelectHTMLAttributes } from "react";
import styles from "./auth.module.css";

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name"> & {
  id: string;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  issues?: string[];
};

/** A labelled select whose errors are announced with it. */
export function SelectField({ id, name, label, options, issues = [], ...select }: Props) {
  const t = useTranslations("UserIssues");
  const errorId = issues.length > 0 ? `${id}-error` : undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} aria-invalid={errorId ? true : undefined} aria-describedby={errorId} {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {errorId ? (
        <p id={errorId} className={styles.fieldError}>
          {issues.map((code) => (t.has(code) ? t(code) : t("unknown"))).join(" ")}
        </p>
      ) : null}
    </div>
  );
}

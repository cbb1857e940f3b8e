"use client";

import { useTranslations } from "next-intl";
import type { InputHTMLAttributes } from "react";
import styles from "./auth.module.css";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> & {
  id: string;
  name: string;
  label: string;
  hint?: string;
  /** Issue codes from lib/schemas/user.ts (USER_ISSUES), shown translated. */
  issues?: string[];
};

/** A labelled input whose errors are announced with it (aria-invalid, aria-describedby). */
export function FormField({ id, name, label, hint, issues = [], ...input }: Props) {
  const t = useTranslations("UserIssues");
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = issues.length > 0 ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      <input id={id} name={name} aria-invalid={issues.length > 0 ? true : undefined} aria-describedby={describedBy} {...input} />
      {errorId ? (
        <p id={errorId} className={styles.fieldError}>
          {issues.map((code) => (t.has(code) ? t(code) : t("unknown"))).join(" ")}
        </p>
      ) : null}
    </div>
  );
}

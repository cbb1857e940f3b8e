"use client";

import { useTranslations } from "next-intl";
import type { MouseEvent, Ref } from "react";
import { fieldId } from "./editor-context";
import styles from "./incident-editor.module.css";

export type SummaryIssue = { path: string; label: string; messages: string[] };

export const ERROR_SUMMARY_ID = "editor-error-summary";

/** Moves focus to a field (or the first control of a group) and brings it into view. */
export function focusField(path: string) {
  const target = document.getElementById(fieldId(path));
  if (!target) return;
  const control = target.matches("input, select, textarea") ? target : target.querySelector<HTMLElement>("input, select, textarea, button");
  target.scrollIntoView({ block: "center" });
  (control ?? target).focus({ preventScroll: true });
}

/**
 * The list of problems shown at the top of the form after a failed submit,
 * one link per field. It receives focus, so keyboard and screen-reader users
 * land on it; each link moves focus to its field.
 */
export function ErrorSummary({ issues, summaryRef }: { issues: SummaryIssue[]; summaryRef: Ref<HTMLDivElement> }) {
  const t = useTranslations("Editor.summary");
  const count = issues.reduce((total, issue) => total + issue.messages.length, 0);
  const follow = (event: MouseEvent<HTMLAnchorElement>, path: string) => {
    event.preventDefault();
    focusField(path);
  };
  return (
    <div id={ERROR_SUMMARY_ID} ref={summaryRef} tabIndex={-1} className={styles.errorSummary} aria-labelledby={`${ERROR_SUMMARY_ID}-title`}>
      <h2 id={`${ERROR_SUMMARY_ID}-title`}>{t("title", { count })}</h2>
      <p>{t("intro")}</p>
      <ul>
        {issues.map((issue) =>
          issue.path === "" ? (
            <li key="(record)">{issue.messages.join(" ")}</li>
          ) : (
            <li key={issue.path}>
              <a href={`#${fieldId(issue.path)}`} onClick={(event) => follow(event, issue.path)}>
                {t("item", { field: issue.label, message: issue.messages.join(" ") })}
              </a>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}

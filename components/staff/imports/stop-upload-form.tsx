"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { Link } from "@/lib/i18n/navigation";
import styles from "./imports.module.css";

type Summary = { runId: number; accepted: number; duplicates: number; rejected: number };

type Props = {
  action: (previous: unknown, form: FormData) => Promise<ActionResult<Summary>>;
  /** The largest file the server accepts, in bytes. */
  maxBytes: number;
};

const reasonOf = (details: unknown) => (details && typeof details === "object" && "reason" in details ? String((details as { reason: unknown }).reason) : null);

/** Uploads a STOP CSV with the country to import; the server checks the size, the permission and the file again. */
export function StopUploadForm({ action, maxBytes }: Props) {
  const t = useTranslations("Imports.upload");
  const [result, formAction, pending] = useActionState(action, null);
  const [tooLarge, setTooLarge] = useState(false);
  const limit = Math.floor(maxBytes / (1024 * 1024));

  // A file over the limit is refused here, before it is sent: the server would refuse it anyway.
  function checkSize(event: FormEvent<HTMLFormElement>) {
    const file = new FormData(event.currentTarget).get("file");
    const over = file instanceof File && file.size > maxBytes;
    setTooLarge(over);
    if (over) event.preventDefault();
  }

  let error: string | null = tooLarge ? t("errors.fileTooLarge", { limit }) : null;
  let fileError = tooLarge;
  let countryError = false;
  if (!error && result && !result.ok) {
    const reason = reasonOf(result.details);
    if (reason === "fileMissing") {
      error = t("errors.fileMissing");
      fileError = true;
    } else if (reason === "fileTooLarge") {
      error = t("errors.fileTooLarge", { limit });
      fileError = true;
    } else if (result.fieldIssues?.country) {
      error = t("errors.country");
      countryError = true;
    } else if (result.code === "CONFLICT") error = t("errors.running");
    else if (result.code === "FORBIDDEN" || result.code === "UNAUTHENTICATED") error = t("errors.forbidden");
    else if (result.code === "INTERNAL") error = t("errors.internal");
    else error = t("errors.invalidFile", { message: result.message });
  }

  return (
    <form action={formAction} onSubmit={checkSize} className={styles.form} aria-busy={pending}>
      <div className={styles.field}>
        <label htmlFor="stop-file">{t("fileLabel")}</label>
        <p id="stop-file-hint" className="field-help">
          {t("fileHint", { limit })}
        </p>
        <input
          id="stop-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          aria-describedby={fileError ? "stop-file-hint stop-upload-error" : "stop-file-hint"}
          aria-invalid={fileError || undefined}
          onChange={() => setTooLarge(false)}
        />
      </div>
      <div className={styles.field}>
        <label htmlFor="stop-country">{t("countryLabel")}</label>
        <p id="stop-country-hint" className="field-help">
          {t("countryHint")}
        </p>
        <input
          id="stop-country"
          name="country"
          type="text"
          defaultValue="Kazakhstan"
          required
          maxLength={100}
          autoComplete="country-name"
          aria-describedby={countryError ? "stop-country-hint stop-upload-error" : "stop-country-hint"}
          aria-invalid={countryError || undefined}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {result?.ok === true && !tooLarge ? (
          <p className="notice">
            {t("done", result.data)} <Link href={`/staff/imports/${result.data.runId}`}>{t("openReport")}</Link>
          </p>
        ) : null}
      </div>
      {error ? (
        <p id="stop-upload-error" role="alert" className="notice notice--error">
          {error}
        </p>
      ) : null}
    </form>
  );
}

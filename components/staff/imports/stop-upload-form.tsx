"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { IngestUploadResult } from "@/lib/server/uploads/ingest-upload";
import styles from "./imports.module.css";
import { failedRunOf, UploadFailed, UploadSucceeded, useUploadFailureMessage } from "./upload-outcome";

type Props = {
  action: (previous: unknown, form: FormData) => Promise<ActionResult<IngestUploadResult>>;
  /** The largest file the server accepts, in bytes. */
  maxBytes: number;
};

const reasonOf = (details: unknown) => (details && typeof details === "object" && "reason" in details ? String((details as { reason: unknown }).reason) : null);

/**
 * Uploads a STOP CSV with the country to import; the server checks the size,
 * the permission and the file again. What came of it is shown here: the
 * counts and first rejects, or why it failed and the run that records it.
 */
export function StopUploadForm({ action, maxBytes }: Props) {
  const t = useTranslations("Imports.upload");
  const failureMessage = useUploadFailureMessage();
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
  let failedRun: number | null = null;
  if (!error && result && !result.ok) {
    failedRun = failedRunOf(result);
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
    else error = failureMessage(result);
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
        {result?.ok === true && !tooLarge ? <UploadSucceeded result={result.data} summary={t("done", { runId: result.data.runId, accepted: result.data.accepted, duplicates: result.data.duplicates, rejected: result.data.rejected })} reportLabel={t("openReport")} /> : null}
      </div>
      {error ? <UploadFailed id="stop-upload-error" message={error} runId={failedRun} reportLabel={t("openReport")} /> : null}
    </form>
  );
}

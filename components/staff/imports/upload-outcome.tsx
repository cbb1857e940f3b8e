"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/result";
import { Link } from "@/lib/i18n/navigation";
import type { IngestUploadResult } from "@/lib/server/uploads/ingest-upload";
import styles from "./imports.module.css";

type Failure = Extract<ActionResult<unknown>, { ok: false }>;
type Details = { reason?: string; limit?: string; bytes?: number; runId?: number | null };

/** 268435456 → "256 MB" (or "256 МБ"): sizes of the limits, in the reader's language. */
function formatSize(bytes: number, locale: string): string {
  const megabytes = bytes / (1024 * 1024);
  return megabytes >= 1
    ? new Intl.NumberFormat(locale, { style: "unit", unit: "megabyte", maximumFractionDigits: 0 }).format(megabytes)
    : new Intl.NumberFormat(locale, { style: "unit", unit: "kilobyte", maximumFractionDigits: 0 }).format(bytes / 1024);
}

/** The run an upload failure recorded, when there is one. */
export function failedRunOf(failure: Failure): number | null {
  const details = (failure.details ?? {}) as Details;
  return typeof details.runId === "number" ? details.runId : null;
}

/**
 * Why an upload failed, in the reader's language: a limit (naming its
 * size), the worker stopped for memory or time, too many uploads at once,
 * or the file's own problem as the server words it. Null for failures the
 * form explains itself (no file, too large, the role).
 */
export function useUploadFailureMessage(): (failure: Failure) => string {
  const t = useTranslations("Imports.uploadErrors");
  const locale = useLocale();
  return (failure) => {
    const details = (failure.details ?? {}) as Details;
    if (details.reason === "limit" && typeof details.bytes === "number") {
      const size = formatSize(details.bytes, locale);
      if (details.limit === "uploadInputBytes" || details.limit === "inputBytes") return t("inputBytes", { size });
      if (details.limit === "stopRowBytes") return t("stopRowBytes", { size });
      if (details.limit === "jsonRecordBytes") return t("jsonRecordBytes", { size });
    }
    if (details.reason === "memory" || details.reason === "time" || details.reason === "crash" || details.reason === "busy") return t(details.reason);
    return t("unreadable", { message: failure.message });
  };
}

/** A finished upload: its counts, how it ended, its first rejects, and the way to its report. */
export function UploadSucceeded({ result, summary, reportLabel }: { result: IngestUploadResult; summary: string; reportLabel: string }) {
  const t = useTranslations("Imports.uploadErrors");
  return (
    <div className="notice">
      <p>
        {summary} <Link href={`/staff/imports/${result.runId}`}>{reportLabel}</Link>
      </p>
      {result.firstRejects.length > 0 ? (
        <>
          <p>{t("firstRejects", { count: result.firstRejects.length })}</p>
          <ul className={styles.rejectList}>
            {result.firstRejects.map((reject, index) => (
              <li key={`${reject.position}-${index}`}>
                {reject.field
                  ? t("rejectAtColumn", { line: reject.position, column: reject.field, reason: reject.reason })
                  : t("rejectAt", { line: reject.position, reason: reject.reason })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** A failed upload: why, and the run that records it. */
export function UploadFailed({ id, message, runId, reportLabel }: { id: string; message: string; runId: number | null; reportLabel: string }) {
  const t = useTranslations("Imports.uploadErrors");
  return (
    <div id={id} role="alert" className="notice notice--error">
      <p>{message}</p>
      {runId !== null ? (
        <p>
          {t("failedRun", { runId })} <Link href={`/staff/imports/${runId}`}>{reportLabel}</Link>
        </p>
      ) : null}
    </div>
  );
}

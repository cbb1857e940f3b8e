"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { failedRunOf, UploadFailed, UploadSucceeded, useUploadFailureMessage } from "@/components/staff/imports/upload-outcome";
import type { ActionResult } from "@/lib/actions/result";
import { FEED_NAMES } from "@/lib/ingest/feed-names";
import type { IngestUploadResult } from "@/lib/server/uploads/ingest-upload";

type Props = {
  maxMegabytes: number;
  action: (previous: unknown, form: FormData) => Promise<ActionResult<IngestUploadResult>>;
};

/**
 * Uploads a measurement file of one feed. What came of it is shown here, where
 * the file was uploaded: the counts and the first rejects, or why the file
 * could not be read (a limit, its shape) and the run that records it.
 */
export function FeedUploadForm({ maxMegabytes, action }: Props) {
  const t = useTranslations("Feeds.upload");
  const failureMessage = useUploadFailureMessage();
  const [result, formAction, pending] = useActionState(action, null);
  const fileProblem = result?.ok === false && result.fieldIssues?.file !== undefined;
  return (
    <form action={formAction} className="feed-form" aria-busy={pending}>
      <div className="field">
        <label htmlFor="feed-upload-feed">{t("feed")}</label>
        <select id="feed-upload-feed" name="feed" defaultValue={FEED_NAMES[0]}>
          {FEED_NAMES.map((feed) => (
            <option key={feed} value={feed}>
              {t(`feeds.${feed}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="feed-upload-file">{t("file")}</label>
        <input
          id="feed-upload-file"
          name="file"
          type="file"
          required
          aria-describedby={result?.ok === false ? "feed-upload-help feed-upload-error" : "feed-upload-help"}
          aria-invalid={fileProblem || undefined}
        />
        <p id="feed-upload-help" className="field-help">
          {t("help", { limit: maxMegabytes })}
        </p>
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
      <div role="status" aria-live="polite">
        {result?.ok === true && <UploadSucceeded result={result.data} summary={t("done", { runId: result.data.runId, accepted: result.data.accepted, duplicates: result.data.duplicates, rejected: result.data.rejected })} reportLabel={t("report")} />}
      </div>
      {result?.ok === false && (
        <UploadFailed
          id="feed-upload-error"
          message={fileProblem ? t("fileProblem", { limit: maxMegabytes }) : result.code === "INTERNAL" ? t("failed") : failureMessage(result)}
          runId={failedRunOf(result)}
          reportLabel={t("report")}
        />
      )}
    </form>
  );
}

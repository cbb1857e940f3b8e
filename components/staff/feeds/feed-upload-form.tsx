"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { Link } from "@/lib/i18n/navigation";

type Props = {
  maxMegabytes: number;
  action: (previous: unknown, form: FormData) => Promise<ActionResult<{ runId: number; accepted: number; duplicates: number; rejected: number }>>;
};

/** Uploads a measurement file of one feed; the run and its rejects appear under Imports. */
export function FeedUploadForm({ maxMegabytes, action }: Props) {
  const t = useTranslations("Feeds.upload");
  const [result, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="feed-form" aria-busy={pending}>
      <div className="field">
        <label htmlFor="feed-upload-feed">{t("feed")}</label>
        <select id="feed-upload-feed" name="feed" defaultValue="ooni">
          <option value="ooni">{t("feeds.ooni")}</option>
          <option value="ioda">{t("feeds.ioda")}</option>
          <option value="cloudflare">{t("feeds.cloudflare")}</option>
          <option value="csv">{t("feeds.csv")}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="feed-upload-file">{t("file")}</label>
        <input id="feed-upload-file" name="file" type="file" required aria-describedby="feed-upload-help" />
        <p id="feed-upload-help" className="field-help">
          {t("help", { limit: maxMegabytes })}
        </p>
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
      <div role="status" aria-live="polite">
        {result?.ok === true && (
          <p>
            {t("done", result.data)} <Link href={`/staff/imports/${result.data.runId}`}>{t("report")}</Link>
          </p>
        )}
      </div>
      {result?.ok === false && (
        <p role="alert" className="field-error">
          {result.fieldIssues?.file ? t("fileProblem", { limit: maxMegabytes }) : t("failed")}
        </p>
      )}
    </form>
  );
}

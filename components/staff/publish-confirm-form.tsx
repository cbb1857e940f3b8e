"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Link } from "@/lib/i18n/navigation";
import { WorkflowOutcome, type WorkflowAction } from "./workflow-buttons";

/**
 * "Publish now", on the confirm-step page: the version seen, the page's one
 * change note, and the publish step. A plain form posting to the server
 * action, so it works without JavaScript.
 */
export function PublishConfirmForm({ id, baseVersion, slug, action }: { id: number; baseVersion: number; slug: string; action: WorkflowAction }) {
  const t = useTranslations("Workflow");
  const page = useTranslations("PublishConfirm");
  const [result, formAction, pending] = useActionState(action, null);
  const published = result?.ok === true;
  return (
    <form action={formAction} className="workflow" aria-busy={pending}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="baseVersion" value={baseVersion} />
      <input type="hidden" name="step" value="publish" />
      {published ? null : (
        <>
          <label htmlFor="publish-note">{t("noteLabel")}</label>
          <textarea id="publish-note" name="note" rows={2} maxLength={2000} aria-describedby="publish-note-help" />
          <p id="publish-note-help" className="field-help">
            {t("noteHelp")}
          </p>
          <div className="button-row">
            <button type="submit" className="button button--publish" disabled={pending}>
              {t("confirm.publishNow")}
            </button>
          </div>
        </>
      )}
      <WorkflowOutcome result={result} />
      {published ? (
        <p>
          <Link href={`/incidents/${slug}`}>{page("publicPage")}</Link>
        </p>
      ) : null}
    </form>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { WorkflowOutcome, type WorkflowAction } from "./workflow-buttons";

/**
 * "Publish now", on the confirm-step page: the version seen, the page's one
 * change note, and the publish step. A plain form posting to the server
 * action, so it works without JavaScript. Once published, the page itself
 * says so (the incident can no longer be published); a refused step is
 * explained here.
 */
export function PublishConfirmForm({ id, baseVersion, action }: { id: number; baseVersion: number; action: WorkflowAction }) {
  const t = useTranslations("Workflow");
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
    </form>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { failureMessageKey } from "@/components/staff/failure-message";
import type { ActionResult } from "@/lib/actions/result";
import type { WorkflowStepName } from "@/lib/schemas/staff-incident";

type Props = {
  id: number;
  version: number;
  steps: WorkflowStepName[];
  action: (previous: unknown, form: FormData) => Promise<ActionResult<{ version: number }>>;
};

/** The workflow buttons an incident's page offers; the server decides whether each step is allowed. */
export function WorkflowActions({ id, version, steps, action }: Props) {
  const t = useTranslations("Workflow");
  const [result, formAction, pending] = useActionState(action, null);
  // After a step that leaves the caller no further steps (a contributor submitting), the outcome is still shown.
  if (steps.length === 0 && result === null) return null;
  return (
    <form action={formAction} className="workflow" aria-busy={pending}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="baseVersion" value={version} />
      {steps.length > 0 && (
        <>
          <label htmlFor="workflow-note">{t("noteLabel")}</label>
          <input id="workflow-note" name="note" type="text" maxLength={2000} aria-describedby="workflow-note-help" />
          <p id="workflow-note-help" className="field-help">
            {t("noteHelp")}
          </p>
        </>
      )}
      <div className="button-row">
        {steps.map((step) => (
          <button
            key={step}
            type="submit"
            name="step"
            value={step}
            disabled={pending}
            className={step === "archive" || step === "unpublish" ? "button button--secondary" : "button"}
          >
            {t(`steps.${step}`)}
          </button>
        ))}
      </div>
      <div role="status" aria-live="polite">
        {result?.ok === true && <p className="notice">{t("done", { version: result.data.version })}</p>}
      </div>
      {result?.ok === false && (
        <p role="alert" className="notice notice--error">
          {t(failureMessageKey(result.code))}
        </p>
      )}
    </form>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { WorkflowStepName } from "@/lib/incidents/workflow";
import { WorkflowButtons, WorkflowOutcome, type PublishConfirmation, type WorkflowAction } from "./workflow-buttons";

type Props = {
  id: number;
  version: number;
  steps: WorkflowStepName[];
  action: WorkflowAction;
  publish: PublishConfirmation;
};

export const WORKFLOW_FORM_ID = "incident-workflow";

/**
 * The workflow of an incident the caller may not edit (a contributor's
 * submitted draft, an archived record): its own change note and the steps.
 * Where the editor is shown, the editor's save bar holds them instead, with
 * the one change note. Works without JavaScript. The server decides whether
 * each step is allowed.
 */
export function WorkflowActions({ id, version, steps, action, publish }: Props) {
  const t = useTranslations("Workflow");
  const [result, formAction, pending] = useActionState(action, null);
  // After a step that leaves the caller no further steps (a contributor submitting), the outcome is still shown.
  if (steps.length === 0 && result === null) return null;
  return (
    <form id={WORKFLOW_FORM_ID} action={formAction} className="workflow" aria-busy={pending}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="baseVersion" value={version} />
      {steps.length > 0 && (
        <>
          <label htmlFor="workflow-note">{t("noteLabel")}</label>
          <textarea id="workflow-note" name="note" rows={2} maxLength={2000} aria-describedby="workflow-note-help" />
          <p id="workflow-note-help" className="field-help">
            {t("noteHelp")}
          </p>
        </>
      )}
      <WorkflowButtons steps={steps} formId={WORKFLOW_FORM_ID} pending={pending} publish={publish} />
      <WorkflowOutcome result={result} />
    </form>
  );
}

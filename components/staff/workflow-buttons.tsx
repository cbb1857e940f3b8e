"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";
import { failureMessageKey } from "@/components/staff/failure-message";
import type { ActionResult } from "@/lib/actions/result";
import type { WorkflowStepName } from "@/lib/incidents/workflow";

/** What a workflow step answers. */
export type WorkflowResult = ActionResult<{ version: number }> | null;
export type WorkflowAction = (previous: unknown, form: FormData) => Promise<ActionResult<{ version: number }>>;

export type PublishConfirmation = {
  /** The title readers will see, for the question "Publish …?". */
  title: string;
  /** The confirm-step page, for browsers without JavaScript (app/…/incidents/[id]/publish). */
  href: string;
};

const STEP_STYLE: Partial<Record<WorkflowStepName, string>> = {
  unpublish: "button button--secondary",
  archive: "button button--secondary",
  returnToDraft: "button button--secondary",
};

/**
 * The buttons of an incident's workflow, submitting the form `formId` (they
 * may sit elsewhere on the page, e.g. in the editor's save bar). "Publish…"
 * looks unlike the others and never publishes on its own: it opens a
 * confirmation dialog, and without JavaScript it is a link to the confirm-step
 * page.
 */
export function WorkflowButtons({
  steps,
  formId,
  pending,
  disabled = false,
  describedBy,
  publish,
}: {
  steps: WorkflowStepName[];
  formId: string;
  pending: boolean;
  /** Steps are refused for now (unsaved edits); `describedBy` says why. */
  disabled?: boolean;
  describedBy?: string;
  publish: PublishConfirmation;
}) {
  const t = useTranslations("Workflow");
  const dialog = useRef<HTMLDialogElement>(null);
  if (steps.length === 0) return null;
  return (
    <div className="button-row workflow-buttons">
      {steps.map((step) =>
        step === "publish" ? (
          <a
            key={step}
            href={publish.href}
            className="button button--publish"
            aria-haspopup="dialog"
            aria-disabled={disabled || pending || undefined}
            aria-describedby={describedBy}
            onClick={(event) => {
              event.preventDefault();
              if (!disabled && !pending) dialog.current?.showModal();
            }}
          >
            {t("publishOpen")}
          </a>
        ) : (
          <button
            key={step}
            type="submit"
            form={formId}
            name="step"
            value={step}
            disabled={disabled || pending}
            aria-describedby={describedBy}
            className={STEP_STYLE[step] ?? "button"}
          >
            {t(`steps.${step}`)}
          </button>
        ),
      )}
      {steps.includes("publish") ? (
        <dialog ref={dialog} className="confirm-dialog" aria-labelledby={`${formId}-publish-title`} aria-describedby={`${formId}-publish-body`}>
          <h2 id={`${formId}-publish-title`}>{t("confirm.title")}</h2>
          <p id={`${formId}-publish-body`}>{t("confirm.body", { title: publish.title })}</p>
          <div className="button-row">
            <button type="submit" form={formId} name="step" value="publish" className="button button--publish" onClick={() => dialog.current?.close()}>
              {t("confirm.publishNow")}
            </button>
            <button type="button" className="button button--secondary" autoFocus onClick={() => dialog.current?.close()}>
              {t("confirm.cancel")}
            </button>
          </div>
        </dialog>
      ) : null}
    </div>
  );
}

/** What the last step did: "Done, version N", or why it failed, announced. */
export function WorkflowOutcome({ result }: { result: WorkflowResult }) {
  const t = useTranslations("Workflow");
  return (
    <>
      <div role="status" aria-live="polite">
        {result?.ok === true && <p className="notice">{t("done", { version: result.data.version })}</p>}
      </div>
      {result?.ok === false && (
        <p role="alert" className="notice notice--error">
          {t(failureMessageKey(result.code))}
        </p>
      )}
    </>
  );
}

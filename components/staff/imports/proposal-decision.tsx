"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import styles from "./imports.module.css";

type Props = {
  proposalId: number;
  /** The incident version the page showed the changes against. */
  baseVersion: number;
  applyAction: (previous: unknown, form: FormData) => Promise<ActionResult<{ version: number; changed: boolean }>>;
  dismissAction: (previous: unknown, form: FormData) => Promise<ActionResult<{ proposalId: number }>>;
  /** False when the incident is archived: only dismissing is offered. */
  canApply: boolean;
};

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

/** Apply and Dismiss for a pending proposal. The server checks the role and the incident's version. */
export function ProposalDecision({ proposalId, baseVersion, applyAction, dismissAction, canApply }: Props) {
  const t = useTranslations("Imports.proposal");
  const [applied, apply, applying] = useActionState(applyAction, null);
  const [dismissed, dismiss, dismissing] = useActionState(dismissAction, null);
  const pending = applying || dismissing;

  const describe = (failure: Failure) =>
    failure.code === "CONFLICT"
      ? t("errors.conflict")
      : failure.code === "FORBIDDEN" || failure.code === "UNAUTHENTICATED"
        ? t("errors.forbidden")
        : failure.code === "NOT_FOUND"
          ? t("errors.notFound")
          : t("errors.failed", { message: failure.message });
  const failure = [applied, dismissed].find((result): result is Failure => result?.ok === false);

  return (
    <div>
      <div className={styles.decision}>
        {canApply ? (
          <form action={apply} aria-busy={applying}>
            <input type="hidden" name="proposalId" value={proposalId} />
            <input type="hidden" name="baseVersion" value={baseVersion} />
            <button type="submit" className="button" disabled={pending}>
              {applying ? t("applying") : t("apply")}
            </button>
          </form>
        ) : null}
        <form action={dismiss} aria-busy={dismissing}>
          <input type="hidden" name="proposalId" value={proposalId} />
          <button type="submit" className="button button--secondary" disabled={pending}>
            {dismissing ? t("dismissing") : t("dismiss")}
          </button>
        </form>
      </div>
      <div role="status" aria-live="polite">
        {applied?.ok === true ? <p className="notice">{applied.data.changed ? t("applied", { version: applied.data.version }) : t("appliedUnchanged")}</p> : null}
        {dismissed?.ok === true ? <p className="notice">{t("dismissed")}</p> : null}
      </div>
      {failure ? (
        <p role="alert" className="notice notice--error">
          {describe(failure)}
        </p>
      ) : null}
    </div>
  );
}

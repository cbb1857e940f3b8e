"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { IngestRollbackSummary } from "@/lib/server/ingest/rollback-ingest-run";
import styles from "./imports.module.css";

type Props = {
  runId: number;
  /** False once the run cannot be rolled back (it has just been): only the outcome stays on screen. */
  available: boolean;
  action: (previous: unknown, form: FormData) => Promise<ActionResult<IngestRollbackSummary>>;
};

const reasonOf = (details: unknown) => (details && typeof details === "object" && "reason" in details ? String((details as { reason: unknown }).reason) : null);

/**
 * "Roll back run N…", then a confirmation naming what goes, then the
 * outcome. The server checks the role and the run's state again.
 */
export function RollbackRunButton({ runId, available, action }: Props) {
  const t = useTranslations("Imports.run.rollback");
  const [confirming, setConfirming] = useState(false);
  const [result, formAction, pending] = useActionState(action, null);
  const done = result?.ok === true || !available;

  let error: string | null = null;
  if (result?.ok === false) {
    const reason = reasonOf(result.details);
    error =
      reason === "running" || reason === "rolledBack" || reason === "stop"
        ? t(`errors.${reason}`)
        : result.code === "FORBIDDEN" || result.code === "UNAUTHENTICATED"
          ? t("errors.forbidden")
          : t("errors.failed");
  }

  return (
    <div className={styles.rollback}>
      {!confirming && !done ? (
        <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
          {t("start", { id: runId })}
        </button>
      ) : null}
      {confirming && !done ? (
        <form action={formAction} aria-busy={pending} className={styles.confirm} aria-labelledby={`rollback-confirm-${runId}`}>
          <p id={`rollback-confirm-${runId}`}>
            <strong>{t("confirm", { id: runId })}</strong>
          </p>
          <input type="hidden" name="runId" value={runId} />
          <div className="button-row">
            <button type="submit" className="button" disabled={pending}>
              {pending ? t("working") : t("confirmButton")}
            </button>
            <button type="button" className="button button--secondary" disabled={pending} onClick={() => setConfirming(false)}>
              {t("cancel")}
            </button>
          </div>
        </form>
      ) : null}
      <div role="status" aria-live="polite">
        {result?.ok === true ? (
          <p className="notice">
            {t("done", {
              points: result.data.points,
              measurements: result.data.measurements,
              events: result.data.events,
              series: result.data.series,
              networks: result.data.networks,
              hours: result.data.recomputedHours,
            })}
          </p>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="notice notice--error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { Link } from "@/lib/i18n/navigation";
import { issuesOf, reasonOf } from "./action-feedback";
import styles from "./auth.module.css";
import { FormField } from "./form-field";

type Props = {
  action: (previous: ActionResult<void> | null, formData: FormData) => Promise<ActionResult<void>>;
  /** Where to go once a temporary password is replaced (the required form only). */
  next?: string;
};

export function ChangePasswordForm({ action, next }: Props) {
  const t = useTranslations("Account");
  const [result, formAction, pending] = useActionState(action, null);
  const feedbackRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (result) feedbackRef.current?.focus();
  }, [result]);

  const failure = failureMessage(result, t);
  return (
    <form action={formAction} className={`${styles.form} ${styles.narrow}`} noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {result?.ok ? (
        <div ref={feedbackRef} tabIndex={-1} role="status" className={styles.success}>
          <p>{t("saved")}</p>
          <Link href="/staff">{t("continue")}</Link>
        </div>
      ) : null}
      {failure ? (
        <div ref={feedbackRef} tabIndex={-1} role="alert" className={styles.alert}>
          <p>{failure}</p>
        </div>
      ) : null}
      <FormField
        id="current-password"
        name="currentPassword"
        type="password"
        label={t("currentPassword")}
        autoComplete="current-password"
        required
        issues={issuesOf(result, "currentPassword")}
      />
      <FormField
        id="new-password"
        name="newPassword"
        type="password"
        label={t("newPassword")}
        hint={t("newPasswordHint")}
        autoComplete="new-password"
        minLength={12}
        maxLength={128}
        required
        issues={issuesOf(result, "newPassword")}
      />
      <FormField
        id="confirm-password"
        name="confirmPassword"
        type="password"
        label={t("confirmPassword")}
        autoComplete="new-password"
        required
        issues={issuesOf(result, "confirmPassword")}
      />
      <div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </button>
      </div>
    </form>
  );
}

function failureMessage(result: ActionResult<void> | null, t: ReturnType<typeof useTranslations<"Account">>): string | null {
  if (!result || result.ok) return null;
  if (result.code === "VALIDATION") return t("fixFields");
  if (result.code === "RATE_LIMITED") {
    const seconds = (result.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 60;
    return t("throttled", { minutes: Math.max(1, Math.ceil(seconds / 60)) });
  }
  if (reasonOf(result) === "temporary_password_expired") return t("temporaryPasswordExpired");
  return t("failed");
}

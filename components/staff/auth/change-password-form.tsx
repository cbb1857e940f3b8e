"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { Link } from "@/lib/i18n/navigation";
import { issuesOf } from "./action-feedback";
import styles from "./auth.module.css";
import { FormField } from "./form-field";

type Props = { action: (previous: ActionResult<void> | null, formData: FormData) => Promise<ActionResult<void>> };

export function ChangePasswordForm({ action }: Props) {
  const t = useTranslations("Account");
  const [result, formAction, pending] = useActionState(action, null);
  const feedbackRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (result) feedbackRef.current?.focus();
  }, [result]);

  const failure = result && !result.ok ? (result.code === "VALIDATION" ? t("fixFields") : t("failed")) : null;
  return (
    <form action={formAction} className={`${styles.form} ${styles.narrow}`} noValidate>
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

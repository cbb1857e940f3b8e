"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { issuesOf, reasonOf } from "./action-feedback";
import styles from "./auth.module.css";
import { FormField } from "./form-field";

type State = { result: ActionResult<unknown> | null; email: string };

type Props = {
  action: (previous: State, formData: FormData) => Promise<State>;
  /** Where to go after signing in (already checked to be a same-site path). */
  next: string;
};

/**
 * A plain form posting to a server action: it works without JavaScript, and
 * with it, useActionState keeps the page and shows the answer in place.
 */
export function SignInForm({ action, next }: Props) {
  const t = useTranslations("SignIn");
  const [state, formAction, pending] = useActionState(action, { result: null, email: "" });
  const alertRef = useRef<HTMLDivElement>(null);
  const message = failureMessage(state.result, t);

  useEffect(() => {
    if (message) alertRef.current?.focus();
  }, [state, message]);

  return (
    <form action={formAction} className={`${styles.form} ${styles.narrow}`} noValidate>
      {message ? (
        <div ref={alertRef} tabIndex={-1} role="alert" className={styles.alert} id="sign-in-error">
          <p>{message}</p>
        </div>
      ) : null}
      <input type="hidden" name="next" value={next} />
      <FormField
        id="sign-in-email"
        name="email"
        type="email"
        label={t("email")}
        autoComplete="username"
        inputMode="email"
        required
        defaultValue={state.email}
        issues={issuesOf(state.result, "email")}
        key={`email-${state.email}`}
      />
      <FormField
        id="sign-in-password"
        name="password"
        type="password"
        label={t("password")}
        autoComplete="current-password"
        required
        issues={issuesOf(state.result, "password")}
      />
      <div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </button>
      </div>
    </form>
  );
}

function failureMessage(result: ActionResult<unknown> | null, t: ReturnType<typeof useTranslations<"SignIn">>): string | null {
  if (!result || result.ok || result.code === "VALIDATION") return null;
  if (result.code === "RATE_LIMITED") {
    const seconds = (result.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 60;
    return t("throttled", { minutes: Math.max(1, Math.ceil(seconds / 60)) });
  }
  if (result.code === "UNAUTHENTICATED") {
    const reason = reasonOf(result);
    if (reason === "deactivated") return t("deactivated");
    if (reason === "temporary_password_expired") return t("temporaryPasswordExpired");
    return t("wrongCredentials");
  }
  return t("failed");
}

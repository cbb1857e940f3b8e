"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { ROLES } from "@/lib/auth/permissions";
import { issuesOf } from "./action-feedback";
import styles from "./auth.module.css";
import { FormField } from "./form-field";
import { SelectField } from "./select-field";
import { ActionFailure, useUserActionFailure } from "./user-action-message";

type State = ActionResult<{ email: string; temporaryPassword: string }> & { values?: Record<string, string> };
type Props = { action: (previous: State | null, formData: FormData) => Promise<State> };

/** Creates an account and shows its temporary password once, to hand over. */
export function InviteUserForm({ action }: Props) {
  const t = useTranslations("Users");
  const roles = useTranslations("StaffRoles");
  const [state, formAction, pending] = useActionState(action, null);
  const failure = useUserActionFailure()(state);
  const values = state && !state.ok ? (state.values ?? {}) : {};
  // Remount the fields after each answer so that they show what the server kept.
  const generation = state ? JSON.stringify(values) : "initial";

  return (
    <form action={formAction} className={styles.form} noValidate>
      {state?.ok ? (
        <div role="status" className={styles.success}>
          <p>{t("invited", { email: state.data.email })}</p>
          <p>
            {t("temporaryPassword")}: <code className={styles.secret}>{state.data.temporaryPassword}</code>
          </p>
          <p className={styles.hint}>{t("temporaryPasswordHint")}</p>
        </div>
      ) : null}
      <ActionFailure message={failure} />
      <div className={styles.grid} key={generation}>
        <FormField id="invite-name" name="name" label={t("name")} autoComplete="off" required defaultValue={values.name} issues={issuesOf(state, "name")} />
        <FormField
          id="invite-email"
          name="email"
          type="email"
          label={t("email")}
          autoComplete="off"
          required
          defaultValue={values.email}
          issues={issuesOf(state, "email")}
        />
        <SelectField
          id="invite-role"
          name="role"
          label={t("role")}
          defaultValue={values.role ?? "contributor"}
          options={ROLES.map((role) => ({ value: role, label: roles(role) }))}
          issues={issuesOf(state, "role")}
        />
      </div>
      <div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("inviting") : t("invite")}
        </button>
      </div>
    </form>
  );
}

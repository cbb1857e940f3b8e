"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { ROLES, type Role } from "@/lib/auth/permissions";
import styles from "./auth.module.css";
import { ActionFailure, useUserActionFailure } from "./user-action-message";

type Action<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

export type UserRowActionsProps = {
  user: { id: string; name: string; email: string; role: Role | null; active: boolean };
  isSelf: boolean;
  actions: {
    changeRole: Action<{ changed: boolean }>;
    resetPassword: Action<{ temporaryPassword: string }>;
    deactivate: Action<{ changed: boolean }>;
    reactivate: Action<{ changed: boolean }>;
    revokeSessions: Action<{ revoked: number }>;
  };
};

/**
 * One user's actions, each a small form posting to its server action (so they
 * work without JavaScript). Your own row offers only the role form; the server
 * refuses demoting, resetting or deactivating yourself whatever the page shows.
 */
export function UserRowActions({ user, isSelf, actions }: UserRowActionsProps) {
  const t = useTranslations("Users");
  const roles = useTranslations("StaffRoles");
  const failureOf = useUserActionFailure();
  const [roleResult, changeRole, rolePending] = useActionState(actions.changeRole, null);
  const [resetResult, resetPassword, resetPending] = useActionState(actions.resetPassword, null);
  const [statusResult, changeStatus, statusPending] = useActionState(user.active ? actions.deactivate : actions.reactivate, null);
  const [sessionsResult, revokeSessions, sessionsPending] = useActionState(actions.revokeSessions, null);
  const roleSelectId = `role-${user.id}`;

  return (
    <div className={styles.rowActions}>
      <form action={changeRole} className={styles.inlineForm}>
        <input type="hidden" name="userId" value={user.id} />
        <label htmlFor={roleSelectId} className="visually-hidden">
          {t("roleFor", { name: user.name })}
        </label>
        <select id={roleSelectId} name="role" defaultValue={user.role ?? "contributor"} key={user.role ?? "none"}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {roles(role)}
            </option>
          ))}
        </select>
        <button type="submit" className={`button button--secondary ${styles.smallButton}`} disabled={rolePending}>
          {t("saveRole")}
        </button>
      </form>
      {roleResult?.ok ? (
        <p role="status" className={styles.status}>
          {roleResult.data.changed ? t("roleChanged") : t("unchanged")}
        </p>
      ) : null}
      <ActionFailure message={failureOf(roleResult)} />

      {!isSelf ? (
        <>
          <div className={styles.inlineForm}>
            <form action={resetPassword}>
              <input type="hidden" name="userId" value={user.id} />
              <button type="submit" className={`button button--secondary ${styles.smallButton}`} disabled={resetPending}>
                {t("resetPassword")}
              </button>
            </form>
            <form action={changeStatus}>
              <input type="hidden" name="userId" value={user.id} />
              <button type="submit" className={`button button--secondary ${styles.smallButton}`} disabled={statusPending}>
                {user.active ? t("deactivate") : t("reactivate")}
              </button>
            </form>
            <form action={revokeSessions}>
              <input type="hidden" name="userId" value={user.id} />
              <button type="submit" className={`button button--secondary ${styles.smallButton}`} disabled={sessionsPending}>
                {t("revokeSessions")}
              </button>
            </form>
          </div>
          {resetResult?.ok ? (
            <div role="status" className={styles.success}>
              <p>{t("passwordReset", { email: user.email })}</p>
              <p>
                {t("temporaryPassword")}: <code className={styles.secret}>{resetResult.data.temporaryPassword}</code>
              </p>
            </div>
          ) : null}
          <ActionFailure message={failureOf(resetResult)} />
          {statusResult?.ok ? (
            <p role="status" className={styles.status}>
              {statusResult.data.changed ? (user.active ? t("reactivatedDone") : t("deactivatedDone")) : t("unchanged")}
            </p>
          ) : null}
          <ActionFailure message={failureOf(statusResult)} />
          {sessionsResult?.ok ? (
            <p role="status" className={styles.status}>
              {t("sessionsRevoked", { count: sessionsResult.data.revoked })}
            </p>
          ) : null}
          <ActionFailure message={failureOf(sessionsResult)} />
        </>
      ) : null}
    </div>
  );
}

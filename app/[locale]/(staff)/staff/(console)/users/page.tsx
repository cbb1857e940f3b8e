import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import styles from "@/components/staff/auth/auth.module.css";
import { InviteUserForm } from "@/components/staff/auth/invite-user-form";
import { UserRowActions } from "@/components/staff/auth/user-row-actions";
import { StaffTime } from "@/components/staff/time/staff-time";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { listUsers } from "@/lib/server/users/list-users";
import { PageHeader } from "@/components/ui/page-header";
import {
  changeUserRoleAction,
  deactivateUserAction,
  inviteUserAction,
  reactivateUserAction,
  resetUserPasswordAction,
  revokeUserSessionsAction,
} from "./actions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Users" });
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

const rowActions = {
  changeRole: changeUserRoleAction,
  resetPassword: resetUserPasswordAction,
  deactivate: deactivateUserAction,
  reactivate: reactivateUserAction,
  revokeSessions: revokeUserSessionsAction,
};

export default async function UsersPage() {
  const actor = await requireStaffPage("user:manage");
  const users = await listUsers({ caller: actor });
  const t = await getTranslations("Users");
  const roles = await getTranslations("StaffRoles");
  return (
    <div className="container page">
      <PageHeader title={t("title")} lede={t("intro")} />

      <section className="section" aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t("inviteHeading")}</h2>
        <p className="section-description">{t("inviteIntro")}</p>
        <InviteUserForm action={inviteUserAction} />
      </section>

      <section className="section" aria-labelledby="users-heading">
        <h2 id="users-heading">{t("listHeading")}</h2>
        <p className="results-count">{t("count", { count: users.length })}</p>
        {/* Focusable, so that keyboard users can scroll a table wider than the screen. */}
        <div className="table-scroll" role="region" aria-labelledby="users-heading" tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("columns.name")}</th>
                <th scope="col">{t("columns.role")}</th>
                <th scope="col">{t("columns.status")}</th>
                <th scope="col">{t("columns.lastSignIn")}</th>
                <th scope="col">{t("columns.sessions")}</th>
                <th scope="col">{t("columns.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <th scope="row">
                    {user.name}
                    {user.id === actor.id ? <span className={styles.muted}> ({t("you")})</span> : null}
                    <p className="cell-note">{user.email}</p>
                  </th>
                  <td>{user.role ? roles(user.role) : roles("unknown")}</td>
                  <td>
                    {user.active ? t("active") : t("deactivated")}
                    {user.mustChangePassword ? <p className="cell-note">{t("mustChange")}</p> : null}
                  </td>
                  <td className={styles.nowrap}>
                    {user.lastSignInAt ? <StaffTime value={user.lastSignInAt} /> : t("never")}
                  </td>
                  <td>{user.activeSessions}</td>
                  <td>
                    <UserRowActions
                      user={{ id: user.id, name: user.name, email: user.email, role: user.role, active: user.active }}
                      isSelf={user.id === actor.id}
                      actions={rowActions}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

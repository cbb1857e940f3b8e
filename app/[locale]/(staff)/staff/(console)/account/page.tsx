import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/staff/auth/change-password-form";
import { PasswordChangeRequired } from "@/components/staff/auth/password-change-required";
import styles from "@/components/staff/auth/auth.module.css";
import { safeNextPath } from "@/lib/auth/next-path";
import { getStaffSession } from "@/lib/auth/session";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { getPathname } from "@/lib/i18n/pathname";
import { changeOwnPasswordAction } from "./actions";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Account" });
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

export default async function AccountPage({ params, searchParams }: Props) {
  // The one page an account with a temporary password may open.
  const actor = await requireStaffPage("account:password");
  const [{ locale }, query, session] = await Promise.all([params, searchParams, getStaffSession()]);
  if (session?.mustChangePassword) {
    // Where the form goes once the password is chosen: the page that sent the account here.
    return <PasswordChangeRequired action={changeOwnPasswordAction} next={safeNextPath(query.next, getPathname({ href: "/staff", locale }))} />;
  }
  const t = await getTranslations("Account");
  const roles = await getTranslations("StaffRoles");
  return (
    <div className="container page">
      <h1>{t("title")}</h1>
      <section className="section" aria-labelledby="account-details">
        <h2 id="account-details">{t("details")}</h2>
        <dl className="facts">
          <div>
            <dt>{t("name")}</dt>
            <dd>{actor.name}</dd>
          </div>
          <div>
            <dt>{t("email")}</dt>
            <dd>{actor.email}</dd>
          </div>
          <div>
            <dt>{t("role")}</dt>
            <dd>{roles(actor.role)}</dd>
          </div>
        </dl>
      </section>
      <section className={`section ${styles.narrow}`} aria-labelledby="change-password">
        <h2 id="change-password">{t("changePassword")}</h2>
        <ChangePasswordForm action={changeOwnPasswordAction} />
      </section>
    </div>
  );
}

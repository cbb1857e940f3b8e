import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/staff/auth/change-password-form";
import styles from "@/components/staff/auth/auth.module.css";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { changeOwnPasswordAction } from "./actions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Account" });
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

export default async function AccountPage() {
  const actor = await requireStaffPage("staff:access");
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

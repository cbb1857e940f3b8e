import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/staff/auth/sign-in-form";
import styles from "@/components/staff/auth/auth.module.css";
import { safeNextPath } from "@/lib/auth/next-path";
import { getActor } from "@/lib/auth/session";
import { Link } from "@/components/ui/link";
import { getPathname } from "@/lib/i18n/pathname";
import type { Locale } from "@/lib/i18n/routing";
import { signInAction } from "./actions";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "SignIn" });
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const query = await searchParams;
  const next = safeNextPath(query.next, getPathname({ href: "/staff", locale }));
  // Already signed in: straight on.
  if (await getActor()) redirect(next);
  const t = await getTranslations("SignIn");
  return (
    <div className="container page">
      <div className={styles.narrow}>
        <h1>{t("title")}</h1>
        <p className="lede">{t("intro")}</p>
        {query.signedOut === "1" ? (
          <p className={styles.success} role="status">
            {t("signedOut")}
          </p>
        ) : null}
        <SignInForm action={signInAction} next={next} />
        <p>
          <Link href="/">{t("backToSite")}</Link>
        </p>
      </div>
    </div>
  );
}

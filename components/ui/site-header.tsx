import { getLocale, getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Link } from "@/components/ui/link";
import { routing } from "@/lib/i18n/routing";
import { LocaleSwitcher } from "./locale-switcher";

export async function SiteHeader() {
  const t = await getTranslations("site");
  const current = await getLocale();
  const languages = routing.locales.map((locale) => ({ locale, name: t(`language.${locale}`), switchTo: t("language.switchTo", { language: t(`language.${locale}`) }) }));
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="site-header__brand">
          <span className="site-header__mark" aria-hidden="true" />
          {t("name")}
        </Link>
        <nav aria-label={t("nav.label")} className="site-header__nav">
          <ul>
            <li>
              <Link href="/">{t("nav.overview")}</Link>
            </li>
            <li>
              <Link href="/incidents">{t("nav.incidents")}</Link>
            </li>
            <li>
              <Link href="/timeline">{t("nav.timeline")}</Link>
            </li>
            <li>
              <Link href="/map">{t("nav.map")}</Link>
            </li>
            <li>
              <Link href="/isps">{t("nav.isps")}</Link>
            </li>
          </ul>
        </nav>
        <Suspense>
          <LocaleSwitcher current={current} label={t("language.label")} languages={languages} />
        </Suspense>
      </div>
    </header>
  );
}

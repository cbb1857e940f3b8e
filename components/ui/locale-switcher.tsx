"use client";

import { useLocale, useTranslations } from "next-intl";
import { usePathname, useSearchParams } from "next/navigation";
import { pathInLocale, pathWithoutLocale } from "@/lib/i18n/locale-path";
import { routing } from "@/lib/i18n/routing";

/**
 * Links to the same page, with the same query, in each other language. Plain links (a new page
 * load in the other language), built from Next.js's own hooks: next-intl's navigation code stays
 * out of public pages' JavaScript (decision 0028).
 */
export function LocaleSwitcher() {
  const t = useTranslations("site.language");
  const current = useLocale();
  const path = pathWithoutLocale(usePathname());
  const query = useSearchParams().toString();
  return (
    <nav aria-label={t("label")} className="locale-switcher">
      <ul>
        {routing.locales.map((locale) => (
          <li key={locale}>
            {locale === current ? (
              <span aria-current="true" lang={locale}>
                {t(locale)}
              </span>
            ) : (
              <a href={`${pathInLocale(path, locale)}${query ? `?${query}` : ""}`} lang={locale} hrefLang={locale} title={t("switchTo", { language: t(locale) })}>
                {t(locale)}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

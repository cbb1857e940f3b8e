"use client";

import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { routing } from "@/lib/i18n/routing";

/** Links to the same page, with the same query, in each other language. */
export function LocaleSwitcher() {
  const t = useTranslations("site.language");
  const current = useLocale();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const query = Object.fromEntries(
    [...new Set(searchParams.keys())].map((key) => {
      const values = searchParams.getAll(key);
      return [key, values.length === 1 ? values[0]! : values];
    }),
  );
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
              <Link href={{ pathname, query }} locale={locale} lang={locale} hrefLang={locale} title={t("switchTo", { language: t(locale) })}>
                {t(locale)}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

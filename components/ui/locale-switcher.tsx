"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { pathInLocale, pathWithoutLocale } from "@/lib/i18n/pathname";

/**
 * Links to the same page, with the same query, in each other language. Plain links (a new page
 * load in the other language), built from Next.js's own hooks, with their texts from the server:
 * no message runtime in every page's JavaScript (decision 0028).
 */
export function LocaleSwitcher({
  current,
  label,
  languages,
}: {
  current: string;
  label: string;
  /** Each language: its name in itself, and "Read this page in …" in the current one. */
  languages: { locale: string; name: string; switchTo: string }[];
}) {
  const path = pathWithoutLocale(usePathname());
  const query = useSearchParams().toString();
  return (
    <nav aria-label={label} className="locale-switcher">
      <ul>
        {languages.map(({ locale, name, switchTo }) => (
          <li key={locale}>
            {locale === current ? (
              <span aria-current="true" lang={locale}>
                {name}
              </span>
            ) : (
              <a href={`${pathInLocale(path, locale)}${query ? `?${query}` : ""}`} lang={locale} hrefLang={locale} title={switchTo}>
                {name}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

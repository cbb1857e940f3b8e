import { routing } from "@/lib/i18n/routing";

/**
 * The browser's address in each language, for client components that must not load next-intl's
 * navigation code on public pages (the language switcher and the skip links: decision 0028).
 * English has no prefix (`/isps`), every other language has its own (`/ru/isps`).
 */
export function pathWithoutLocale(pathname: string): string {
  for (const locale of routing.locales) {
    if (locale === routing.defaultLocale) continue;
    if (pathname === `/${locale}`) return "/";
    if (pathname.startsWith(`/${locale}/`)) return pathname.slice(locale.length + 1);
  }
  return pathname;
}

/** A path without a locale (`/isps`) as the address of that page in `locale` (`/ru/isps`, or `/isps` in English). */
export function pathInLocale(path: string, locale: string): string {
  if (locale === routing.defaultLocale) return path;
  return path === "/" ? `/${locale}` : `/${locale}${path}`;
}

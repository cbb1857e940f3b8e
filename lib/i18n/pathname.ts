import { redirect as nextRedirect } from "next/navigation";
import { routing } from "@/lib/i18n/routing";

/**
 * A page's address in a language (with its query), for server code: what next-intl's
 * `getPathname` gives for this routing (English unprefixed, `/ru/…`), without importing
 * `createNavigation`, whose client `Link` would then load with every page that imports it
 * (decision 0028). `pathname.test.ts` checks it against next-intl's own.
 */
export type LocalizedHref = string | { pathname: string; query?: Record<string, string | number | boolean | readonly (string | number | boolean)[] | undefined> };

export function getPathname({ href, locale }: { href: LocalizedHref; locale: string }): string {
  let pathname = typeof href === "string" ? href : href.pathname;
  if (typeof href === "object" && href.query) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(href.query)) {
      if (Array.isArray(value)) for (const entry of value) search.append(key, String(entry));
      else search.set(key, String(value));
    }
    pathname += `?${search.toString()}`;
  }
  // Only an address on this site, from its root, takes a prefix.
  const localizable = pathname.startsWith("/") && !/^[a-z]+:/i.test(pathname);
  if (!localizable) return pathname;
  const queryAt = pathname.indexOf("?");
  return queryAt === -1 ? pathInLocale(pathname, locale) : `${pathInLocale(pathname.slice(0, queryAt), locale)}${pathname.slice(queryAt)}`;
}

/**
 * A path without its language's prefix, for client components (the language switcher, the skip
 * links) reading the browser's address: English has no prefix (`/isps`), every other language
 * has its own (`/ru/isps`).
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

/** Redirects (from a server component or action) to a page in a language. */
export function redirect(args: { href: LocalizedHref; locale: string }): never {
  return nextRedirect(getPathname(args));
}

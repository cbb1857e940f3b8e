import { redirect as nextRedirect } from "next/navigation";
import { routing } from "@/lib/i18n/routing";

/**
 * A page's address in a language, for server code: what next-intl's `getPathname` gives for this
 * routing (English unprefixed, `/ru/…`), without importing `createNavigation`, whose client `Link`
 * would then load with every page that imports it (decision 0028). `pathname.test.ts` checks it
 * against next-intl's own.
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
  if (!localizable || locale === routing.defaultLocale) return pathname;
  return `/${locale}${/^\/(\?.*)?$/.test(pathname) ? pathname.slice(1) : pathname}`;
}

/** Redirects (from a server component or action) to a page in a language. */
export function redirect(args: { href: LocalizedHref; locale: string }): never {
  return nextRedirect(getPathname(args));
}

import { routing } from "@/lib/i18n/routing";

/**
 * The path the router will actually render for a requested path, so that
 * every decision about a request (shared-cache or private, frameable or not)
 * is made on the page that answers it rather than on how its address was
 * spelled (docs/decisions/0008-cache-trust-model.md).
 *
 * It repeats what happens to a path on its way to a page:
 * 1. Node's request line is parsed as a WHATWG URL (Next.js's `nextUrl`):
 *    `.` and `..` segments go, `%2e` spelled dots included.
 * 2. next-intl's middleware decodes it with `decodeURI` (so `/%73taff` is
 *    `/staff`; `%2F`, `%3F`, `%23`, `%25` and the like stay encoded), turns `\`
 *    into `%5C`, drops tabs and line breaks, and collapses repeated slashes.
 * 3. It then rewrites to `/<locale><path>`, which is parsed as a URL again: a
 *    `%2e%2e` that only appeared by decoding (`%252e%252e`) is a `..` segment
 *    now.
 * The result is internal: `/en/staff/audit`, `/ru/incidents`. It is null when
 * the path cannot be decoded (Next.js answers 400). `lib/http/request-path.test.ts`
 * checks this function against next-intl's middleware itself.
 *
 * A locale prefix is recognised exactly as next-intl does: `/ru` or `/ru/…`.
 * `/en/…` and `/RU/…` are redirects (never a 200 page); they come back here
 * as unprefixed paths under the default locale (`/en/en/…`, `/en/RU/…`), which
 * no public route matches.
 */
export function renderedPathname(requestedPath: string): string | null {
  const parsed = pathOf(requestedPath.startsWith("/") ? requestedPath : `/${requestedPath}`);
  if (parsed === null) return null;
  let decoded: string;
  try {
    decoded = decodeURI(parsed);
  } catch {
    return null;
  }
  const sanitized = decoded.replace(/\\/g, "%5C").replace(/[\t\n\r]/g, "").replace(/\/+/g, "/");
  const prefixed = localePrefixOf(sanitized);
  const internal = prefixed ? sanitized : `/${routing.defaultLocale}${sanitized === "/" ? "" : sanitized}`;
  const reparsed = pathOf(internal);
  if (reparsed === null) return null;
  return reparsed.length > 1 && reparsed.endsWith("/") ? reparsed.slice(0, -1) : reparsed;
}

/**
 * The pathname of a request target (`/a/./b/../c?x`) as a WHATWG URL parser
 * sees it, dot segments resolved, never as a "//host" address; null if it is
 * not a path.
 */
export function requestTargetPath(target: string): string | null {
  if (!target.startsWith("/")) return null;
  const queryStart = target.indexOf("?");
  return pathOf(queryStart === -1 ? target : target.slice(0, queryStart));
}

/** The path of a URL made of this path, as Next.js and next-intl parse one (never as a "//host" address). */
function pathOf(path: string): string | null {
  try {
    return new URL(`http://path.invalid${path}`).pathname;
  } catch {
    return null;
  }
}

/** The locale a decoded path names with an exact prefix (`/ru`, `/ru/…`), or null. */
function localePrefixOf(pathname: string): string | null {
  for (const locale of routing.locales) {
    if (locale === routing.defaultLocale) continue;
    if (pathname === `/${locale}` || pathname.startsWith(`/${locale}/`)) return locale;
  }
  return null;
}

/** An internal path (`/ru/embed/map`) as its locale and the path without it (`/embed/map`). */
export function splitLocale(internalPath: string): { locale: string; path: string } {
  const [, locale = "", ...rest] = internalPath.split("/");
  return { locale, path: `/${rest.join("/")}` };
}

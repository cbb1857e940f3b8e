/**
 * What a shared cache (a CDN, or the production server's own cache in
 * lib/http/shared-response-cache.ts) may keep, and for how long.
 *
 * Public pages, embeds, the public API, feeds and oEmbed answers are the same
 * for everybody (public pages never depend on the session), so they are
 * `public`. Browsers revalidate every time (`max-age=0`); shared caches keep
 * an answer 30 seconds and may serve it 30 seconds more while they refresh it,
 * so a published change reaches every viewer within a minute even through a
 * CDN nobody can purge. The production server's own cache is emptied at once
 * when data changes (docs/decisions/0007-shared-response-cache.md).
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=30, stale-while-revalidate=30";

/** Staff pages (and their sign-in page) are personal: never stored. */
const STAFF_PATH = /^(\/ru)?\/staff(\/|$)/;

/** The Cache-Control a page response gets, or null to keep Next.js's private default. */
export function pageCacheControl(pathname: string): string | null {
  return STAFF_PATH.test(pathname) ? null : PUBLIC_CACHE_CONTROL;
}

/** Seconds a shared cache may serve an answer as fresh: `s-maxage`, or null when it must not store it. */
export function sharedMaxAgeSeconds(cacheControl: string | undefined): number | null {
  if (!cacheControl) return null;
  const directives = cacheControl
    .toLowerCase()
    .split(",")
    .map((directive) => directive.trim());
  if (!directives.includes("public")) return null;
  if (directives.some((directive) => directive === "private" || directive === "no-store" || directive === "no-cache")) return null;
  const sMaxAge = directives.find((directive) => directive.startsWith("s-maxage="));
  const seconds = sMaxAge ? Number(sMaxAge.slice("s-maxage=".length)) : NaN;
  return Number.isInteger(seconds) && seconds > 0 ? seconds : null;
}

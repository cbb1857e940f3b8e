import { carriesSessionCookie } from "@/lib/auth/session-cookie";
import { publicRouteFor } from "@/lib/http/public-routes";

/**
 * What a shared cache (a CDN, or the production server's own cache in
 * lib/http/shared-response-cache.ts) may keep, and for how long.
 *
 * Public pages, embeds, the public API, feeds and oEmbed answers are the same
 * for everybody (public pages never depend on the session), so they are
 * `public` — but only the routes on the allow-list (lib/http/public-routes.ts),
 * judged by the page the address renders, and never for a request that carries
 * a session cookie (docs/decisions/0008-cache-trust-model.md). Browsers revalidate every time (`max-age=0`); shared caches keep
 * an answer 30 seconds and may serve it 30 seconds more while they refresh it,
 * so a published change reaches every viewer within a minute even through a
 * CDN nobody can purge. The production server's own cache is emptied at once
 * when data changes (docs/decisions/0007-shared-response-cache.md).
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=30, stale-while-revalidate=30";

/** Everything else: staff pages, their sign-in page, unknown addresses, odd spellings of any address. */
export const PRIVATE_CACHE_CONTROL = "private, no-store";

/** The Cache-Control a page answer gets: public only for an allow-listed route requested without a session cookie. */
export function pageCacheControl(requestedPath: string, cookieHeader: string | null): string {
  return publicRouteFor(requestedPath) && !carriesSessionCookie(cookieHeader) ? PUBLIC_CACHE_CONTROL : PRIVATE_CACHE_CONTROL;
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

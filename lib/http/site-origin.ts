/**
 * The site's own address (scheme, host and port), which goes into citations,
 * feeds, social cards, oEmbed answers and the embed code people paste into
 * other sites. It never comes from the client (docs/decisions/0008):
 *
 * - `SITE_URL`, when set, is the answer, whatever the request says. Production
 *   served on anything but loopback must set it (lib/env.ts).
 * - Otherwise the request's `Host` (the address the client connected to; it
 *   is part of every cache key, so a client choosing it only misleads itself),
 *   over `http`.
 * - `X-Forwarded-Host` and `X-Forwarded-Proto` count only when `TRUST_PROXY`
 *   says proxies set them: with N proxies, the N-th value from the right
 *   (the one the outermost proxy wrote), as for X-Forwarded-For
 *   (lib/auth/client-ip.ts). Otherwise the production server deletes them
 *   before Next.js sees the request.
 *
 * A host that is not a plain host name or IP address (with an optional port)
 * gives null: the production server answers 400.
 */
export type SiteOriginSettings = { siteUrl?: string; trustedProxies: number };

/** `example.org`, `127.0.0.1:3000`, `[::1]:3000`, `app_upstream:3000` (a name a proxy may pass on). */
const HOST = /^(?:[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export function siteOriginFrom(headers: Pick<Headers, "get">, settings: SiteOriginSettings): string | null {
  if (settings.siteUrl) return new URL(settings.siteUrl).origin;
  const forwardedHost = settings.trustedProxies > 0 ? trustedEntry(headers.get("x-forwarded-host"), settings.trustedProxies) : null;
  const host = forwardedHost ?? headers.get("host")?.trim() ?? null;
  if (!host || !HOST.test(host)) return null;
  const forwardedProto = forwardedHost ? trustedEntry(headers.get("x-forwarded-proto"), settings.trustedProxies)?.toLowerCase() : null;
  const protocol = forwardedProto === "https" ? "https" : "http";
  return `${protocol}://${host.toLowerCase()}`;
}

/** Headers that may carry the site's address, which the production server drops unless proxies are trusted to set them. */
export const FORWARDED_ADDRESS_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"] as const;

/** The value the outermost of `trustedProxies` proxies wrote: the N-th entry from the right. */
function trustedEntry(header: string | null, trustedProxies: number): string | null {
  const entries = (header ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  return entries[Math.max(0, entries.length - trustedProxies)]!;
}

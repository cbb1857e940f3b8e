import "server-only";
import { headers } from "next/headers";
import { readServerEnv } from "@/lib/env";
import { siteOriginFrom } from "@/lib/http/site-origin";

/**
 * The site's public origin for a request (lib/http/site-origin.ts): SITE_URL
 * when configured, else the request's own host; forwarded headers only when
 * TRUST_PROXY says a proxy sets them. A host that is no host name falls back
 * to the address the request was made to (route handlers) or localhost.
 */
function originFrom(requestHeaders: Pick<Headers, "get">, requestUrl?: string): string {
  const env = readServerEnv();
  return siteOriginFrom(requestHeaders, { siteUrl: env.SITE_URL, trustedProxies: env.TRUST_PROXY }) ?? (requestUrl ? new URL(requestUrl).origin : `http://localhost:${env.PORT}`);
}

/** The site's origin in a page, layout or server action (from the request's headers). */
export async function siteOrigin(): Promise<string> {
  return originFrom(await headers());
}

/** The site's origin in a route handler, from the request it was given. */
export function requestOrigin(request: Request): string {
  return originFrom(request.headers, request.url);
}

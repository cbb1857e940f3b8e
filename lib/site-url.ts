import "server-only";
import { headers } from "next/headers";
import { readServerEnv } from "@/lib/env";

/** The site's public origin for a request: SITE_URL when configured, else the request's own host. */
function originFrom(requestHeaders: Headers, requestUrl?: string): string {
  const configured = readServerEnv().SITE_URL;
  if (configured) return configured.replace(/\/$/, "");
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? (requestUrl ? new URL(requestUrl).host : "localhost:3000");
  const fallbackProtocol = requestUrl ? new URL(requestUrl).protocol.replace(":", "") : "https";
  const protocol = requestHeaders.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : fallbackProtocol);
  return `${protocol}://${host}`;
}

/** The site's origin in a page, layout or server action (from the request's headers). */
export async function siteOrigin(): Promise<string> {
  return originFrom(await headers());
}

/** The site's origin in a route handler, from the request it was given. */
export function requestOrigin(request: Request): string {
  return originFrom(request.headers, request.url);
}

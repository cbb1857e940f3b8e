import "server-only";
import { headers } from "next/headers";
import { readServerEnv } from "@/lib/env";

/** The site's public origin: SITE_URL when configured, else the request's own host. */
export async function siteOrigin(): Promise<string> {
  const configured = readServerEnv().SITE_URL;
  if (configured) return configured.replace(/\/$/, "");
  const requestHeaders = await headers();
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost:3000";
  const protocol = requestHeaders.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${protocol}://${host}`;
}

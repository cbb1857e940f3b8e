import "server-only";
import { headers } from "next/headers";
import { readServerEnv } from "@/lib/env";
import { clientIpFrom } from "./client-ip";

/** Where a request comes from, for the rate limiter and the audit log. */
export type RequestOrigin = { ip: string | null; userAgent: string | null };

/** The header that carries our own reading of the client address into better-auth (see lib/auth/auth.ts). */
export const CLIENT_IP_HEADER = "x-kst-client-ip";

export async function currentRequestOrigin(): Promise<RequestOrigin> {
  const requestHeaders = await headers();
  return {
    ip: clientIpFrom(requestHeaders, readServerEnv().TRUST_PROXY),
    userAgent: requestHeaders.get("user-agent"),
  };
}

/**
 * The request's headers for a better-auth call, with the client address as
 * this app determines it (a value the client sent under the same name is
 * replaced), so that session records agree with the audit log.
 */
export async function headersForAuth(): Promise<Headers> {
  const requestHeaders = new Headers(await headers());
  const { ip } = await currentRequestOrigin();
  requestHeaders.delete(CLIENT_IP_HEADER);
  if (ip) requestHeaders.set(CLIENT_IP_HEADER, ip);
  return requestHeaders;
}

/**
 * The origin of the request being served, or null when the caller serves none
 * (a script, a scheduled job, a test): Next.js's request headers exist only
 * inside a request, and outside one `headers()` throws its documented
 * "dynamic API in the wrong context" error. Any other error (Next.js's own
 * control flow while prerendering, or a real failure) is passed on.
 */
export async function requestOriginIfAny(): Promise<RequestOrigin | null> {
  let requestHeaders: Awaited<ReturnType<typeof headers>>;
  try {
    requestHeaders = await headers();
  } catch (error) {
    if (error instanceof Error && error.message.includes("next-dynamic-api-wrong-context")) return null;
    throw error;
  }
  return { ip: clientIpFrom(requestHeaders, readServerEnv().TRUST_PROXY), userAgent: requestHeaders.get("user-agent") };
}

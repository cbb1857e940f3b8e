import createIntlMiddleware from "next-intl/middleware";
import { NextRequest, NextResponse } from "next/server";
import { REQUEST_PATH_HEADER } from "@/lib/auth/next-path";
import { routing } from "@/lib/i18n/routing";
import { pageCacheControl } from "@/lib/http/cache-policy";
import { isEmbedPath } from "@/lib/security/embed-path";
import { pageContentSecurityPolicy } from "@/lib/security/headers";

const handleI18nRouting = createIntlMiddleware(routing);
const FEED_FILE = /^\/feeds\/(operators\/)?[^/]+\.(xml|atom|json)$/;

/**
 * Locale routing plus a per-request nonce Content-Security-Policy on every page.
 * Next.js reads the nonce from the request's CSP header and puts it on its scripts.
 * Whether a page may be framed and whether shared caches may keep it are decided
 * on the page the address renders (lib/http/request-path.ts), not on its spelling:
 * only allow-listed public routes requested without a session cookie are marked
 * public (lib/http/cache-policy.ts, docs/decisions/0008); before such a page
 * leaves the production server its policy names the hashes of its inline
 * scripts instead of the nonce (scripts/serve-production.ts).
 */
export default function proxy(request: NextRequest) {
  // Feed files (app/feeds/) send their own CSP, under which nothing runs.
  if (FEED_FILE.test(request.nextUrl.pathname)) return NextResponse.next();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = pageContentSecurityPolicy({
    nonce,
    frameable: isEmbedPath(request.nextUrl.pathname),
    dev: process.env.NODE_ENV === "development",
  });
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", csp);
  // Staff pages read the requested path to send people back after signing in (lib/auth/staff-page.ts).
  headers.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);

  // Files (favicon.ico, robots.txt) are not localised.
  const isFile = /\.[^/]+$/.test(request.nextUrl.pathname);
  const response = isFile
    ? NextResponse.next({ request: { headers } })
    : handleI18nRouting(new NextRequest(request, { headers }));
  response.headers.set("Content-Security-Policy", csp);
  if (!isFile && response.status === 200) response.headers.set("Cache-Control", pageCacheControl(request.nextUrl.pathname, request.headers.get("cookie")));
  return response;
}

export const config = {
  // Everything but API routes and Next's static assets.
  matcher: ["/((?!api/|_next/static|_next/image).*)"],
};

import type { IncomingHttpHeaders } from "node:http";
import { carriesSessionCookie } from "@/lib/auth/session-cookie";
import { routing } from "@/lib/i18n/routing";
import { canonicalQuery, publicRouteFor } from "@/lib/http/public-routes";
import { renderedPathname, requestTargetPath, splitLocale } from "@/lib/http/request-path";
import { keyHeaderValues, type ServeOptions } from "@/lib/http/shared-response-cache";
import { siteOriginFrom, type SiteOriginSettings } from "@/lib/http/site-origin";

/**
 * What the production server does with a request before Next.js sees it
 * (docs/decisions/0008-cache-trust-model.md):
 *
 * - `static`: the build's files (`/_next/static/…`) and `public/`'s: passed
 *   through as they are.
 * - `bad-host`: a Host header that is no host name: 400.
 * - `render`: everything else, with the cache's options for it:
 *   - an allow-listed public route (lib/http/public-routes.ts) requested
 *     without a session cookie is keyed by the site's origin, its canonical
 *     address (only the parameters it reads, in its order) and the headers Next.js
 *     varies on, and a miss is rendered from that canonical address
 *     (`renderUrl`), so what is kept is exactly what the key names;
 *   - the same route with a session cookie, or with a parameter it refuses,
 *     is rendered, never kept, and sent `private, no-store`;
 *   - any other address (staff pages, unknown paths, odd spellings) is
 *     rendered and sent `private, no-store`.
 *   `countsAsRender` says whether the render counts against the client's
 *   render budget (lib/http/render-rate-limit.ts): every GET or HEAD does,
 *   except the staff console's (signed-in work, behind its own checks).
 */
export type RequestPlan =
  | { kind: "static" }
  | { kind: "bad-host" }
  | { kind: "render"; serve: ServeOptions; renderUrl: string | null; countsAsRender: boolean; locale: string };

export type PlanSettings = SiteOriginSettings & {
  /** Exact paths of files served from `public/` and the app's metadata files (`/embed.js`, `/icon.svg`). */
  staticPaths: ReadonlySet<string>;
};

export type PlannedRequest = { method?: string; url?: string; headers: IncomingHttpHeaders };

const BUILD_FILES = "/_next/static/";

export function planRequest(request: PlannedRequest, settings: PlanSettings): RequestPlan {
  const target = request.url ?? "/";
  const queryStart = target.indexOf("?");
  const requestedPath = queryStart === -1 ? target : target.slice(0, queryStart);
  const search = queryStart === -1 ? "" : target.slice(queryStart + 1);
  const plainPath = requestTargetPath(requestedPath);
  if (plainPath !== null && (plainPath.startsWith(BUILD_FILES) || settings.staticPaths.has(plainPath))) return { kind: "static" };

  const origin = siteOriginFrom(headerReader(request.headers), settings);
  if (origin === null) return { kind: "bad-host" };

  const readOnly = request.method === "GET" || request.method === "HEAD";
  const rendered = plainPath === null ? null : renderedPathname(plainPath);
  const locale = rendered && splitLocale(rendered).locale === "ru" ? "ru" : routing.defaultLocale;
  const privately = (countsAsRender: boolean): RequestPlan => ({
    kind: "render",
    serve: { key: null, forcePrivate: true },
    renderUrl: null,
    countsAsRender: readOnly && countsAsRender,
    locale,
  });

  const match = publicRouteFor(requestedPath);
  if (!match) return privately(!isStaffConsole(rendered));
  const { query, undeclared } = canonicalQuery(match.route, new URLSearchParams(search));
  if (carriesSessionCookie(request.headers.cookie)) return privately(true);
  if (undeclared.length > 0 && match.route.undeclared === "refused") return privately(true);
  if (!readOnly) return privately(true);

  const renderUrl = query ? `${match.path}?${query}` : match.path;
  return { kind: "render", serve: { key: [origin, renderUrl, ...keyHeaderValues(request.headers)].join("\n") }, renderUrl, countsAsRender: true, locale: match.locale };
}

/** `/staff…` in any locale: the console and its sign-in page, whose every request is checked by the app itself. */
function isStaffConsole(rendered: string | null): boolean {
  if (rendered === null) return false;
  const { path } = splitLocale(rendered);
  return path === "/staff" || path.startsWith("/staff/");
}

function headerReader(headers: IncomingHttpHeaders): Pick<Headers, "get"> {
  return {
    get(name: string) {
      const value = headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
  };
}

import { routing } from "@/lib/i18n/routing";
import { renderedPathname, requestTargetPath, splitLocale } from "@/lib/http/request-path";
import { ZDisruptionQuery } from "@/lib/schemas/api/disruption";
import { ZOembedQuery } from "@/lib/schemas/api/oembed";
import { ZIncidentDetailQuery, ZIncidentListQuery } from "@/lib/schemas/api/incidents";
import { ZReferenceListQuery } from "@/lib/schemas/api/reference";
import { ZSeriesQuery } from "@/lib/schemas/api/series";
import { INCIDENT_LIST_DOWNLOAD_PARAMS } from "@/lib/schemas/incident-list-download";
import { VIEW_PARAMS } from "@/lib/schemas/view-params";
import { CARD_PARAMS } from "@/lib/schemas/social-card";
import { CARD_VIEWS } from "@/lib/share/card-target";

/**
 * The allow-list of public routes: the only addresses whose answers a shared
 * cache (a CDN, or the production server's own) may keep. Everything else is
 * `private, no-store` (docs/decisions/0008-cache-trust-model.md).
 *
 * Each route names the URL parameters it reads. A cache key holds only those,
 * in the route's order, and a miss is rendered from that canonical address, so
 * what is kept is exactly what its key says. A route `ignores` other
 * parameters (pages: they are dropped) or `refuses` them (the API, social
 * cards and the incident embed answer an error, which is never kept).
 *
 * Slugs and names are matched as lowercase ASCII: a path that still holds an
 * escape (`%…`) or capitals after decoding is not a public route, whatever
 * Next.js makes of it.
 */
export type PublicRoute = {
  name: string;
  /** Pages live under a locale (`/ru/…`); the API, cards and feeds do not. */
  localised: boolean;
  /** The path, without the locale prefix. */
  pattern: RegExp;
  params: readonly string[];
  undeclared: "ignored" | "refused";
};

const SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*";
/** Next.js's client router adds `_rsc` (a hash of its router headers, which it checks) to its requests. */
const ROUTER_PARAMS = ["_rsc"] as const;

const page = (name: string, path: string, params: readonly string[], undeclared: PublicRoute["undeclared"] = "ignored"): PublicRoute => ({
  name,
  localised: true,
  pattern: new RegExp(`^${path}$`),
  params: [...params, ...ROUTER_PARAMS],
  undeclared,
});
const resource = (name: string, path: string, params: readonly string[], undeclared: PublicRoute["undeclared"]): PublicRoute => ({
  name,
  localised: false,
  pattern: new RegExp(`^${path}$`),
  params,
  undeclared,
});

const { filters, embed, embedChart, timeline, map, operators, operator, operatorsEmbed, incident, incidentEmbed, overviewEmbed } = VIEW_PARAMS;

export const PUBLIC_ROUTES: readonly PublicRoute[] = [
  page("overview", "/", []),
  page("incidents", "/incidents", filters),
  page("incident", `/incidents/${SLUG}`, incident),
  page("timeline", "/timeline", [...filters, ...timeline]),
  page("map", "/map", [...filters, ...map]),
  page("isps", "/isps", [...filters, ...operators]),
  page("isp", `/isps/${SLUG}`, [...filters, ...operator]),
  page("api-docs", "/api-docs", []),
  page("about-data", "/about-data", []),
  page("embed-overview", "/embed/overview", overviewEmbed, "refused"),
  page("embed-timeline", "/embed/timeline", [...filters, ...embed, ...embedChart]),
  page("embed-map", "/embed/map", [...filters, ...embed, ...embedChart, ...map]),
  page("embed-isps", "/embed/isps", [...filters, ...embed, ...embedChart, ...operatorsEmbed]),
  page("embed-isp", `/embed/isp/${SLUG}`, [...filters, ...embed, ...embedChart, ...operator]),
  page("embed-incident", `/embed/incident/${SLUG}`, incidentEmbed, "refused"),
  resource("api-incidents", "/api/v1/incidents", Object.keys(ZIncidentListQuery.shape), "refused"),
  resource("api-incident", `/api/v1/incidents/${SLUG}`, Object.keys(ZIncidentDetailQuery.shape), "refused"),
  resource("api-disruption", "/api/v1/disruption", Object.keys(ZDisruptionQuery.shape), "refused"),
  resource("api-operators", "/api/v1/operators", Object.keys(ZReferenceListQuery.shape), "refused"),
  resource("api-regions", "/api/v1/regions", Object.keys(ZReferenceListQuery.shape), "refused"),
  resource("api-series", "/api/v1/series", Object.keys(ZSeriesQuery.shape), "refused"),
  resource("export-incidents", "/api/export/incidents", INCIDENT_LIST_DOWNLOAD_PARAMS, "refused"),
  resource("api-openapi", "/api/v1/openapi\\.json", [], "ignored"),
  resource("oembed", "/api/oembed", Object.keys(ZOembedQuery.shape), "ignored"),
  resource("card-view", `/api/og/(?:${CARD_VIEWS.join("|")})`, CARD_PARAMS, "refused"),
  resource("card-incident", `/api/og/incident/${SLUG}`, CARD_PARAMS, "refused"),
  resource("card-isp", `/api/og/isp/${SLUG}`, CARD_PARAMS, "refused"),
  resource("feed", "/feeds/incidents\\.(?:xml|atom|json)", ["locale"], "ignored"),
  resource("operator-feed", `/feeds/operators/${SLUG}\\.(?:xml|atom|json)`, ["locale"], "ignored"),
];

/** Paths Next.js routes without its proxy (and so without next-intl): taken as they are, never decoded. */
const UNLOCALISED_PATH = /^\/(api|feeds)\//;

export type PublicRouteMatch = {
  route: PublicRoute;
  /** The page's locale (the default one for routes without a locale). */
  locale: string;
  /** The address's canonical path: `/incidents`, `/ru/isps/kcell`, `/api/v1/operators`. */
  path: string;
};

/**
 * The public route a requested path renders (after decoding and normalising
 * it as the router does, lib/http/request-path.ts), or null: then the answer
 * is private. `requestedPath` is the path as the request line spells it.
 */
export function publicRouteFor(requestedPath: string): PublicRouteMatch | null {
  const plainPath = requestTargetPath(requestedPath);
  if (plainPath === null) return null;
  if (UNLOCALISED_PATH.test(plainPath)) {
    const route = PUBLIC_ROUTES.find((candidate) => !candidate.localised && candidate.pattern.test(plainPath));
    return route ? { route, locale: routing.defaultLocale, path: plainPath } : null;
  }
  const rendered = renderedPathname(plainPath);
  if (rendered === null) return null;
  const { locale, path } = splitLocale(rendered);
  if (!(routing.locales as readonly string[]).includes(locale)) return null;
  const route = PUBLIC_ROUTES.find((candidate) => candidate.localised && candidate.pattern.test(path));
  if (!route) return null;
  const prefix = locale === routing.defaultLocale ? "" : `/${locale}`;
  return { route, locale, path: prefix === "" ? path : path === "/" ? prefix : `${prefix}${path}` };
}

/**
 * A query with only the parameters the route reads, in the order the route
 * declares them (the order the app writes its own links in: the filters, then
 * the view's own), values of one name in their order; and the names it does
 * not read.
 */
export function canonicalQuery(route: PublicRoute, search: URLSearchParams): { query: string; undeclared: string[] } {
  const kept = new URLSearchParams();
  for (const name of route.params) for (const value of search.getAll(name)) kept.append(name, value);
  const undeclared = [...new Set([...search.keys()].filter((name) => !route.params.includes(name)))];
  return { query: kept.toString(), undeclared };
}

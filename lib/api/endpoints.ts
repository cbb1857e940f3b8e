import type { z } from "zod";
import { ZIncidentDetail, ZIncidentDetailQuery, ZIncidentList, ZIncidentListQuery } from "@/lib/schemas/api/incidents";
import { ZOperatorList, ZRegionList, ZReferenceListQuery } from "@/lib/schemas/api/reference";
import { ZSeries, ZSeriesQuery } from "@/lib/schemas/api/series";
import { ZDisruption, ZDisruptionQuery } from "@/lib/schemas/api/disruption";

/**
 * The endpoints of /api/v1, described once: the OpenAPI document
 * (lib/api/openapi.ts) and the reference page are built from this list, and
 * the route handlers validate with the same schemas.
 */
export type ApiEndpoint = {
  path: string;
  operationId: string;
  summary: string;
  description: string;
  /** The query's schema: its list parameters repeat, its aliases are documented as deprecated (lib/schemas/url-state.ts). */
  query: z.ZodObject;
  pathParams?: { name: string; description: string; example: string }[];
  response: z.ZodType;
  /** `format=csv` answers text/csv. */
  csv: boolean;
  /** Unknown ids answer 404. */
  notFound?: string;
  /** An example request, relative to the site. */
  example: string;
};

export const API_ENDPOINTS: ApiEndpoint[] = [
  {
    path: "/api/v1/incidents",
    operationId: "listIncidents",
    summary: "List published incidents",
    description:
      "Published incidents, newest first (by start, then id), filtered like the site's views. Page with `limit` and the returned `next_cursor`.",
    query: ZIncidentListQuery,
    response: ZIncidentList,
    csv: true,
    example: "/api/v1/incidents?from=2022-01-01&to=2022-12-31&type=FULL_BLACKOUT&limit=10",
  },
  {
    path: "/api/v1/incidents/{slug}",
    operationId: "getIncident",
    summary: "One published incident",
    description: "One published incident with its phases and numbered sources.",
    query: ZIncidentDetailQuery,
    pathParams: [{ name: "slug", description: "The incident's slug, as the list returns it.", example: "2022-01-qantar-shutdowns" }],
    response: ZIncidentDetail,
    csv: false,
    notFound: "No published incident has this slug.",
    example: "/api/v1/incidents/2022-01-qantar-shutdowns?lang=ru",
  },
  {
    path: "/api/v1/disruption",
    operationId: "getDisruption",
    summary: "Hours of disruption of one operator or region",
    description:
      "The figures the charts show, per Kazakhstan calendar month or year: hours of full blackout, of partial or regional disruption, and of service and website blocking, each named with what it counts and never summed into one figure. Open ends (phases counted to a last report or to now, or not counted) and inferred attributions are listed. Give `operator` or `region`.",
    query: ZDisruptionQuery,
    response: ZDisruption,
    csv: true,
    notFound: "No operator or region has this slug.",
    example: "/api/v1/disruption?operator=kcell&from=2022-01-01&to=2022-12-31&by=month",
  },
  {
    path: "/api/v1/operators",
    operationId: "listOperators",
    summary: "List operators",
    description: "Every telecom operator the tracker follows, with its legal entity and autonomous system numbers.",
    query: ZReferenceListQuery,
    response: ZOperatorList,
    csv: true,
    example: "/api/v1/operators",
  },
  {
    path: "/api/v1/regions",
    operationId: "listRegions",
    summary: "List regions",
    description: "Every first-level administrative unit (regions and cities of republican significance) with names in English, Russian and Kazakh.",
    query: ZReferenceListQuery,
    response: ZRegionList,
    csv: true,
    example: "/api/v1/regions?format=csv",
  },
  {
    path: "/api/v1/series",
    operationId: "getSeries",
    summary: "Measured signals of one operator",
    description:
      "IODA and OONI measurements for one operator's networks over a period, downsampled on the server to at most `max_points` buckets per line; gaps are null. The same data as the operator page's chart, asked for with the page's parameters (`signals`, `asns`, `norm`); the first names of this endpoint (`signal`, `split`, `normalised`) are still accepted as deprecated aliases.",
    query: ZSeriesQuery,
    response: ZSeries,
    csv: true,
    notFound: "No operator has this slug.",
    example: "/api/v1/series?operator=kazakhtelecom&from=2022-01-01&to=2022-01-31&signals=ioda.bgp,ooni.anomaly_rate&max_points=200",
  },
];

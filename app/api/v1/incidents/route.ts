import { ANONYMOUS } from "@/lib/auth/permissions";
import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import { csvResponse } from "@/lib/api/csv";
import { apiGet, apiOptions } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/problem";
import { ZIncidentListQuery, type IncidentList } from "@/lib/schemas/api/incidents";
import { filtersOf, knownFilterValues } from "@/lib/schemas/incident-filters";
import { listApiIncidents } from "@/lib/server/incidents/list-api-incidents";
import { listOperators } from "@/lib/server/operators/list-operators";
import { listRegions } from "@/lib/server/regions/list-regions";

export const dynamic = "force-dynamic";

/** GET /api/v1/incidents: published incidents, newest first, filtered, paged by cursor. */
export const GET = apiGet(async (request: Request) => {
  const [operators, regions] = await Promise.all([listOperators({ caller: ANONYMOUS }), listRegions({ caller: ANONYMOUS, locale: "en" })]);
  const known = knownFilterValues({ operators: operators.map((operator) => operator.slug), regions: regions.map((region) => region.slug) });
  const query = parseQuery(ZIncidentListQuery, new URL(request.url), { allowed: known });

  const { incidents, next } = await listApiIncidents({
    caller: ANONYMOUS,
    // The API's filters are the list's, without `year` (from–to says it).
    filters: filtersOf({ ...query, year: [] }),
    locale: query.lang,
    limit: query.limit,
    ...(query.cursor ? { after: decodeCursor(query.cursor) } : {}),
  });
  const nextCursor = next ? encodeCursor(next) : null;
  if (query.format === "csv") {
    const response = csvResponse(
      "incidents",
      ["slug", "title", "starts_at", "ends_at", "end_status", "last_checked_on", "last_reported_on", "scope", "type", "types", "services", "cause", "verification", "operators", "regions", "phase_count", "source_count"],
      incidents.map((incident) => [
        incident.slug,
        incident.title,
        incident.starts_at,
        incident.ends_at,
        incident.end_status,
        incident.last_checked_on,
        incident.last_reported_on,
        incident.scope,
        incident.type,
        incident.types.join(" "),
        incident.services.join(" "),
        incident.cause,
        incident.verification,
        incident.operators.join(" "),
        incident.regions.join(" "),
        incident.phase_count,
        incident.source_count,
      ]),
    );
    if (nextCursor) response.headers.set("Link", `<?${nextQuery(request, nextCursor)}>; rel="next"`);
    return response;
  }
  const body: IncidentList = { data: incidents, next_cursor: nextCursor };
  return Response.json(body);
});

export const OPTIONS = apiOptions;

function nextQuery(request: Request, cursor: string): string {
  const params = new URL(request.url).searchParams;
  params.set("cursor", cursor);
  return params.toString();
}

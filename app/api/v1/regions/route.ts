import { ANONYMOUS } from "@/lib/auth/permissions";
import { csvResponse } from "@/lib/api/csv";
import { apiGet, apiOptions } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/problem";
import { ZReferenceListQuery } from "@/lib/schemas/api/reference";
import { listApiRegions } from "@/lib/server/regions/list-api-regions";

export const dynamic = "force-dynamic";

/** GET /api/v1/regions: every first-level unit with names, centre and lineage. */
export const GET = apiGet(async (request: Request) => {
  const query = parseQuery(ZReferenceListQuery, new URL(request.url));
  const regions = await listApiRegions({ caller: ANONYMOUS });
  if (query.format === "csv") {
    return csvResponse(
      "regions",
      ["slug", "code", "kind", "name_en", "name_ru", "name_kk", "centre_en", "centre_ru", "centre_kk", "centre_lat", "centre_lon", "parent", "established_on"],
      regions.map((region) => [
        region.slug,
        region.code,
        region.kind,
        region.names.en,
        region.names.ru,
        region.names.kk,
        region.centre.names.en,
        region.centre.names.ru,
        region.centre.names.kk,
        region.centre.lat,
        region.centre.lon,
        region.parent,
        region.established_on,
      ]),
    );
  }
  return Response.json({ data: regions });
});

export const OPTIONS = apiOptions;

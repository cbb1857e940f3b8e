import "server-only";
import type { Caller } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { ApiRegion } from "@/lib/schemas/api/reference";

/** Every first-level unit with its names, centre and lineage, by code, for the public API. Public: open to every caller. */
export async function listApiRegions(_request: { caller: Caller }): Promise<ApiRegion[]> {
  const regions = await getDb().region.findMany({ orderBy: { code: "asc" }, include: { parent: { select: { slug: true } } } });
  return regions.map((region) => ({
    slug: region.slug,
    code: region.code,
    kind: region.kind,
    names: { en: region.nameEn, ru: region.nameRu, kk: region.nameKk },
    centre: { names: { en: region.centreNameEn, ru: region.centreNameRu, kk: region.centreNameKk }, lat: region.centreLat, lon: region.centreLon },
    parent: region.parent?.slug ?? null,
    established_on: region.establishedOn?.toISOString().slice(0, 10) ?? null,
  }));
}

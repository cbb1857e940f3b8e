import "server-only";
import type { Database } from "@/lib/db/client";
import type { StopReference } from "@/lib/ingest/stop/reference";

/** The operators (with aliases) and regions (with every name they have had) STOP rows are matched against. */
export async function loadStopReference(db: Database): Promise<StopReference> {
  const [operators, regions] = await Promise.all([
    db.operator.findMany({ select: { slug: true, name: true, aliases: true }, orderBy: { id: "asc" } }),
    db.region.findMany({
      select: { slug: true, kind: true, nameEn: true, nameRu: true, nameKk: true, formerNames: { select: { nameEn: true, nameRu: true, nameKk: true } } },
      orderBy: { id: "asc" },
    }),
  ]);
  return {
    operators,
    regions: regions.map((region) => ({
      slug: region.slug,
      kind: region.kind,
      name: region.nameEn,
      otherNames: [region.nameRu, region.nameKk, ...region.formerNames.flatMap((former) => [former.nameEn, former.nameRu, former.nameKk])],
    })),
  };
}

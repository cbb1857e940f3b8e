import "server-only";
import type { Caller } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";

export type RegionOption = { slug: string; code: string; name: string; kind: "REGION" | "CITY" };

/** First-level units with names in the reader's language, cities first, then regions A–Z. Public: open to every caller. */
export async function listRegions({ locale }: { caller: Caller; locale: string }): Promise<RegionOption[]> {
  const regions = await getDb().region.findMany({ select: { slug: true, code: true, kind: true, nameEn: true, nameRu: true } });
  const named = regions.map((region) => ({
    slug: region.slug,
    code: region.code,
    kind: region.kind,
    name: locale === "ru" ? region.nameRu : region.nameEn,
  }));
  const collator = new Intl.Collator(locale);
  return named.sort((a, b) => (a.kind === b.kind ? collator.compare(a.name, b.name) : a.kind === "CITY" ? -1 : 1));
}

import "server-only";
import { cache } from "react";
import type { Caller } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { cachedChartData } from "@/lib/server/cache/chart-cache";

export type RegionOption = { slug: string; code: string; name: string; kind: "REGION" | "CITY" };

/**
 * First-level units with names in the reader's language, cities first, then regions A–Z. Public: open to every caller.
 *
 * The rows (both languages) are read once and shared like the operators
 * (lib/server/operators/list-operators.ts, decision 0025): regions change only
 * with a seed or a migration, and chart-data entries expire within minutes anyway.
 */
export async function listRegions({ locale }: { caller: Caller; locale: string }): Promise<RegionOption[]> {
  const regions = await regionsOfThisRequest();
  const named = regions.map((region) => ({
    slug: region.slug,
    code: region.code,
    kind: region.kind,
    name: locale === "ru" ? region.nameRu : region.nameEn,
  }));
  // Sorted in the language of the names (any other value a page was handed, e.g. a mistyped locale segment, sorts as English).
  const collator = collatorOf(locale === "ru" ? "ru" : "en");
  return named.sort((a, b) => (a.kind === b.kind ? collator.compare(a.name, b.name) : a.kind === "CITY" ? -1 : 1));
}

const collators = new Map<string, Intl.Collator>();
const collatorOf = (locale: string) => collators.get(locale) ?? collators.set(locale, new Intl.Collator(locale)).get(locale)!;

const regionsOfThisRequest = cache(() =>
  cachedChartData("series", "regions", () => getDb().region.findMany({ select: { slug: true, code: true, kind: true, nameEn: true, nameRu: true } })),
);

import { comparable, splitList } from "./values";

/**
 * The reference data a STOP row is matched against: operators with their
 * aliases, and Kazakhstan's regions with every name they have had. The
 * importer loads it from the database; tests build it from the seed.
 */
export type ReferenceOperator = { slug: string; name: string; aliases: string[] };
export type ReferenceRegion = { slug: string; kind: "REGION" | "CITY"; name: string; otherNames: string[] };
export type StopReference = { operators: ReferenceOperator[]; regions: ReferenceRegion[] };

/** `" a b "` contains the words `"a b"`. */
const containsWords = (haystack: string, needle: string) => needle !== "" && ` ${haystack} `.includes(` ${needle} `);

/** Items that name nobody: "Unknown", "N/A", "None". */
const NOBODY = /^(unknown|n a|na|none|no|not known|unclear)$/;

export type OperatorMatch = {
  /** Operator slugs in the order the text names them. */
  slugs: string[];
  /** Items that named no known operator, as written (minus a "Country:" prefix). */
  unmatched: string[];
};

/**
 * Finds operators in `telcos_involved`-style free text, e.g.
 * "Kazakhstan: Beeline (VEON), Kazakhstan: Kcell (Fintur), Kazakhstan: Tele2 / ALTEL, Kazakhtelecom JSC".
 *
 * The rule: the text is split into items on commas, semicolons and line
 * breaks (not inside parentheses); a leading "Country:" is dropped. An item
 * names an operator when, compared without case, accents or punctuation, the
 * operator's name, slug or one of its aliases appears in it as whole words
 * ("Tele2 / ALTEL" ~ "Tele2/Altel"; "Beeline (VEON)" contains "Beeline";
 * "Kcell JSC" contains "Kcell"). One item may name several operators. Items
 * that name none are returned as written so the draft can keep them.
 */
export function matchOperators(text: string, operators: ReferenceOperator[]): OperatorMatch {
  const candidates = operators.map((operator) => ({
    slug: operator.slug,
    names: [operator.name, operator.slug, ...operator.aliases].map(comparable).filter((name) => name !== ""),
  }));
  const slugs: string[] = [];
  const unmatched: string[] = [];
  for (const rawItem of splitList(text)) {
    const item = rawItem.replace(/^[^:()\d]{2,40}:\s*/, "").trim();
    const words = comparable(item);
    if (words === "" || NOBODY.test(words)) continue;
    const found = candidates.filter((candidate) => candidate.names.some((name) => containsWords(words, name)));
    if (found.length === 0) unmatched.push(item);
    for (const { slug } of found) if (!slugs.includes(slug)) slugs.push(slug);
  }
  return { slugs, unmatched };
}

/** Operators named anywhere in a sentence ("Kcell claimed authorities ordered …"), in catalogue order. */
export function operatorsMentioned(text: string, operators: ReferenceOperator[]): string[] {
  const words = comparable(text);
  return operators
    .filter((operator) => [operator.name, operator.slug, ...operator.aliases].map(comparable).some((name) => containsWords(words, name)))
    .map((operator) => operator.slug);
}

export type RegionMatch = { slugs: string[]; unmatched: string[] };

const REGION_WORDS = /\s+(region|oblast|oblysy|province|obl)$/;
const CITY_WORDS = /^(city of|g)\s+|\s+(city|shahar|qalasy)$/;

/** Every way an area cell may name a unit, longest first so "Almaty Region" wins over "Almaty". */
function regionKeys(regions: ReferenceRegion[]): [string, string][] {
  const keys = new Map<string, string>();
  const add = (key: string, slug: string) => {
    if (key !== "" && !keys.has(key)) keys.set(key, slug);
  };
  // Exact names first: "almaty" is the city, "almaty region" the region.
  for (const region of regions) for (const name of [region.name, ...region.otherNames]) add(comparable(name), region.slug);
  for (const region of regions) {
    for (const name of [region.name, ...region.otherNames]) {
      const base = comparable(name).replace(REGION_WORDS, "");
      if (region.kind === "REGION") {
        for (const suffix of ["region", "oblast", "oblysy", "province"]) add(`${base} ${suffix}`, region.slug);
        add(base, region.slug);
      } else {
        add(`${base} city`, region.slug);
      }
    }
  }
  return [...keys.entries()].sort((a, b) => b[0].length - a[0].length);
}

/**
 * Finds Kazakhstan's regions in an `area_name` cell ("Almaty, Nur-Sultan";
 * "Mangystau Region and Almaty"). Items are split on commas, semicolons,
 * slashes, "&" and "and"; each names the unit whose name (English, Russian,
 * Kazakh or a former name such as Nur-Sultan) it contains as whole words,
 * the longest name winning.
 */
export function matchRegions(area: string, regions: ReferenceRegion[]): RegionMatch {
  const keys = regionKeys(regions);
  const slugs: string[] = [];
  const unmatched: string[] = [];
  const items = area
    .split(/[,;/&\n]|\s+and\s+|\s+и\s+/i)
    .map((item) => item.trim())
    .filter((item) => item !== "");
  for (const item of items) {
    const words = comparable(item).replace(CITY_WORDS, "");
    const hit = keys.find(([key]) => containsWords(words, key)) ?? keys.find(([key]) => containsWords(comparable(item), key));
    if (!hit) unmatched.push(item);
    else if (!slugs.includes(hit[1])) slugs.push(hit[1]);
  }
  return { slugs, unmatched };
}

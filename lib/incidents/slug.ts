/**
 * The address an incident gets from its title, as the editor suggests it:
 * "2022-01-nationwide-blackout" for "Nationwide blackout" starting in January
 * 2022 (Kazakhstan calendar). Cyrillic — Russian and Kazakh — is
 * transliterated, other accents are dropped, and anything else becomes a
 * hyphen, so the result always satisfies ZSlug when the title has letters or
 * digits. Pure and browser-safe.
 */

/** Russian letters as the passport (ICAO-style) romanisation writes them, and Kazakh letters after the 2021 Latin alphabet, without diacritics. */
const CYRILLIC: Readonly<Record<string, string>> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "i",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "iu",
  я: "ia",
  // Kazakh
  ә: "a",
  ғ: "g",
  қ: "q",
  ң: "n",
  ө: "o",
  ұ: "u",
  ү: "u",
  һ: "h",
  і: "i",
  // Ukrainian and Belarusian letters that turn up in names
  є: "ie",
  ї: "i",
  ґ: "g",
  ў: "u",
};

/** The longest slug the editor suggests; ZSlug allows 120, and shorter addresses are easier to cite. */
export const SUGGESTED_SLUG_MAX = 80;

/** Lowercase ASCII words joined by single hyphens: "Блокировка Telegram в Алматы" → "blokirovka-telegram-v-almaty". */
export function slugWords(text: string): string {
  const transliterated = [...text.toLowerCase()].map((letter) => CYRILLIC[letter] ?? letter).join("");
  const words = transliterated
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug === "" ? word : `${slug}-${word}`;
    if (next.length > SUGGESTED_SLUG_MAX) break;
    slug = next;
  }
  // A single word longer than the limit is cut rather than dropped.
  return slug === "" && words.length > 0 ? words[0]!.slice(0, SUGGESTED_SLUG_MAX) : slug;
}

/**
 * The suggested slug for a title and the incident's start, given as the
 * editor holds it (Kazakhstan wall-clock "YYYY-MM-DD…", or "" when unknown):
 * "YYYY-MM-" then the title's words, the convention of the seeded records.
 * Empty when the title has no letters or digits.
 */
export function suggestSlug(title: string, startsAtLocal: string): string {
  const words = slugWords(title);
  if (words === "") return "";
  const month = /^(\d{4})-(\d{2})/.exec(startsAtLocal.trim());
  return month ? `${month[1]}-${month[2]}-${words}` : words;
}

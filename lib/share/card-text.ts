/**
 * Text a card can draw with its bundled fonts (Noto Sans: Latin, Latin
 * extended, Cyrillic, Cyrillic extended, general punctuation and currency).
 * Any other character would make the renderer try to download a fallback
 * font, which the server must never do, so it is dropped.
 */
const COVERED = /[\u0020-\u007E\u00A0-\u024F\u0300-\u036F\u0400-\u052F\u1C80-\u1C8F\u1E00-\u1EFF\u2000-\u206F\u20A0-\u20C0\u2116\u2122\u2190-\u2193\u2212\u2C60-\u2C7F\u2DE0-\u2DFF\uA640-\uA69F\uA720-\uA7FF]/u;

export function coveredText(text: string): string {
  let result = "";
  for (const character of text.replace(/\s+/g, " ")) if (COVERED.test(character)) result += character;
  return result.replace(/ {2,}/g, " ").trim();
}

/** Covered text cut to at most `max` characters, on a word boundary where one is near, with an ellipsis. */
export function cardText(text: string, max: number): string {
  const covered = coveredText(text);
  const characters = [...covered];
  if (characters.length <= max) return covered;
  const cut = characters.slice(0, max - 1).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/u, "")}…`;
}

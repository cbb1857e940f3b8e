/**
 * Fitting text into the width an exported chart image gives it, without ever
 * cutting a word: lines break between words; a word wider than a whole line
 * (an address) breaks only after its punctuation, as addresses are typeset;
 * a label with more lines than its box holds ends in an ellipsis after its
 * last whole word. Pure: the width of a text comes from a `measure` function
 * (the browser passes one built on a canvas, with the fonts the image is drawn
 * with; tests and the server use `estimateTextWidth`).
 */

/** Width in CSS pixels of `text` set at `fontSize` pixels. */
export type MeasureText = (text: string, fontSize: number, bold?: boolean) => number;

export type FitOptions = { measure?: MeasureText; bold?: boolean };

export const ELLIPSIS = "…";

/** Widths in em of a sans-serif face (DejaVu Sans, Noto Sans, Roboto), by character class; generous, so estimates wrap early rather than overflow. */
const NARROW = /[iljIt.,:;'|!()[\]{}ſ"`\u0456\u0457\u0458]/u;
const SPACE_LIKE = /[\s\u00a0]/u;
const WIDE = /[mwMWЖжШшЩщМмЮюФф@%—]/u;
const UPPER = /[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9#&?]/u;

/** A width estimate without font metrics (Node, tests): per-character classes, bold 8 % wider. */
export const estimateTextWidth: MeasureText = (text, fontSize, bold = false) => {
  let ems = 0;
  for (const character of text) {
    if (SPACE_LIKE.test(character)) ems += 0.32;
    else if (NARROW.test(character)) ems += 0.34;
    else if (WIDE.test(character)) ems += 0.95;
    else if (UPPER.test(character)) ems += 0.72;
    else ems += 0.6;
  }
  return ems * fontSize * (bold ? 1.08 : 1);
};

/** A word split after the characters where an address may break: "/", "?", "&", "=", "-", "_", ".", ",", ":", "#". */
export function breakablePieces(word: string): string[] {
  return word.match(/[^/?&=\-_.,:#]*(?:[/?&=\-_.,:#]+|$)/g)?.filter((piece) => piece !== "") ?? [word];
}

/**
 * Splits text into lines no wider than `maxWidth`, breaking only between
 * words, or inside an over-long word after its punctuation. A piece that is
 * still too wide stays whole on its own line (never cut): callers that must
 * not overflow widen their frame to `widestLine`, or use `fitLabel`.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, options: FitOptions = {}): string[] {
  const measure = options.measure ?? estimateTextWidth;
  const fits = (candidate: string) => measure(candidate, fontSize, options.bold) <= maxWidth;
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (fits(joined)) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = "";
    if (fits(word)) {
      line = word;
      continue;
    }
    for (const piece of breakablePieces(word)) {
      if (line && !fits(line + piece)) {
        lines.push(line);
        line = "";
      }
      line += piece;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The widest of some lines, as `measure` sees them. */
export function widestLine(lines: string[], fontSize: number, options: FitOptions = {}): number {
  const measure = options.measure ?? estimateTextWidth;
  return Math.max(0, ...lines.map((line) => measure(line, fontSize, options.bold)));
}

/**
 * A label in at most `maxLines` lines of at most `maxWidth`: wrapped between
 * words; what does not fit is left out after the last whole word that does,
 * marked with an ellipsis. Never part of a word: a first word wider than the
 * box is replaced by the ellipsis.
 */
export function fitLabel(text: string, maxWidth: number, maxLines: number, fontSize: number, options: FitOptions = {}): string[] {
  const measure = options.measure ?? estimateTextWidth;
  const fits = (candidate: string) => measure(candidate, fontSize, options.bold) <= maxWidth;
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let index = 0;
  while (index < words.length && lines.length < Math.max(1, maxLines)) {
    let line = "";
    while (index < words.length) {
      const joined = line ? `${line} ${words[index]}` : words[index]!;
      if (!fits(joined)) break;
      line = joined;
      index += 1;
    }
    // A word wider than a whole line cannot be shown whole: the label stops before it.
    if (!line) break;
    lines.push(line);
  }
  if (index >= words.length) return lines;
  // Something is left out: the last line ends with an ellipsis after a whole word.
  const last = (lines.pop() ?? "").split(" ").filter(Boolean);
  while (last.length > 0 && !fits(`${last.join(" ")}${ELLIPSIS}`)) last.pop();
  lines.push(last.length > 0 ? `${last.join(" ")}${ELLIPSIS}` : ELLIPSIS);
  return lines;
}

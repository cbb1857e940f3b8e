/**
 * Reading single STOP cells: text, dates, flags, lists and links. Pure.
 */

/** A calendar day as the sheet writes it, with no time zone. */
export type CalendarDay = { year: number; month: number; day: number };

/** Yes/No/Unknown (2021 onward) and 1/0 (2019) flags; null when the cell is blank. */
export type StopFlag = "yes" | "no" | "unknown" | null;

/** Trims (including no-break spaces), turns CRLF into LF and collapses runs of spaces; "" for blank cells. */
export function cleanText(value: string | undefined): string {
  if (value === undefined) return "";
  return value
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ *\n */g, "\n")
    .trim();
}

/**
 * Undoes the export's guard against spreadsheet formulas: a cell written as
 * "'=…" (or +, -, @) is read back as "=…".
 */
export function unguardFormula(value: string): string {
  return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}

/** Cells that mean "nothing recorded". */
export function isBlankLike(value: string): boolean {
  return /^(|-|–|n\/?a|none|null|unknown|unk\.?|not known|\?)$/i.test(value.trim());
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function validDay(year: number, month: number, day: number): CalendarDay | null {
  if (!Number.isInteger(year) || year < 1990 || year > 2100) return null;
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth ? { year, month, day } : null;
}

const fullYear = (year: string) => (year.length === 2 ? 2000 + Number(year) : Number(year));

/**
 * The sheet's dates: `m/d/yyyy` (every sheet), `d-Mmm-yyyy` (2016–2018, e.g.
 * "15-Mar-2018"), and ISO `yyyy-mm-dd` as spreadsheet tools sometimes write
 * them. Two-digit years are 20yy. Null when the text is not a real date.
 */
export function parseStopDate(value: string): CalendarDay | null {
  const text = value.trim();
  let match = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/.exec(text);
  if (match) return validDay(fullYear(match[3]!), Number(match[1]), Number(match[2]));
  match = /^(\d{1,2})[- ]([A-Za-z]{3,9})\.?[- ](\d{4}|\d{2})$/.exec(text);
  if (match) {
    const month = MONTHS.indexOf(match[2]!.slice(0, 3).toLowerCase()) + 1;
    return month === 0 ? null : validDay(fullYear(match[3]!), month, Number(match[1]));
  }
  match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match) return validDay(Number(match[1]), Number(match[2]), Number(match[3]));
  return null;
}

const pad = (value: number) => String(value).padStart(2, "0");

/** "2022-01-04" */
export function isoDay(day: CalendarDay): string {
  return `${day.year}-${pad(day.month)}-${pad(day.day)}`;
}

/** "1/4/2022", the sheet's own format. */
export function stopDay(day: CalendarDay): string {
  return `${day.month}/${day.day}/${day.year}`;
}

export function compareDays(a: CalendarDay, b: CalendarDay): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** "Yes", "yes ", "1", "TRUE", "Yes (partially)" → yes; "No", "0" → no; "Unknown", "N/A" → unknown; blank → null. */
export function parseFlag(value: string): StopFlag {
  const text = value.trim().toLowerCase();
  if (text === "") return null;
  if (/^n\/?a\b/.test(text)) return "unknown";
  if (/^(yes|y|1|true)\b/.test(text)) return "yes";
  if (/^(no|n|0|false)\b/.test(text)) return "no";
  return "unknown";
}

/**
 * Splits a free-text list on commas, semicolons and line breaks, but not
 * inside parentheses ("Kcell (Fintur, activ)" stays one item).
 */
export function splitList(value: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of value) {
    if (char === "(") depth += 1;
    if (char === ")") depth = Math.max(0, depth - 1);
    if (depth === 0 && (char === "," || char === ";" || char === "\n")) {
      items.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  items.push(current);
  return items.map((item) => item.trim()).filter((item) => item !== "");
}

/**
 * Candidate links in a cell: separated by commas, semicolons or white space.
 * Trailing punctuation that belongs to the sentence, not the address, is cut.
 */
export function splitLinks(value: string): string[] {
  return value
    .split(/[\s,;]+/)
    .map((item) => item.replace(/[.)\]}>"'»]+$/, "").replace(/^[(<"'«]+/, ""))
    .filter((item) => item !== "");
}

/** Lower case, no accents or punctuation, single spaces: what names are compared on. */
export function comparable(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Shortens text to a limit at a word boundary, marking the cut with "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const atSpace = cut.lastIndexOf(" ");
  return `${(atSpace > max * 0.6 ? cut.slice(0, atSpace) : cut).trimEnd()}…`;
}

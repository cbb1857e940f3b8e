/**
 * Citations of one version of an incident record, in the formats reference
 * managers and style guides take: plain text, APA (7th edition, a web page
 * with a version), BibTeX, RIS and CSL-JSON. Each names the version shown
 * and its date, and the record's permanent address (the caller builds it
 * from SITE_URL or the server's own origin, never from a client header).
 * Pure: strings in, strings out; every field is escaped for its format.
 */

export const CITATION_FORMATS = ["plain", "apa", "bibtex", "ris", "csl-json"] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

export type IncidentCitationInput = {
  /** The incident's slug ([a-z0-9-]): part of the citation key. */
  slug: string;
  title: string;
  /** The record's permanent address, absolute. */
  url: string;
  /** The version shown (the incident's revision number) and the day its content was last changed. */
  version: number;
  updatedAt: Date;
  /** When the reader looked: the access date of BibTeX, RIS and CSL-JSON. */
  accessedAt: Date;
  /** The page's language: "en" or "ru". */
  locale: string;
  /** The tracker's name in that language: author, site and publisher. */
  publisher: string;
  /** Words in the page's language, with the version and date already in them. */
  words: {
    /** "version 12" */
    versionShort: string;
    /** "Version 12" (APA's parenthesis) */
    versionApa: string;
    /** "Incident record" (APA's bracketed description, CSL's genre) */
    recordType: string;
    /** "Incident record, version 12, last updated 7 December 2026" */
    note: string;
  };
};

/** Dates are Kazakhstan calendar days, as the site shows them. */
const TIME_ZONE = "Asia/Almaty";

type DateParts = { year: number; month: number; day: number };

function dateParts(instant: Date): DateParts {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value);
  return { year: part("year"), month: part("month"), day: part("day") };
}

/** Text ending with a full stop (not a second one). */
const sentence = (text: string) => (/[.!?]$/.test(singleLine(text)) ? singleLine(text) : `${singleLine(text)}.`);
const pad = (value: number) => String(value).padStart(2, "0");
const isoDate = ({ year, month, day }: DateParts) => `${year}-${pad(month)}-${pad(day)}`;

/** One line: no line breaks, tabs or other control characters, single spaces. */
export function singleLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ").replace(/\s+/g, " ").trim();
}

/** Text inside a BibTeX field: LaTeX's special characters escaped, so it typesets as written. */
export function escapeBibtex(text: string): string {
  const escapes: Record<string, string> = {
    "\\": "\\textbackslash{}",
    "{": "\\{",
    "}": "\\}",
    "&": "\\&",
    "%": "\\%",
    $: "\\$",
    "#": "\\#",
    _: "\\_",
    "^": "\\^{}",
    "~": "\\~{}",
  };
  return singleLine(text).replace(/[\\{}&%$#_^~]/g, (character) => escapes[character]!);
}

/** An address for a BibTeX `url` field (read verbatim by biblatex and the url package): characters that would unbalance braces or start a command are percent-encoded. */
export function bibtexUrl(url: string): string {
  return url.trim().replace(/[{}\\\s]/g, (character) => encodeURIComponent(character));
}

const MONTH_MACROS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"] as const;

/** The citation key: "kst-<slug>-v<version>" (letters, digits and hyphens only). */
export function citationKey(slug: string, version: number): string {
  return `kst-${slug.replace(/[^a-z0-9-]/gi, "-")}-v${version}`;
}

function bibtex(input: IncidentCitationInput, updated: DateParts, accessed: DateParts): string {
  const fields: [string, string][] = [
    ["author", `{${escapeBibtex(input.publisher)}}`],
    ["title", `{${escapeBibtex(input.title)}}`],
    ["organization", `{${escapeBibtex(input.publisher)}}`],
    ["year", String(updated.year)],
    ["month", MONTH_MACROS[updated.month - 1]!],
    ["date", isoDate(updated)],
    ["version", String(input.version)],
    ["url", bibtexUrl(input.url)],
    ["urldate", isoDate(accessed)],
    ["note", escapeBibtex(input.words.note)],
    ["langid", input.locale === "ru" ? "russian" : "english"],
  ];
  // `month` takes the standard macro, unbraced; every other value is braced.
  const body = fields.map(([name, value]) => `  ${name} = ${name === "month" ? value : `{${value}}`}`).join(",\n");
  return `@misc{${citationKey(input.slug, input.version)},\n${body}\n}`;
}

/** RIS: one "TAG  - value" per line, values on one line (the format has no escapes), ending with ER. */
function ris(input: IncidentCitationInput, updated: DateParts, accessed: DateParts): string {
  const risDate = ({ year, month, day }: DateParts) => `${year}/${pad(month)}/${pad(day)}/`;
  const lines: [string, string][] = [
    ["TY", "WEB"],
    ["ID", citationKey(input.slug, input.version)],
    ["AU", input.publisher],
    ["TI", input.title],
    ["T2", input.publisher],
    ["PB", input.publisher],
    ["PY", String(updated.year)],
    ["DA", risDate(updated)],
    ["ET", input.words.versionApa],
    ["UR", input.url],
    ["Y2", risDate(accessed)],
    ["N1", input.words.note],
    ["LA", input.locale === "ru" ? "ru" : "en"],
  ];
  return [...lines.map(([tag, value]) => `${tag}  - ${singleLine(value)}`), "ER  - "].join("\n");
}

/** CSL-JSON (the Citation Style Language's data format: Zotero, Mendeley, Pandoc): a list of one item. */
function cslJson(input: IncidentCitationInput, updated: DateParts, accessed: DateParts): string {
  const item = {
    id: citationKey(input.slug, input.version),
    type: "webpage",
    title: singleLine(input.title),
    author: [{ literal: singleLine(input.publisher) }],
    "container-title": singleLine(input.publisher),
    publisher: singleLine(input.publisher),
    genre: singleLine(input.words.recordType),
    version: String(input.version),
    issued: { "date-parts": [[updated.year, updated.month, updated.day]] },
    accessed: { "date-parts": [[accessed.year, accessed.month, accessed.day]] },
    URL: singleLine(input.url),
    note: singleLine(input.words.note),
    language: input.locale === "ru" ? "ru-RU" : "en-GB",
  };
  return JSON.stringify([item], null, 2);
}

/** Every format's citation of the version shown. */
export function incidentCitations(input: IncidentCitationInput): Record<CitationFormat, string> {
  const updated = dateParts(input.updatedAt);
  const accessed = dateParts(input.accessedAt);
  const title = singleLine(input.title);
  const publisher = singleLine(input.publisher);
  const url = singleLine(input.url);
  const [open, close] = input.locale === "ru" ? ["«", "»"] : ["“", "”"];
  // APA 7: Author. (Year, Month Day). Title (Version n) [Description]. URL — the author is the site, so it is not named twice.
  // APA writes "December 7" in English.
  const monthDay = new Intl.DateTimeFormat(input.locale === "ru" ? "ru-RU" : "en-US", { timeZone: "UTC", month: "long", day: "numeric" }).format(new Date(Date.UTC(updated.year, updated.month - 1, updated.day)));
  return {
    plain: `${publisher}. ${open}${title}${close}. ${sentence(input.words.note)} ${url}`,
    apa: `${publisher}. (${updated.year}, ${monthDay}). ${title} (${singleLine(input.words.versionApa)}) [${singleLine(input.words.recordType)}]. ${url}`,
    bibtex: bibtex(input, updated, accessed),
    ris: ris(input, updated, accessed),
    "csl-json": cslJson(input, updated, accessed),
  };
}

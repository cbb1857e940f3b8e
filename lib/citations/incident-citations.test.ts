import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { bibtexUrl, citationKey, escapeBibtex, incidentCitations, singleLine, type IncidentCitationInput } from "./incident-citations";

/** 7 December 2026 in Kazakhstan (UTC+5): 19:30 UTC on the 6th is already the 7th there. */
const INPUT: IncidentCitationInput = {
  slug: "2022-01-qantar-shutdowns",
  title: "January 2022: nationwide shutdown during the Qantar unrest",
  url: "https://shutdowns.example.org/incidents/2022-01-qantar-shutdowns",
  version: 12,
  updatedAt: new Date("2026-12-06T19:30:00Z"),
  accessedAt: new Date("2026-12-08T04:00:00Z"),
  locale: "en",
  publisher: "Kazakhstan Shutdown Tracker",
  words: {
    versionShort: "version 12",
    versionApa: "Version 12",
    recordType: "Incident record",
    note: "Incident record, version 12, last updated 7 December 2026",
  },
};

/** A title with every character LaTeX treats specially, a line break and a tab. */
const HOSTILE_TITLE = "100% of {users} & $ISP_1 #cut ^up ~ \\end{document}\n\tnext";

type BibtexEntry = { type: string; key: string; fields: Record<string, string> };

/**
 * A strict reader of the one-entry BibTeX files the tracker writes: `@type{key,`, one
 * `name = {value}` or `name = macro` per line, braces balanced (escaped braces not
 * counted), `}` alone on the last line. Throws on anything else.
 */
function parseBibtex(text: string): BibtexEntry {
  const lines = text.split("\n");
  const head = /^@([a-z]+)\{([A-Za-z0-9:_-]+),$/.exec(lines[0]!);
  if (!head) throw new Error(`bad head: ${lines[0]}`);
  if (lines.at(-1) !== "}") throw new Error("no closing brace");
  const fields: Record<string, string> = {};
  lines.slice(1, -1).forEach((line, index, all) => {
    const match = /^ {2}([a-z]+) = (.*)$/.exec(line);
    if (!match) throw new Error(`bad field line: ${line}`);
    let value = match[2]!;
    const last = index === all.length - 1;
    if (!last) {
      if (!value.endsWith(",")) throw new Error(`no comma: ${line}`);
      value = value.slice(0, -1);
    }
    if (/^[a-z]+$/.test(value)) {
      fields[match[1]!] = value;
      return;
    }
    let depth = 0;
    for (let position = 0; position < value.length; position += 1) {
      const character = value[position];
      if (character === "\\") {
        position += 1;
        continue;
      }
      if (character === "{") depth += 1;
      if (character === "}") depth -= 1;
      if (depth === 0 && position < value.length - 1) throw new Error(`value closes early: ${value}`);
      if (depth < 0) throw new Error(`unbalanced: ${value}`);
    }
    if (depth !== 0 || !value.startsWith("{")) throw new Error(`unbalanced: ${value}`);
    fields[match[1]!] = value.slice(1, -1);
  });
  return { type: head[1]!, key: head[2]!, fields };
}

/** What LaTeX typesets for the escaped text. */
const unescapeBibtex = (text: string) =>
  text
    .replaceAll("\\textbackslash{}", "\\")
    .replaceAll("\\^{}", "^")
    .replaceAll("\\~{}", "~")
    .replace(/\\([{}&%$#_])/g, "$1");

/** The parts of the CSL-JSON schema (citation-style-language/schema, csl-data.json) the tracker uses; nothing else allowed. */
const CSL_DATE = {
  type: "object",
  required: ["date-parts"],
  additionalProperties: false,
  properties: { "date-parts": { type: "array", minItems: 1, maxItems: 2, items: { type: "array", minItems: 1, maxItems: 3, items: { type: ["integer", "string"] } } } },
};
const CSL_SCHEMA = {
  type: "array",
  items: {
    type: "object",
    required: ["id", "type"],
    additionalProperties: false,
    properties: {
      id: { type: ["string", "number"] },
      type: { enum: ["article", "book", "dataset", "document", "post", "post-weblog", "report", "webpage"] },
      title: { type: "string" },
      author: { type: "array", items: { type: "object", additionalProperties: false, properties: { literal: { type: "string" }, family: { type: "string" }, given: { type: "string" } } } },
      "container-title": { type: "string" },
      publisher: { type: "string" },
      genre: { type: "string" },
      version: { type: "string" },
      issued: CSL_DATE,
      accessed: CSL_DATE,
      URL: { type: "string" },
      note: { type: "string" },
      language: { type: "string" },
    },
  },
};
const validateCsl = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }).compile(CSL_SCHEMA);

describe("incidentCitations", () => {
  const citations = incidentCitations(INPUT);

  it("plain text: the tracker, the title, the version with its Kazakhstan date, the permanent address", () => {
    expect(citations.plain).toBe(
      "Kazakhstan Shutdown Tracker. “January 2022: nationwide shutdown during the Qantar unrest”. Incident record, version 12, last updated 7 December 2026. https://shutdowns.example.org/incidents/2022-01-qantar-shutdowns",
    );
  });

  it("APA 7: author, (year, month day), title (version) [description], address", () => {
    expect(citations.apa).toBe(
      "Kazakhstan Shutdown Tracker. (2026, December 7). January 2022: nationwide shutdown during the Qantar unrest (Version 12) [Incident record]. https://shutdowns.example.org/incidents/2022-01-qantar-shutdowns",
    );
  });

  it("BibTeX: one well-formed @misc entry keyed by slug and version, with the version, dates and address", () => {
    const entry = parseBibtex(citations.bibtex);
    expect(entry.type).toBe("misc");
    expect(entry.key).toBe("kst-2022-01-qantar-shutdowns-v12");
    expect(entry.fields).toEqual({
      author: "{Kazakhstan Shutdown Tracker}",
      title: "{January 2022: nationwide shutdown during the Qantar unrest}",
      organization: "{Kazakhstan Shutdown Tracker}",
      year: "2026",
      month: "dec",
      date: "2026-12-07",
      version: "12",
      url: "https://shutdowns.example.org/incidents/2022-01-qantar-shutdowns",
      urldate: "2026-12-08",
      note: "Incident record, version 12, last updated 7 December 2026",
      langid: "english",
    });
  });

  it("BibTeX: LaTeX's special characters in a title are escaped, braces stay balanced, and it typesets as written (on one line)", () => {
    const entry = parseBibtex(incidentCitations({ ...INPUT, title: HOSTILE_TITLE }).bibtex);
    const title = entry.fields.title!.slice(1, -1);
    expect(title).toBe("100\\% of \\{users\\} \\& \\$ISP\\_1 \\#cut \\^{}up \\~{} \\textbackslash{}end\\{document\\} next");
    expect(unescapeBibtex(title)).toBe(singleLine(HOSTILE_TITLE));
    expect(escapeBibtex("a}b{")).toBe("a\\}b\\{");
  });

  it("BibTeX: an address cannot break out of its field", () => {
    expect(bibtexUrl("https://x.org/a}b{c\\d e")).toBe("https://x.org/a%7Db%7Bc%5Cd%20e");
    expect(parseBibtex(incidentCitations({ ...INPUT, url: "https://x.org/}\n@misc{evil," }).bibtex).fields.url).toBe("https://x.org/%7D%0A@misc%7Bevil,");
    expect(citationKey("a b/c", 3)).toBe("kst-a-b-c-v3");
  });

  it("RIS: TY first, ER last, every line 'TAG  - value' with the version, dates and address", () => {
    const lines = citations.ris.split("\n");
    expect(lines[0]).toBe("TY  - WEB");
    expect(lines.at(-1)).toBe("ER  - ");
    for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
    const tags = Object.fromEntries(lines.map((line) => [line.slice(0, 2), line.slice(6)]));
    expect(tags).toMatchObject({
      AU: "Kazakhstan Shutdown Tracker",
      TI: INPUT.title,
      PY: "2026",
      DA: "2026/12/07/",
      ET: "Version 12",
      UR: INPUT.url,
      Y2: "2026/12/08/",
      ID: "kst-2022-01-qantar-shutdowns-v12",
    });
  });

  it("RIS: a title with line breaks stays one value on one line", () => {
    const lines = incidentCitations({ ...INPUT, title: HOSTILE_TITLE }).ris.split("\n");
    expect(lines.filter((line) => line.startsWith("TI  - "))).toEqual([`TI  - ${singleLine(HOSTILE_TITLE)}`]);
    expect(lines.every((line) => /^[A-Z][A-Z0-9] {2}- /.test(line))).toBe(true);
  });

  it("CSL-JSON: a valid list of one webpage item with the version, dates and address; special characters survive JSON", () => {
    const data = JSON.parse(citations["csl-json"]);
    expect(validateCsl(data), JSON.stringify(validateCsl.errors)).toBe(true);
    expect(data[0]).toMatchObject({
      id: "kst-2022-01-qantar-shutdowns-v12",
      type: "webpage",
      version: "12",
      issued: { "date-parts": [[2026, 12, 7]] },
      accessed: { "date-parts": [[2026, 12, 8]] },
      URL: INPUT.url,
      author: [{ literal: "Kazakhstan Shutdown Tracker" }],
    });
    const hostile = JSON.parse(incidentCitations({ ...INPUT, title: HOSTILE_TITLE })["csl-json"]);
    expect(validateCsl(hostile)).toBe(true);
    expect(hostile[0].title).toBe(singleLine(HOSTILE_TITLE));
  });

  it("in Russian: guillemets, Russian dates and words, langid russian", () => {
    const russian = incidentCitations({
      ...INPUT,
      locale: "ru",
      title: "Январь 2022: отключение по всей стране",
      url: "https://shutdowns.example.org/ru/incidents/2022-01-qantar-shutdowns",
      publisher: "Трекер отключений интернета в Казахстане",
      words: { versionShort: "версия 12", versionApa: "Версия 12", recordType: "Запись об инциденте", note: "Запись об инциденте, версия 12, обновлена 7 декабря 2026 г." },
    });
    expect(russian.plain).toBe(
      "Трекер отключений интернета в Казахстане. «Январь 2022: отключение по всей стране». Запись об инциденте, версия 12, обновлена 7 декабря 2026 г. https://shutdowns.example.org/ru/incidents/2022-01-qantar-shutdowns",
    );
    expect(russian.apa).toContain("(2026, 7 декабря). Январь 2022: отключение по всей стране (Версия 12) [Запись об инциденте].");
    expect(parseBibtex(russian.bibtex).fields.langid).toBe("russian");
    expect(russian.ris).toContain("LA  - ru");
    expect(validateCsl(JSON.parse(russian["csl-json"]))).toBe(true);
  });
});

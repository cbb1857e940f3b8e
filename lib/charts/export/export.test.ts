import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { guardCell, toCsv } from "./csv";
import { toJson, toJsonDocument } from "./json";
import { escapeXml, frameSvg } from "./svg-frame";
import { exportFileName, periodOfInstants, type ChartTable } from "./table";

const TABLE: ChartTable = {
  title: "Disruption-hours of Kcell by type",
  period: { from: "2022-01-01", to: "2022-01-31", timeZone: "Asia/Almaty" },
  source: "Curated incident records",
  sources: ["TRACKER"],
  licence: "Licence: CC BY 4.0",
  attribution: "Kazakhstan Shutdown Tracker",
  url: "https://example.org/isps/kcell?from=2022-01-01&to=2022-01-31",
  columns: [
    { key: "period", label: "Period", description: "The month" },
    { key: "label", label: "Label", description: "As on the chart" },
    { key: "FULL_BLACKOUT", label: "Full blackout", description: "Hours of full blackout", unit: "hours" },
  ],
  rows: [
    { period: "2022-01", label: "Jan 2022", FULL_BLACKOUT: 121.5 },
    { period: "2022-02", label: "=HYPERLINK(\"x\")", FULL_BLACKOUT: null },
    { period: "2022-03", label: 'Quote " and, comma\nnew line', FULL_BLACKOUT: 0 },
  ],
};

describe("toCsv", () => {
  it("writes a header row of column keys, then the rows, and csv-parse reads them back", () => {
    const records = parse(toCsv(TABLE), { columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0]!)).toEqual(["period", "label", "FULL_BLACKOUT"]);
    expect(records).toEqual([
      { period: "2022-01", label: "Jan 2022", FULL_BLACKOUT: "121.5" },
      { period: "2022-02", label: "'=HYPERLINK(\"x\")", FULL_BLACKOUT: "" },
      { period: "2022-03", label: 'Quote " and, comma\nnew line', FULL_BLACKOUT: "0" },
    ]);
  });

  it("guards text that a spreadsheet would run as a formula, but not negative numbers", () => {
    expect(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "plain"].map(guardCell)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "plain"]);
    expect(guardCell(-3.5)).toBe("-3.5");
    expect(guardCell(Number.NaN)).toBe("");
    expect(guardCell(true)).toBe("true");
    expect(guardCell(undefined)).toBe("");
  });

  it("ends every line with CRLF (RFC 4180)", () => {
    expect(toCsv({ columns: [{ key: "a", label: "A", description: "" }], rows: [{ a: 1 }] })).toBe("a\r\n1\r\n");
  });
});

describe("toJson", () => {
  it("carries the period, source, licence, attribution, address and described columns", () => {
    const document = JSON.parse(toJson(TABLE));
    expect(document.period).toEqual(TABLE.period);
    expect(document.licence).toEqual({ name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/", text: TABLE.licence });
    expect(document.credits).toEqual([{ source: "TRACKER", licence: { id: "CC-BY-4.0", name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" } }]);
    expect(document.columns.map((column: { description: string }) => column.description)).toEqual(["The month", "As on the chart", "Hours of full blackout"]);
    expect(document.source).toBe(TABLE.source);
    expect(document.attribution).toBe(TABLE.attribution);
    expect(document.url).toBe(TABLE.url);
    expect(document.rows[1]).toEqual({ period: "2022-02", label: "=HYPERLINK(\"x\")", FULL_BLACKOUT: null });
  });

  it("names each source's licence for a chart of measured signals, and no single licence for the whole file", () => {
    const document = toJsonDocument({ ...TABLE, sources: ["TRACKER", "OONI", "CLOUDFLARE", "IODA"] });
    expect(document.licence.name).toBe("CC BY 4.0; © Georgia Tech Research Corporation; CC BY-NC-SA 4.0; CC BY-NC 4.0");
    expect(document.licence.url).toBeNull();
    expect(document.credits.map((credit) => [credit.source, credit.licence.id])).toEqual([
      ["TRACKER", "CC-BY-4.0"],
      ["IODA", "LicenseRef-IODA-terms"],
      ["OONI", "CC-BY-NC-SA-4.0"],
      ["CLOUDFLARE", "CC-BY-NC-4.0"],
    ]);
  });

  it("keeps only the described columns, in their order, with null for a missing cell", () => {
    const document = toJsonDocument({ ...TABLE, rows: [{ label: "x", extra: 1, period: "p" }] });
    expect(Object.keys(document.rows[0]!)).toEqual(["period", "label", "FULL_BLACKOUT"]);
    expect(document.rows[0]).toEqual({ period: "p", label: "x", FULL_BLACKOUT: null });
  });
});

describe("periods and file names", () => {
  it("gives an exclusive end's period as inclusive Kazakhstan dates", () => {
    // 1–31 January 2022 in Almaty (UTC+6): 2021-12-31T18:00Z to 2022-01-31T18:00Z.
    expect(periodOfInstants(Date.parse("2021-12-31T18:00:00Z"), Date.parse("2022-01-31T18:00:00Z"), "Asia/Almaty")).toEqual({
      from: "2022-01-01",
      to: "2022-01-31",
      timeZone: "Asia/Almaty",
    });
    expect(periodOfInstants(Date.parse("2022-01-01T00:00:00Z"), Date.parse("2022-01-01T00:00:00Z"), "UTC")).toEqual({ from: "2022-01-01", to: "2022-01-01", timeZone: "UTC" });
  });

  it("names files kst-<chart>-<from>-<to>.<ext>, with only safe characters", () => {
    expect(exportFileName("operator-hours-kcell", TABLE.period, "png")).toBe("kst-operator-hours-kcell-2022-01-01-2022-01-31.png");
    expect(exportFileName("../Map: hours!", TABLE.period, "csv")).toBe("kst-map-hours-2022-01-01-2022-01-31.csv");
    expect(exportFileName("", TABLE.period, "json")).toBe("kst-chart-2022-01-01-2022-01-31.json");
  });
});

describe("frameSvg", () => {
  const panel = { markup: '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200"><rect width="10" height="10"/></svg>', width: 600, height: 200 };

  it("draws the title and period above the chart and the footer lines below, escaped", () => {
    const { svg, width, height } = frameSvg([panel], [{ swatch: null, label: "Full <blackout>" }], {
      title: "Hours & more",
      period: "1 Jan 2022 – 31 Jan 2022 (Asia/Almaty)",
      footer: ["Source: curated", "Kazakhstan Shutdown Tracker", "https://example.org/?a=1&b=2"],
    });
    expect(width).toBe(632);
    expect(height).toBeGreaterThan(200 + 80);
    expect(svg).toContain(">Hours &amp; more</text>");
    expect(svg).toContain(">1 Jan 2022 – 31 Jan 2022 (Asia/Almaty)</text>");
    expect(svg).toContain(">Full &lt;blackout&gt;</text>");
    expect(svg).toContain("https://example.org/?a=1&amp;b=2");
    expect(svg).toContain(panel.markup);
    expect(svg.indexOf("Hours &amp; more</text>")).toBeLessThan(svg.indexOf(panel.markup));
    expect(svg.indexOf(panel.markup)).toBeLessThan(svg.indexOf("Kazakhstan Shutdown Tracker"));
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  });

  it("stacks several panels, each under its own heading", () => {
    const { svg, height } = frameSvg(
      [
        { ...panel, title: "BGP" },
        { ...panel, title: "Active probing" },
      ],
      [],
      { title: "t", period: "p", footer: [] },
    );
    expect(svg).toMatch(/>BGP<\/text>[\s\S]*>Active probing<\/text>/);
    expect(height).toBeGreaterThan(400);
  });

  it("escapes XML", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  });

  it("draws the example-data notice as a banner under the title, and names it in the image's title", () => {
    const { svg } = frameSvg([panel], [], { title: "Kcell: measured signals", period: "p", notice: "Example data — invented. Do not cite.", footer: [] });
    expect(svg).toContain("<title>Example data — invented. Do not cite. Kcell: measured signals</title>");
    expect(svg).toMatch(/<rect [^>]*fill="#b00020"\/>\s*<text [^>]*font-weight="bold" fill="#ffffff">Example data — invented\. Do not cite\.<\/text>/);
    expect(svg.indexOf("Example data — invented. Do not cite.</text>")).toBeLessThan(svg.indexOf(panel.markup));
  });

  it("never cuts a word: every drawn line is whole words of the text, and the frame widens for an address no line holds", () => {
    const words = "Kazakhstan Shutdown Tracker: curated incidents by the coalition, measurements from OONI, IODA and Cloudflare Radar";
    const address = `https://example.org/${"very-long-segment".repeat(8)}/isps/kcell?from=2022-01-01&to=2022-01-31`;
    const { svg, width } = frameSvg([panel], [], { title: words.repeat(2), period: "p", footer: [words, address] });
    const drawn = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((match) => match[1]!.replaceAll("&amp;", "&"));
    const titleWords = new Set(words.split(" "));
    for (const line of drawn.filter((line) => line.startsWith("Kazakhstan") || titleWords.has(line.split(" ")[0]!))) {
      for (const word of line.split(" ")) expect(titleWords.has(word), `${word} in "${line}"`).toBe(true);
    }
    // The address is drawn in pieces that break only after its punctuation, and they join up to the whole of it.
    const pieces = drawn.filter((line) => line.startsWith("https:") || line.startsWith("very-") || line.startsWith("isps") || line.startsWith("kcell") || /^(segment|\/|from|to|2022)/.test(line));
    expect(pieces.join("")).toBe(address);
    expect(pieces.slice(0, -1).every((piece) => /[/?&=\-_.,:#]$/.test(piece))).toBe(true);
    expect(width).toBeGreaterThanOrEqual(632);
  });
});

import { describe, expect, it } from "vitest";
import { cleanText, parseFlag, parseStopDate, splitLinks, splitList, unguardFormula } from "./values";

describe("parseStopDate", () => {
  it("reads m/d/yyyy", () => {
    expect(parseStopDate("1/4/2022")).toEqual({ year: 2022, month: 1, day: 4 });
    expect(parseStopDate(" 10/19/2022 ")).toEqual({ year: 2022, month: 10, day: 19 });
    expect(parseStopDate("12/31/21")).toEqual({ year: 2021, month: 12, day: 31 });
  });

  it("reads d-Mmm-yyyy (2016–2018)", () => {
    expect(parseStopDate("15-Mar-2018")).toEqual({ year: 2018, month: 3, day: 15 });
    expect(parseStopDate("2-jan-2017")).toEqual({ year: 2017, month: 1, day: 2 });
    expect(parseStopDate("7-Jun-18")).toEqual({ year: 2018, month: 6, day: 7 });
  });

  it("reads ISO dates some spreadsheet tools write", () => {
    expect(parseStopDate("2021-02-28")).toEqual({ year: 2021, month: 2, day: 28 });
  });

  it("refuses what is not a real date", () => {
    for (const text of ["31/31/2022", "2/30/2021", "2019-13-01", "13-Foo-2018", "Ongoing", "", "1/4", "yesterday"]) {
      expect(parseStopDate(text), text).toBeNull();
    }
  });
});

describe("parseFlag", () => {
  it("reads Yes/No/Unknown and 1/0", () => {
    expect(parseFlag("Yes")).toBe("yes");
    expect(parseFlag("yes ")).toBe("yes");
    expect(parseFlag("1")).toBe("yes");
    expect(parseFlag("Yes (partially)")).toBe("yes");
    expect(parseFlag("No")).toBe("no");
    expect(parseFlag("0")).toBe("no");
    expect(parseFlag("Unknown")).toBe("unknown");
    expect(parseFlag("N/A")).toBe("unknown");
    expect(parseFlag("  ")).toBeNull();
  });
});

describe("cells", () => {
  it("cleans spaces, no-break spaces and CRLF", () => {
    expect(cleanText("  Kazakhstan \u00a0")).toBe("Kazakhstan");
    expect(cleanText("one  \r\n  two")).toBe("one\ntwo");
  });

  it("splits free-text lists on commas, semicolons and lines, not inside parentheses", () => {
    expect(splitList("Kazakhstan: Kcell (Fintur, activ); Beeline\nTele2 / ALTEL,")).toEqual(["Kazakhstan: Kcell (Fintur, activ)", "Beeline", "Tele2 / ALTEL"]);
  });

  it("splits links on commas, semicolons and white space and trims sentence punctuation", () => {
    expect(splitLinks("https://a.example/x, https://b.example/y;https://c.example/z  (https://d.example/w).")).toEqual([
      "https://a.example/x",
      "https://b.example/y",
      "https://c.example/z",
      "https://d.example/w",
    ]);
  });

  it("undoes the export's formula guard only where it applies", () => {
    expect(unguardFormula("'=SUM(A1)")).toBe("=SUM(A1)");
    expect(unguardFormula("'quoted'")).toBe("'quoted'");
  });
});

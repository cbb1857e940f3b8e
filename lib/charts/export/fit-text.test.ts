import { describe, expect, it } from "vitest";
import { breakablePieces, ELLIPSIS, estimateTextWidth, fitLabel, wrapText, widestLine, type MeasureText } from "./fit-text";

/** A monospaced measure: every character 10 px at any size, so widths are easy to reason about. */
const mono: MeasureText = (text) => [...text].length * 10;

describe("wrapText", () => {
  it("breaks between words only, each line within the width", () => {
    expect(wrapText("one two three four five six", 100, 12, { measure: mono })).toEqual(["one two", "three four", "five six"]);
    for (const line of wrapText("Полное отключение мобильного интернета по всей стране", 160, 12, { measure: mono })) {
      expect(mono(line, 12)).toBeLessThanOrEqual(160);
    }
  });

  it("breaks a word wider than a line only after its punctuation, keeping every character", () => {
    const address = "https://example.org/incidents/2022-01-qantar-shutdowns?tz=utc";
    const lines = wrapText(`View: ${address}`, 200, 12, { measure: mono });
    expect(lines.join("").replace(/^View:/, "")).toBe(address);
    expect(lines.slice(1, -1).every((line) => /[/?&=\-_.,:#]$/.test(line))).toBe(true);
    expect(lines.every((line) => mono(line, 12) <= 200)).toBe(true);
  });

  it("leaves a piece with no break point whole (too wide) rather than cutting it", () => {
    expect(wrapText("a supercalifragilistic b", 100, 12, { measure: mono })).toEqual(["a", "supercalifragilistic", "b"]);
    expect(widestLine(["a", "supercalifragilistic"], 12, { measure: mono })).toBe(200);
  });

  it("splits addresses after their punctuation", () => {
    expect(breakablePieces("https://a.org/b?c=1&d=2")).toEqual(["https://", "a.", "org/", "b?", "c=", "1&", "d=", "2"]);
    expect(breakablePieces("plain")).toEqual(["plain"]);
  });
});

describe("fitLabel", () => {
  it("keeps a label that fits as it is", () => {
    expect(fitLabel("1. Cut", 100, 1, 12, { measure: mono })).toEqual(["1. Cut"]);
  });

  it("wraps into as many lines as the box holds", () => {
    expect(fitLabel("2. Mobile data cut nationwide", 140, 2, 12, { measure: mono })).toEqual(["2. Mobile data", "cut nationwide"]);
  });

  it("ends with an ellipsis after the last whole word that fits, never inside a word", () => {
    const lines = fitLabel("3. Partial restoration in Almaty and Nur-Sultan", 140, 2, 12, { measure: mono });
    expect(lines).toEqual(["3. Partial", "restoration…"]);
    const single = fitLabel("4. Internet restored nationwide", 150, 1, 12, { measure: mono });
    expect(single).toEqual(["4. Internet…"]);
    for (const line of [...lines, ...single]) expect(mono(line, 12)).toBeLessThanOrEqual(150);
  });

  it("drops a word that cannot fit whole, instead of cutting it", () => {
    expect(fitLabel("5. Телекоммуникационный сбой", 120, 2, 12, { measure: mono })).toEqual(["5.…"]);
    expect(fitLabel("Телекоммуникационный", 60, 3, 12, { measure: mono })).toEqual([ELLIPSIS]);
  });

  it("every line of a fitted label is whole words of the label", () => {
    const label = "12. Fixed-line internet cut again in Nur-Sultan while mobile data stayed off";
    const words = new Set(label.split(" "));
    for (const width of [60, 90, 130, 200, 400]) {
      for (const maxLines of [1, 2, 3]) {
        const lines = fitLabel(label, width, maxLines, 13, { measure: mono });
        expect(lines.length).toBeLessThanOrEqual(maxLines);
        for (const line of lines) {
          expect(mono(line, 13)).toBeLessThanOrEqual(Math.max(width, mono(ELLIPSIS, 13)));
          for (const word of line.replace(ELLIPSIS, "").split(" ").filter(Boolean)) expect(words.has(word), `${word} (${width}px, ${maxLines} lines)`).toBe(true);
        }
      }
    }
  });
});

describe("estimateTextWidth", () => {
  it("gives wide letters more room than narrow ones, Cyrillic included, and bold more than regular", () => {
    expect(estimateTextWidth("WWWW", 12)).toBeGreaterThan(estimateTextWidth("iiii", 12));
    expect(estimateTextWidth("ЖЖЖЖ", 12)).toBeGreaterThan(estimateTextWidth("оооо", 12));
    expect(estimateTextWidth("Blackout", 12, true)).toBeGreaterThan(estimateTextWidth("Blackout", 12));
    expect(estimateTextWidth("Blackout", 24)).toBeCloseTo(estimateTextWidth("Blackout", 12) * 2);
  });
});

import { describe, expect, it } from "vitest";
import { cssBackgroundPaint, normaliseCssColour, parseCssGradient, stopOffsets } from "./css-paint";

/** What Chromium computes for the phase chart's intermittent bar (components/timeline/timeline.module.css) with --type-color #D55E00. */
const INTERMITTENT =
  "repeating-linear-gradient(135deg, rgb(213, 94, 0) 0px, rgb(213, 94, 0) 6px, color(srgb 0.835294 0.368627 0 / 0.25) 6px, color(srgb 0.835294 0.368627 0 / 0.25) 12px)";
/** …and for an open-ended phase. */
const OPEN = "linear-gradient(to right, rgb(213, 94, 0) 0%, rgb(213, 94, 0) 20%, rgba(0, 0, 0, 0))";

describe("normaliseCssColour", () => {
  it("spells color(srgb …) as rgba() and leaves other colours alone", () => {
    expect(normaliseCssColour("color(srgb 0.835294 0.368627 0 / 0.25)")).toBe("rgba(213, 94, 0, 0.25)");
    expect(normaliseCssColour("color(srgb 1 1 1)")).toBe("rgba(255, 255, 255, 1)");
    expect(normaliseCssColour("rgb(0, 114, 178)")).toBe("rgb(0, 114, 178)");
  });
});

describe("parseCssGradient", () => {
  it("reads the intermittent stripes: repeating, 135°, full colour 0–6 px then a quarter 6–12 px", () => {
    expect(parseCssGradient(INTERMITTENT)).toEqual({
      repeating: true,
      angle: 135,
      stops: [
        { colour: "rgb(213, 94, 0)", position: 0, unit: "px" },
        { colour: "rgb(213, 94, 0)", position: 6, unit: "px" },
        { colour: "rgba(213, 94, 0, 0.25)", position: 6, unit: "px" },
        { colour: "rgba(213, 94, 0, 0.25)", position: 12, unit: "px" },
      ],
    });
  });

  it("reads side keywords, two positions per colour and stops without a position", () => {
    const open = parseCssGradient(OPEN)!;
    expect(open.angle).toBe(90);
    expect(open.repeating).toBe(false);
    expect(open.stops.at(-1)).toEqual({ colour: "rgba(0, 0, 0, 0)", position: null, unit: null });
    expect(parseCssGradient("repeating-linear-gradient(135deg, rgb(1, 2, 3) 0px 4px, rgba(0, 0, 0, 0) 4px 8px)")!.stops.map((stop) => stop.position)).toEqual([0, 4, 4, 8]);
    expect(parseCssGradient("none")).toBeNull();
    expect(parseCssGradient("url(x.png)")).toBeNull();
  });

  it("takes the first of several layers", () => {
    expect(parseCssGradient(`${OPEN}, linear-gradient(red, blue)`)!.angle).toBe(90);
  });
});

describe("stopOffsets", () => {
  it("turns px and % positions into offsets and spreads the missing ones", () => {
    expect(stopOffsets(parseCssGradient(INTERMITTENT)!.stops, 12)).toEqual([0, 0.5, 0.5, 1]);
    expect(stopOffsets(parseCssGradient(OPEN)!.stops, 300)).toEqual([0, 0.2, 1]);
    expect(stopOffsets([{ colour: "a", position: null, unit: null }, { colour: "b", position: null, unit: null }, { colour: "c", position: null, unit: null }], 10)).toEqual([0, 0.5, 1]);
  });
});

describe("cssBackgroundPaint", () => {
  it("draws intermittent phases as stripes: a 12 px pattern along the gradient's angle, in both colours, never a solid fill", () => {
    const defs: string[] = [];
    const fill = cssBackgroundPaint({ backgroundImage: INTERMITTENT, backgroundColor: "rgba(0, 0, 0, 0)" }, "bar-1", defs, 200, 20);
    expect(fill).toBe("url(#bar-1)");
    const markup = defs.join("");
    expect(markup).toContain('<pattern id="bar-1" width="12" height="12" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">');
    expect(markup).toContain('<stop offset="0" stop-color="rgb(213, 94, 0)"/><stop offset="0.5" stop-color="rgb(213, 94, 0)"/><stop offset="0.5" stop-color="rgba(213, 94, 0, 0.25)"/><stop offset="1" stop-color="rgba(213, 94, 0, 0.25)"/>');
  });

  it("draws an open end as a fade across the bar, and a plain bar in its colour", () => {
    const defs: string[] = [];
    expect(cssBackgroundPaint({ backgroundImage: OPEN, backgroundColor: "rgba(0, 0, 0, 0)" }, "open", defs, 200, 20)).toBe("url(#open)");
    expect(defs[0]).toContain('<linearGradient id="open" gradientUnits="userSpaceOnUse" x1="0" y1="10" x2="200" y2="10">');
    expect(cssBackgroundPaint({ backgroundImage: "none", backgroundColor: "color(srgb 0 0.447 0.698 / 0.45)" }, "p", [], 10, 10)).toBe("rgba(0, 114, 178, 0.45)");
    expect(cssBackgroundPaint({ backgroundImage: "none", backgroundColor: "rgba(0, 0, 0, 0)" }, "n", [], 10, 10)).toBe("none");
  });
});

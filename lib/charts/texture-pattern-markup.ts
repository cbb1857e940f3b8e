import { svgElement } from "@/lib/svg/svg-markup";

export type Texture = "solid" | "diagonal" | "dots" | "horizontal" | "crosshatch" | "vertical";

/** An id for a chart's own pattern (or clip): the chart's prefix and a key, anything but [A-Za-z0-9_-] replaced. */
export const patternId = (prefix: string, key: string) => `${prefix}-${key.replace(/[^a-zA-Z0-9_-]/g, "_")}`;

/** The white overlay of a texture: light enough to read on every colour. */
const INK = "rgba(255,255,255,0.7)";

const TEXTURE_MARKS: Record<Texture, string> = {
  solid: "",
  diagonal: svgElement("path", { d: "M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4", stroke: INK, "stroke-width": 1.5 }),
  dots: svgElement("circle", { cx: 4, cy: 4, r: 1.6, fill: INK }),
  horizontal: svgElement("path", { d: "M0,4 h8", stroke: INK, "stroke-width": 1.5 }),
  vertical: svgElement("path", { d: "M4,0 v8", stroke: INK, "stroke-width": 1.5 }),
  crosshatch: svgElement("path", { d: "M0,0 l8,8 M8,0 l-8,8", stroke: INK, "stroke-width": 1.2 }),
};

/** One texture over a colour, as a `<pattern>` element with the given id. */
export function texturePatternMarkup(id: string, colour: string, texture: Texture): string {
  return svgElement("pattern", { id, patternUnits: "userSpaceOnUse", width: 8, height: 8 }, svgElement("rect", { width: 8, height: 8, fill: colour }) + TEXTURE_MARKS[texture]);
}

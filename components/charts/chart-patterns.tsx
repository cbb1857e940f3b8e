import { DisruptionType } from "@/lib/generated/prisma/enums";
import { TYPE_COLOURS } from "@/lib/charts/type-colours";
import { patternId, texturePatternMarkup, type Texture } from "@/lib/charts/texture-pattern-markup";
import type { LineStyle } from "@/lib/charts/signal-panel-markup";

/**
 * Fills that do not rely on colour alone: each disruption type and each
 * operator gets an Okabe–Ito colour (safe for colour-blind readers) AND its
 * own texture (solid, stripes, dots, cross-hatch …), so a bar can be told
 * apart in greyscale too. Rendered as SVG <pattern>s inside a chart's <defs>.
 */
export type { Texture } from "@/lib/charts/texture-pattern-markup";
export { patternId } from "@/lib/charts/texture-pattern-markup";

export const TYPE_TEXTURES: Record<DisruptionType, Texture> = {
  FULL_BLACKOUT: "solid",
  MOBILE_DATA_SHUTDOWN: "diagonal",
  FIXED_BROADBAND_SHUTDOWN: "dots",
  THROTTLING: "horizontal",
  SERVICE_BLOCKING: "crosshatch",
  WEBSITE_BLOCKING: "vertical",
};

export type SeriesStyle = LineStyle & { texture: Texture };

/** Operators by slug; others take the remaining styles in order. */
const OPERATOR_STYLE_BY_SLUG: Record<string, SeriesStyle> = {
  kazakhtelecom: { colour: "#0072B2", texture: "solid", dash: "", marker: "circle" },
  kcell: { colour: "#E69F00", texture: "diagonal", dash: "6 3", marker: "square" },
  beeline: { colour: "#009E73", texture: "dots", dash: "2 3", marker: "triangle" },
  "tele2-altel": { colour: "#CC79A7", texture: "crosshatch", dash: "10 3 2 3", marker: "diamond" },
};

/** Line styles for measured signals (colour, dash and marker differ together). */
export const LINE_STYLES: SeriesStyle[] = [
  { colour: "#0072B2", texture: "solid", dash: "", marker: "circle" },
  { colour: "#D55E00", texture: "diagonal", dash: "6 3", marker: "square" },
  { colour: "#009E73", texture: "dots", dash: "2 3", marker: "triangle" },
  { colour: "#CC79A7", texture: "crosshatch", dash: "10 3 2 3", marker: "diamond" },
  { colour: "#56B4E9", texture: "horizontal", dash: "4 4", marker: "circle" },
  { colour: "#E69F00", texture: "vertical", dash: "1 2", marker: "square" },
];

export function operatorStyle(slug: string, index: number): SeriesStyle {
  return OPERATOR_STYLE_BY_SLUG[slug] ?? LINE_STYLES[index % LINE_STYLES.length]!;
}

/**
 * One texture over a colour (lib/charts/texture-pattern-markup.ts), for a chart's <defs>. A `<g>` holds
 * the <pattern>: patterns are found by id wherever they are, and never drawn themselves.
 */
export function TexturePattern({ id, colour, texture }: { id: string; colour: string; texture: Texture }) {
  return <g dangerouslySetInnerHTML={{ __html: texturePatternMarkup(id, colour, texture) }} />;
}

/** <pattern>s for the disruption types a chart draws (every type unless given), ids `${prefix}-${TYPE}`. */
export function TypePatternDefs({ prefix, types = Object.values(DisruptionType) }: { prefix: string; types?: readonly DisruptionType[] }) {
  return (
    <defs>
      {types.map((type) => (
        <TexturePattern key={type} id={patternId(prefix, type)} colour={TYPE_COLOURS[type]} texture={TYPE_TEXTURES[type]} />
      ))}
    </defs>
  );
}

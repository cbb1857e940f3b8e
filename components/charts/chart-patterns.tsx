import { DisruptionType } from "@/lib/generated/prisma/enums";
import { TYPE_COLOURS } from "@/lib/charts/type-colours";

/**
 * Fills that do not rely on colour alone: each disruption type and each
 * operator gets an Okabe–Ito colour (safe for colour-blind readers) AND its
 * own texture (solid, stripes, dots, cross-hatch …), so a bar can be told
 * apart in greyscale too. Rendered as SVG <pattern>s inside a chart's <defs>.
 */
export type Texture = "solid" | "diagonal" | "dots" | "horizontal" | "crosshatch" | "vertical";

export const TYPE_TEXTURES: Record<DisruptionType, Texture> = {
  FULL_BLACKOUT: "solid",
  MOBILE_DATA_SHUTDOWN: "diagonal",
  FIXED_BROADBAND_SHUTDOWN: "dots",
  THROTTLING: "horizontal",
  SERVICE_BLOCKING: "crosshatch",
  WEBSITE_BLOCKING: "vertical",
};

export type SeriesStyle = { colour: string; texture: Texture; dash: string; marker: "circle" | "square" | "triangle" | "diamond" };

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

export const patternId = (prefix: string, key: string) => `${prefix}-${key.replace(/[^a-zA-Z0-9_-]/g, "_")}`;

/** One texture over a colour. The overlay is white at low opacity so it reads on every colour. */
export function TexturePattern({ id, colour, texture }: { id: string; colour: string; texture: Texture }) {
  const ink = "rgba(255,255,255,0.7)";
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width="8" height="8">
      <rect width="8" height="8" fill={colour} />
      {texture === "diagonal" && <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke={ink} strokeWidth="1.5" />}
      {texture === "dots" && <circle cx="4" cy="4" r="1.6" fill={ink} />}
      {texture === "horizontal" && <path d="M0,4 h8" stroke={ink} strokeWidth="1.5" />}
      {texture === "vertical" && <path d="M4,0 v8" stroke={ink} strokeWidth="1.5" />}
      {texture === "crosshatch" && <path d="M0,0 l8,8 M8,0 l-8,8" stroke={ink} strokeWidth="1.2" />}
    </pattern>
  );
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

import { escapeXml } from "./svg-frame";

/**
 * CSS backgrounds of the charts drawn in HTML (an incident's phase bars:
 * solid, hatched partial, striped intermittent, fading open ends) as SVG
 * paint, so an exported image draws each bar as the screen does. Takes the
 * browser's computed values (`getComputedStyle`), which spell colours as
 * `rgb()`, `rgba()` or `color(srgb …)` and give every stop its position.
 * Pure: unit-tested in Node.
 */

export type GradientStop = { colour: string; /** px, or % when `unit` is "%" */ position: number | null; unit: "px" | "%" | null };
export type CssGradient = { repeating: boolean; /** CSS degrees: 0 = towards the top, 90 = towards the right. */ angle: number; stops: GradientStop[] };

/** `color(srgb 0.8 0.4 0 / 0.25)` → `rgba(204, 102, 0, 0.25)`; other colours as they are. SVG viewers outside browsers know rgba(). */
export function normaliseCssColour(colour: string): string {
  const srgb = /^color\(\s*srgb\s+([\d.e+-]+)\s+([\d.e+-]+)\s+([\d.e+-]+)\s*(?:\/\s*([\d.e+-]+%?))?\s*\)$/i.exec(colour.trim());
  if (!srgb) return colour.trim();
  const channel = (value: string) => Math.round(Math.min(1, Math.max(0, Number(value))) * 255);
  const alphaText = srgb[4];
  const alpha = alphaText === undefined ? 1 : alphaText.endsWith("%") ? Number(alphaText.slice(0, -1)) / 100 : Number(alphaText);
  return `rgba(${channel(srgb[1]!)}, ${channel(srgb[2]!)}, ${channel(srgb[3]!)}, ${Number(alpha.toFixed(3))})`;
}

/** Splits at top-level commas (not those inside a colour's parentheses). */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const character of text) {
    if (character === "(") depth += 1;
    if (character === ")") depth -= 1;
    if (character === "," && depth === 0) {
      parts.push(current.trim());
      current = "";
    } else current += character;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/** The first of several comma-separated background layers (the charts draw one). */
function firstLayer(text: string): string {
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] === "(") depth += 1;
    if (text[index] === ")" && --depth === 0) return text.slice(0, index + 1);
  }
  return text;
}

const SIDES: Record<string, number> = { "to top": 0, "to right": 90, "to bottom": 180, "to left": 270, "to top right": 45, "to right top": 45, "to bottom right": 135, "to right bottom": 135, "to bottom left": 225, "to left bottom": 225, "to top left": 315, "to left top": 315 };

/** The first linear gradient of a computed `background-image`, or null (none, or another kind). */
export function parseCssGradient(backgroundImage: string): CssGradient | null {
  const match = /^(repeating-)?linear-gradient\((.*)\)$/s.exec(firstLayer(backgroundImage.trim()));
  if (!match) return null;
  const parts = splitTopLevel(match[2]!);
  let angle = 180;
  const first = parts[0]?.toLowerCase() ?? "";
  if (/^-?[\d.]+(deg|turn|rad|grad)$/.test(first)) {
    const value = parseFloat(first);
    angle = first.endsWith("turn") ? value * 360 : first.endsWith("grad") ? value * 0.9 : first.endsWith("rad") ? (value * 180) / Math.PI : value;
    parts.shift();
  } else if (first.startsWith("to ")) {
    angle = SIDES[first.replace(/\s+/g, " ")] ?? 180;
    parts.shift();
  }
  const stops: GradientStop[] = [];
  for (const part of parts) {
    // A colour and up to two positions: "rgb(1, 2, 3) 0px 6px" is two stops of one colour.
    const colourEnd = part.lastIndexOf(")") + 1;
    const colour = colourEnd > 0 ? part.slice(0, colourEnd) : part.split(/\s+/)[0]!;
    const positions = part
      .slice(colour.length)
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((text) => ({ position: parseFloat(text), unit: text.endsWith("%") ? ("%" as const) : ("px" as const) }));
    if (positions.length === 0) stops.push({ colour: normaliseCssColour(colour), position: null, unit: null });
    for (const position of positions) stops.push({ colour: normaliseCssColour(colour), ...position });
  }
  if (stops.length < 2) return null;
  return { repeating: Boolean(match[1]), angle, stops };
}

/** Stop offsets from 0 to 1 along a gradient line of `length` px; stops without a position are spread between their neighbours (CSS's rule). */
export function stopOffsets(stops: GradientStop[], length: number): number[] {
  const raw = stops.map((stop) => (stop.position === null ? null : stop.unit === "%" ? stop.position / 100 : length > 0 ? stop.position / length : 0));
  if (raw[0] === null) raw[0] = 0;
  if (raw[raw.length - 1] === null) raw[raw.length - 1] = 1;
  for (let index = 1; index < raw.length; index += 1) {
    if (raw[index] !== null) continue;
    let next = index;
    while (raw[next] === null) next += 1;
    const from = raw[index - 1]!;
    const to = raw[next]!;
    for (let fill = index; fill < next; fill += 1) raw[fill] = from + ((to - from) * (fill - index + 1)) / (next - index + 1);
  }
  // Each stop at least at the one before it.
  let floor = 0;
  return raw.map((offset) => (floor = Math.max(floor, offset!)));
}

const stopsMarkup = (stops: GradientStop[], offsets: number[]) =>
  stops.map((stop, index) => `<stop offset="${Number((offsets[index] ?? 0).toFixed(4))}" stop-color="${escapeXml(stop.colour)}"/>`).join("");

/**
 * SVG paint for a CSS background: its gradient as a pattern (repeating: one
 * period along the gradient's angle, repeated) or a gradient over the bar
 * (`width` × `height`), added to `defs` under `id`; else its background colour.
 */
export function cssBackgroundPaint(style: { backgroundImage: string; backgroundColor: string }, id: string, defs: string[], width: number, height: number): string {
  const gradient = parseCssGradient(style.backgroundImage);
  if (gradient) {
    const radians = (gradient.angle * Math.PI) / 180;
    if (gradient.repeating) {
      const last = gradient.stops[gradient.stops.length - 1]!;
      const period = last.unit === "px" && last.position ? last.position : 12;
      const offsets = stopOffsets(gradient.stops, period);
      // One period along x, turned so that x runs along the CSS gradient line (sin θ, −cos θ).
      defs.push(
        `<linearGradient id="${id}-g" x1="0" x2="1" y1="0" y2="0">${stopsMarkup(gradient.stops, offsets)}</linearGradient>` +
          `<pattern id="${id}" width="${period}" height="${period}" patternUnits="userSpaceOnUse" patternTransform="rotate(${Number((gradient.angle - 90).toFixed(3))})">` +
          `<rect width="${period}" height="${period}" fill="url(#${id}-g)"/></pattern>`,
      );
      return `url(#${id})`;
    }
    // Across the box: the gradient line through the centre, long enough to reach the corners, as CSS draws it.
    const length = Math.abs(width * Math.sin(radians)) + Math.abs(height * Math.cos(radians));
    const offsets = stopOffsets(gradient.stops, length);
    const [dx, dy] = [Math.sin(radians) * (length / 2), -Math.cos(radians) * (length / 2)];
    const [cx, cy] = [width / 2, height / 2];
    const round = (value: number) => Number(value.toFixed(2));
    defs.push(
      `<linearGradient id="${id}" gradientUnits="userSpaceOnUse" x1="${round(cx - dx)}" y1="${round(cy - dy)}" x2="${round(cx + dx)}" y2="${round(cy + dy)}">${stopsMarkup(gradient.stops, offsets)}</linearGradient>`,
    );
    return `url(#${id})`;
  }
  const colour = normaliseCssColour(style.backgroundColor);
  return colour && colour !== "rgba(0, 0, 0, 0)" && colour !== "transparent" ? escapeXml(colour) : "none";
}

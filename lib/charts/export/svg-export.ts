import { cssBackgroundPaint, normaliseCssColour } from "./css-paint";
import { estimateTextWidth, fitLabel, type MeasureText } from "./fit-text";
import { escapeXml, FRAME_FONT, frameSvg, type ExportLegendEntry, type ExportPanel, type FrameText } from "./svg-frame";

/**
 * Turns a chart drawn on the page into a standalone SVG and a PNG. The chart's
 * <svg> is cloned and the computed styles that draw it are written onto each
 * element (the page's colours come from CSS variables and classes that a file
 * on its own would lose); <defs> (texture patterns) stay in the clone. Runs in
 * the browser only, when a download button is pressed: nothing here touches
 * the DOM at import time.
 */

const PAINT_PROPERTIES = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-opacity",
  "stroke-linecap",
  "stroke-linejoin",
  "stroke-miterlimit",
  "paint-order",
  "opacity",
  "visibility",
] as const;
const TEXT_PROPERTIES = ["font-family", "font-size", "font-weight", "font-style", "text-anchor", "dominant-baseline", "letter-spacing"] as const;
const TEXT_ELEMENTS = new Set(["text", "tspan", "textPath"]);

/** Charts smaller than this are icons (legend swatches), not panels. */
const MIN_PANEL = { width: 120, height: 60 };

/** `url("http://host/page#id")` → `url(#id)`: a reference that still resolves inside the file. */
const localUrl = (value: string) => value.replace(/url\(\s*["']?[^#)"']*#([^)"']+)["']?\s*\)/g, "url(#$1)");

/** Writes the computed drawing styles of `source` and its descendants onto `clone` (same structure); drops hidden elements. */
export function inlineComputedStyles(source: Element, clone: Element): void {
  const sources = [source, ...source.querySelectorAll("*")];
  const clones = [clone, ...clone.querySelectorAll("*")];
  const hidden: Element[] = [];
  sources.forEach((element, index) => {
    const target = clones[index];
    if (!target) return;
    const computed = window.getComputedStyle(element);
    if (computed.display === "none" && !element.closest("defs")) {
      hidden.push(target);
      return;
    }
    const properties: readonly string[] = TEXT_ELEMENTS.has(element.localName) ? [...PAINT_PROPERTIES, ...TEXT_PROPERTIES] : PAINT_PROPERTIES;
    const declarations = properties.flatMap((property) => {
      const value = computed.getPropertyValue(property);
      return value ? [`${property}:${localUrl(value)}`] : [];
    });
    // Attributes may hold var(--…) too; the inline style wins over them.
    for (const name of ["fill", "stroke"]) {
      const attribute = target.getAttribute(name);
      if (attribute?.includes("var(")) target.removeAttribute(name);
      else if (attribute?.includes("url(")) target.setAttribute(name, localUrl(attribute));
    }
    target.setAttribute("style", declarations.join(";"));
    target.removeAttribute("class");
    target.removeAttribute("tabindex");
  });
  hidden.forEach((element) => element.remove());
}

function cloneSvg(svg: SVGSVGElement, width: number, height: number): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineComputedStyles(svg, clone);
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", String(Math.round(width)));
  clone.setAttribute("height", String(Math.round(height)));
  if (!clone.getAttribute("viewBox")) clone.setAttribute("viewBox", `0 0 ${Math.round(width)} ${Math.round(height)}`);
  clone.removeAttribute("role");
  return new XMLSerializer().serializeToString(clone);
}

/** The chart's panels: its top-level <svg>s big enough to be charts, in page order. */
function chartPanels(container: Element): ExportPanel[] {
  return [...container.querySelectorAll<SVGSVGElement>("svg")]
    .filter((svg) => !svg.parentElement?.closest("svg") && !svg.closest("[data-chart-downloads]"))
    .flatMap((svg) => {
      const box = svg.getBoundingClientRect();
      if (box.width < MIN_PANEL.width || box.height < MIN_PANEL.height) return [];
      const title = svg.closest("[data-chart-panel-title]")?.getAttribute("data-chart-panel-title") ?? undefined;
      return [{ markup: cloneSvg(svg, box.width, box.height), width: box.width, height: box.height, title }];
    });
}

/** Text widths from the browser's own font metrics (a canvas), for the fonts the image is drawn with. */
export function canvasMeasure(fontFamily: string, weight = "normal"): MeasureText {
  const context = document.createElement("canvas").getContext("2d");
  if (!context) return estimateTextWidth;
  return (text, fontSize, bold) => {
    context.font = `${bold ? "bold" : weight} ${fontSize}px ${fontFamily}`;
    return context.measureText(text).width;
  };
}

/** A label of an HTML chart as SVG lines: fitted to its box between words (never cut mid-word), as many lines as the box holds on screen. */
function htmlText(element: HTMLElement, style: CSSStyleDeclaration, box: DOMRect, x: string, y: string): string {
  const text = (element.textContent ?? "").replace(/\s+/g, " ").trim();
  if (!text) return "";
  const fontSize = parseFloat(style.fontSize) || 12;
  const lineHeight = style.lineHeight === "normal" ? fontSize * 1.2 : parseFloat(style.lineHeight) || fontSize * 1.2;
  const padding = { left: parseFloat(style.paddingLeft) || 0, right: parseFloat(style.paddingRight) || 0, top: parseFloat(style.paddingTop) || 0, bottom: parseFloat(style.paddingBottom) || 0 };
  const bold = Number(style.fontWeight) >= 600 || style.fontWeight === "bold";
  const measure = canvasMeasure(style.fontFamily, style.fontWeight);
  // Text that never wraps on screen (tick labels) is its own box: drawn whole. Other labels get the lines their box holds.
  const lines =
    style.whiteSpace === "nowrap" || style.whiteSpace === "pre"
      ? [text]
      : fitLabel(text, box.width - padding.left - padding.right + 1, Math.max(1, Math.round((box.height - padding.top - padding.bottom) / lineHeight)), fontSize, { measure, bold });
  // Lines but the last end with a space (drawn after the line's end, so unseen): the text reads and copies as the words it is.
  const tspans = lines
    .map((line, index) => `<tspan x="${padding.left.toFixed(1)}" y="${(padding.top + lineHeight * index + lineHeight / 2 + fontSize * 0.35).toFixed(1)}">${escapeXml(line)}${index < lines.length - 1 ? " " : ""}</tspan>`)
    .join("");
  return (
    `<g transform="translate(${x},${y})"><text font-family="${escapeXml(style.fontFamily)}" font-size="${style.fontSize}" font-weight="${style.fontWeight}" fill="${escapeXml(normaliseCssColour(style.color))}">` +
    `${tspans}</text></g>`
  );
}

/**
 * A chart drawn in HTML (the incident's phase chart, the overview's timeline: bars as positioned
 * boxes) as one SVG panel: every element marked data-chart-bar becomes a rectangle filled and
 * outlined as on screen (solid, hatched, striped or fading: lib/charts/export/css-paint.ts), every
 * element marked data-chart-text its text, fitted to its box between words, each where it sits
 * inside the element marked data-chart-html.
 */
function htmlChartPanel(container: Element): ExportPanel | null {
  const chart = container.querySelector<HTMLElement>("[data-chart-html]");
  if (!chart) return null;
  const origin = chart.getBoundingClientRect();
  if (origin.width < MIN_PANEL.width || origin.height < MIN_PANEL.height) return null;
  const defs: string[] = [];
  const parts: string[] = [];
  chart.querySelectorAll<HTMLElement>("[data-chart-bar], [data-chart-text]").forEach((element, index) => {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    const x = (box.left - origin.left).toFixed(1);
    const y = (box.top - origin.top).toFixed(1);
    const style = window.getComputedStyle(element);
    if (element.hasAttribute("data-chart-bar")) {
      const border = parseFloat(style.borderTopWidth) || 0;
      const stroke = border > 0 && style.borderTopStyle !== "none" ? ` stroke="${escapeXml(normaliseCssColour(style.borderTopColor))}" stroke-width="${border}"` : "";
      // Drawn from the bar's own corner, so its stripes start where the screen's do.
      const fill = cssBackgroundPaint(style, `kst-html-fill-${index}`, defs, box.width, box.height);
      parts.push(
        `<g transform="translate(${x},${y})"><rect width="${box.width.toFixed(1)}" height="${box.height.toFixed(1)}" rx="${parseFloat(style.borderTopLeftRadius) || 0}" fill="${fill}"${stroke}/></g>`,
      );
    } else {
      parts.push(htmlText(element, style, box, x, y));
    }
  });
  const width = Math.round(origin.width);
  const height = Math.round(origin.height);
  const markup = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><defs>${defs.join("")}</defs>${parts.join("")}</svg>`;
  return { markup, width, height };
}

/** A legend swatch drawn in HTML (a coloured box) as a small SVG square, or null. */
function htmlSwatch(item: Element, index: number): string | null {
  const box = item.querySelector("[aria-hidden='true']");
  if (!box) return null;
  const style = window.getComputedStyle(box);
  const defs: string[] = [];
  // The swatch's own paint (a colour, the stripes of "on and off", the hatching of "partial"), as on screen.
  const fill = cssBackgroundPaint(style, `kst-swatch-${index}`, defs, 16, 16);
  const border = parseFloat(style.borderTopWidth) > 0 && style.borderTopStyle !== "none" ? normaliseCssColour(style.borderTopColor) : "#888888";
  if (fill === "none" && defs.length === 0) return null;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><defs>${defs.join("")}</defs><rect x="0.5" y="0.5" width="15" height="15" fill="#ffffff" stroke="${escapeXml(border)}"/><rect x="0.5" y="0.5" width="15" height="15" fill="${fill}"/></svg>`;
}

/** Legend entries: the elements marked data-chart-legend-item; each an optional swatch and its text. */
function chartLegend(container: Element): ExportLegendEntry[] {
  const seen = new Set<string>();
  return [...container.querySelectorAll<HTMLElement>("[data-chart-legend-item]")].flatMap((item, index): ExportLegendEntry[] => {
    const label = (item.textContent ?? "").replace(/\s+/g, " ").trim();
    // Small multiples repeat one legend per panel: each entry once.
    if (!label || seen.has(label)) return [];
    seen.add(label);
    const icon = item.querySelector<SVGSVGElement>("svg");
    if (!icon) return [{ swatch: htmlSwatch(item, index), label }];
    const box = icon.getBoundingClientRect();
    const scale = Math.min(1, 18 / Math.max(box.width, box.height, 1));
    return [{ swatch: cloneSvg(icon, box.width * scale, box.height * scale), label }];
  });
}

/** The page's own colours, so the inlined chart colours sit on the background they were chosen for. */
function pageColours() {
  const body = window.getComputedStyle(document.body);
  const root = window.getComputedStyle(document.documentElement);
  const background = body.backgroundColor && body.backgroundColor !== "rgba(0, 0, 0, 0)" ? body.backgroundColor : "#ffffff";
  return { background, text: body.color || "#111111", muted: root.getPropertyValue("--muted").trim() || body.color || "#555555" };
}

/** A standalone SVG of the chart in `container`, framed with its title, period, legend, source and attribution. */
export function exportChartSvg(container: Element, text: FrameText): { svg: string; width: number; height: number } {
  // A chart drawn in HTML says so (data-chart-html); every other chart is its <svg> panels.
  const htmlPanel = htmlChartPanel(container);
  const panels = htmlPanel ? [htmlPanel] : chartPanels(container);
  if (panels.length === 0) throw new Error("No chart to export");
  return frameSvg(panels, chartLegend(container), text, pageColours(), canvasMeasure(FRAME_FONT));
}

/** Draws an SVG document onto a canvas at `scale` (2: sharp on high-density screens and in print) and encodes it as PNG. */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.width = width;
    image.height = height;
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("The chart image could not be drawn"));
      image.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("No canvas");
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves a blob under a file name (an <a download> click; the blob: address is freed afterwards). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

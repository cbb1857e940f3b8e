import { escapeXml, frameSvg, type ExportLegendEntry, type ExportPanel, type FrameText } from "./svg-frame";

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

/** CSS colours named in a computed background image (gradients), in order. */
const CSS_COLOURS = /(?:rgba?|color)\([^)]*\)/g;

/**
 * An HTML bar's fill as SVG: its background colour, or its gradient (the phase chart's stripes for
 * intermittent phases, its fade for open ones) as a pattern or gradient added to `defs`.
 */
function htmlBarFill(style: CSSStyleDeclaration, id: string, defs: string[]): string {
  const [first, second] = style.backgroundImage.match(CSS_COLOURS) ?? [];
  if (first && style.backgroundImage.startsWith("repeating-linear-gradient")) {
    const under = second ? `<rect width="12" height="12" fill="${escapeXml(second)}"/>` : "";
    defs.push(`<pattern id="${id}" width="12" height="12" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">${under}<rect width="6" height="12" fill="${escapeXml(first)}"/></pattern>`);
    return `url(#${id})`;
  }
  if (first && style.backgroundImage.startsWith("linear-gradient")) {
    defs.push(`<linearGradient id="${id}" x1="0" x2="1" y1="0" y2="0"><stop offset="0.2" stop-color="${escapeXml(first)}"/><stop offset="1" stop-color="${escapeXml(first)}" stop-opacity="0"/></linearGradient>`);
    return `url(#${id})`;
  }
  const colour = style.backgroundColor;
  return colour && colour !== "rgba(0, 0, 0, 0)" && colour !== "transparent" ? escapeXml(colour) : "none";
}

/**
 * A chart drawn in HTML (the incident's phase chart, the overview's timeline: bars as positioned
 * boxes) as one SVG panel: every element marked data-chart-bar becomes a rectangle filled and
 * outlined as on screen, every element marked data-chart-text a line of text, each where it sits
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
      const stroke = border > 0 && style.borderTopStyle !== "none" ? ` stroke="${escapeXml(style.borderTopColor)}" stroke-width="${border}"` : "";
      const fill = htmlBarFill(style, `kst-html-fill-${index}`, defs);
      parts.push(`<rect x="${x}" y="${y}" width="${box.width.toFixed(1)}" height="${box.height.toFixed(1)}" rx="${parseFloat(style.borderTopLeftRadius) || 0}" fill="${fill}"${stroke}/>`);
    } else {
      // Clipped to its box, as the page cuts long labels short.
      const text = escapeXml((element.textContent ?? "").replace(/\s+/g, " ").trim());
      parts.push(
        `<svg x="${x}" y="${y}" width="${box.width.toFixed(1)}" height="${box.height.toFixed(1)}" overflow="hidden">` +
          `<text x="0" y="${(box.height * 0.78).toFixed(1)}" font-family="${escapeXml(style.fontFamily)}" font-size="${style.fontSize}" font-weight="${style.fontWeight}" fill="${escapeXml(style.color)}">${text}</text></svg>`,
      );
    }
  });
  const width = Math.round(origin.width);
  const height = Math.round(origin.height);
  const markup = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><defs>${defs.join("")}</defs>${parts.join("")}</svg>`;
  return { markup, width, height };
}

/** A legend swatch drawn in HTML (a coloured box) as a small SVG square, or null. */
function htmlSwatch(item: Element): string | null {
  const box = item.querySelector("[aria-hidden='true']");
  if (!box) return null;
  const style = window.getComputedStyle(box);
  const border = escapeXml(style.borderTopColor || "#888888");
  const colour = style.backgroundColor;
  const filled = colour && colour !== "rgba(0, 0, 0, 0)" && colour !== "transparent";
  // A CSS gradient (a hatched swatch) is drawn as grey hatching.
  const hatched = style.backgroundImage.includes("gradient");
  if (!filled && !hatched) return null;
  const hatching = hatched ? `<path d="M0,8 l8,-8 M0,16 l16,-16 M8,16 l8,-8" stroke="#555555" stroke-width="1.5"/>` : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><rect x="0.5" y="0.5" width="15" height="15" fill="${filled ? escapeXml(colour) : "#ffffff"}" stroke="${border}"/>${hatching}</svg>`;
}

/** Legend entries: Recharts' legend items, or elements marked data-chart-legend-item; each an optional swatch and its text. */
function chartLegend(container: Element): ExportLegendEntry[] {
  const seen = new Set<string>();
  return [...container.querySelectorAll<HTMLElement>("[data-chart-legend-item], .recharts-legend-item")].flatMap((item): ExportLegendEntry[] => {
    const label = (item.textContent ?? "").replace(/\s+/g, " ").trim();
    // Small multiples repeat one legend per panel: each entry once.
    if (!label || seen.has(label)) return [];
    seen.add(label);
    const icon = item.querySelector<SVGSVGElement>("svg");
    if (!icon) return [{ swatch: htmlSwatch(item), label }];
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
  return frameSvg(panels, chartLegend(container), text, pageColours());
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

/**
 * Pure layout of an exported chart image: the chart's own SVG panels, framed
 * by its title and period at the top and a legend, the source, the
 * attribution and the address at the bottom, all drawn in (a picture that is
 * shared alone still says what it shows and whose it is). Strings in,
 * string out: no DOM, so it is unit-tested in Node. Text is wrapped between
 * words (lib/charts/export/fit-text.ts), never cut; the frame widens for a
 * piece of an address that no line can hold.
 */
import { estimateTextWidth, wrapText, widestLine, type MeasureText } from "./fit-text";

export type ExportPanel = {
  /** A serialised, self-contained <svg> with width and height set. */
  markup: string;
  width: number;
  height: number;
  /** A heading drawn above the panel (for charts made of several small charts). */
  title?: string;
};

/** A legend entry: a small serialised <svg> swatch (or none) and its label. */
export type ExportLegendEntry = { swatch: string | null; label: string };

export type FrameText = {
  title: string;
  period: string;
  /** Invented example data (decision 0018): "Example data — invented: …", drawn as a banner under the title. */
  notice?: string;
  /** Lines under the chart: source, attribution and licence, address. */
  footer: string[];
};

export type FrameColours = { background: string; text: string; muted: string };

const PAD = 16;
/** The font of the frame's text (the browser measures with it). */
export const FRAME_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif";
const MIN_WIDTH = 480;
const SWATCH = 18;
const NOTICE_FILL = "#b00020";
const NOTICE_TEXT = "#ffffff";

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[character]!);
}

function textLine(text: string, x: number, y: number, size: number, colour: string, weight = "normal"): string {
  return `<text x="${x}" y="${y}" font-family="${escapeXml(FRAME_FONT)}" font-size="${size}" font-weight="${weight}" fill="${escapeXml(colour)}">${escapeXml(text)}</text>`;
}

/** The framed image: returns the SVG document and its size in CSS pixels. `measure` sizes text (default: an estimate; the browser passes canvas metrics). */
export function frameSvg(
  panels: ExportPanel[],
  legend: ExportLegendEntry[],
  text: FrameText,
  colours: FrameColours = { background: "#ffffff", text: "#111111", muted: "#555555" },
  measure: MeasureText = estimateTextWidth,
): { svg: string; width: number; height: number } {
  const chartWidth = Math.max(MIN_WIDTH, ...panels.map((panel) => Math.ceil(panel.width)));
  // Blocks of text and their wrapping, at the chart's width; the frame widens for a piece no line can hold (never cut).
  const blocks = (lines: string[], size: number, bold: boolean, width: number) => lines.flatMap((line) => wrapText(line, width, size, { measure, bold }));
  const wrapAll = (width: number) => ({
    title: blocks([text.title], 18, true, width),
    period: blocks([text.period], 13, false, width),
    notice: text.notice ? blocks([text.notice], 14, true, width - 16) : [],
    panelTitles: panels.map((panel) => (panel.title ? blocks([panel.title], 13, true, width) : [])),
    footer: blocks(text.footer, 12, false, width),
  });
  let wrapped = wrapAll(chartWidth);
  const needed = Math.ceil(
    Math.max(
      widestLine(wrapped.title, 18, { measure, bold: true }),
      widestLine(wrapped.period, 13, { measure }),
      widestLine(wrapped.notice, 14, { measure, bold: true }) + 16,
      ...wrapped.panelTitles.map((lines) => widestLine(lines, 13, { measure, bold: true })),
      widestLine(wrapped.footer, 12, { measure }),
      ...legend.map((entry) => (entry.swatch ? SWATCH + 6 : 0) + measure(entry.label, 12)),
    ),
  );
  const inner = Math.max(chartWidth, needed);
  if (inner > chartWidth) wrapped = wrapAll(inner);
  const width = inner + PAD * 2;
  const parts: string[] = [];
  let y = PAD;

  for (const line of wrapped.title) {
    y += 22;
    parts.push(textLine(line, PAD, y, 18, colours.text, "bold"));
  }
  for (const line of wrapped.period) {
    y += 18;
    parts.push(textLine(line, PAD, y, 13, colours.muted));
  }
  if (wrapped.notice.length > 0) {
    y += 10;
    const boxHeight = wrapped.notice.length * 18 + 12;
    parts.push(`<rect x="${PAD}" y="${y}" width="${inner}" height="${boxHeight}" rx="3" fill="${NOTICE_FILL}"/>`);
    wrapped.notice.forEach((line, index) => parts.push(textLine(line, PAD + 8, y + 6 + 14 + index * 18, 14, NOTICE_TEXT, "bold")));
    y += boxHeight;
  }
  y += 12;

  panels.forEach((panel, index) => {
    for (const line of wrapped.panelTitles[index] ?? []) {
      y += 16;
      parts.push(textLine(line, PAD, y, 13, colours.text, "bold"));
    }
    if (panel.title) y += 6;
    parts.push(`<g transform="translate(${PAD},${y})">${panel.markup}</g>`);
    y += Math.ceil(panel.height) + 8;
  });

  // Legend entries flow left to right, wrapping at the frame's width; each stays whole.
  let x = PAD;
  if (legend.length > 0) y += 4;
  let rowTop = y;
  for (const entry of legend) {
    const labelWidth = Math.ceil(measure(entry.label, 12));
    const entryWidth = (entry.swatch ? SWATCH + 6 : 0) + labelWidth + 16;
    if (x > PAD && x + entryWidth > PAD + inner) {
      x = PAD;
      rowTop += 22;
    }
    if (entry.swatch) parts.push(`<g transform="translate(${x},${rowTop})">${entry.swatch}</g>`);
    parts.push(textLine(entry.label, x + (entry.swatch ? SWATCH + 6 : 0), rowTop + 13, 12, colours.text));
    x += entryWidth;
  }
  if (legend.length > 0) y = rowTop + 26;

  y += 4;
  parts.push(`<line x1="${PAD}" x2="${PAD + inner}" y1="${y}" y2="${y}" stroke="${escapeXml(colours.muted)}" stroke-width="0.5"/>`);
  y += 2;
  for (const line of wrapped.footer) {
    y += 16;
    parts.push(textLine(line, PAD, y, 12, colours.muted));
  }
  const height = Math.ceil(y + PAD);

  const title = text.notice ? `${text.notice} ${text.title}` : text.title;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="${escapeXml(colours.background)}"/>`,
    ...parts,
    `</svg>`,
  ].join("\n");
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`, width, height };
}

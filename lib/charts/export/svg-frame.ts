/**
 * Pure layout of an exported chart image: the chart's own SVG panels, framed
 * by its title and period at the top and a legend, the source, the
 * attribution and the address at the bottom, all drawn in (a picture that is
 * shared alone still says what it shows and whose it is). Strings in,
 * string out: no DOM, so it is unit-tested in Node.
 */

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
  /** Lines under the chart: source, attribution and licence, address. */
  footer: string[];
};

export type FrameColours = { background: string; text: string; muted: string };

const PAD = 16;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif";
const MIN_WIDTH = 480;
const SWATCH = 18;

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[character]!);
}

/** Splits text into lines of at most about `maxWidth` pixels at `fontSize` (an estimate: no font metrics here). */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const maxChars = Math.max(8, Math.floor(maxWidth / (fontSize * 0.56)));
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!line) line = word;
    else if (line.length + 1 + word.length <= maxChars) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
    while (line.length > maxChars) {
      lines.push(line.slice(0, maxChars));
      line = line.slice(maxChars);
    }
  }
  if (line) lines.push(line);
  return lines;
}

function textLine(text: string, x: number, y: number, size: number, colour: string, weight = "normal"): string {
  return `<text x="${x}" y="${y}" font-family="${escapeXml(FONT)}" font-size="${size}" font-weight="${weight}" fill="${escapeXml(colour)}">${escapeXml(text)}</text>`;
}

/** The framed image: returns the SVG document and its size in CSS pixels. */
export function frameSvg(
  panels: ExportPanel[],
  legend: ExportLegendEntry[],
  text: FrameText,
  colours: FrameColours = { background: "#ffffff", text: "#111111", muted: "#555555" },
): { svg: string; width: number; height: number } {
  const chartWidth = Math.max(MIN_WIDTH, ...panels.map((panel) => Math.ceil(panel.width)));
  const width = chartWidth + PAD * 2;
  const inner = chartWidth;
  const parts: string[] = [];
  let y = PAD;

  for (const line of wrapText(text.title, inner, 18)) {
    y += 22;
    parts.push(textLine(line, PAD, y, 18, colours.text, "bold"));
  }
  for (const line of wrapText(text.period, inner, 13)) {
    y += 18;
    parts.push(textLine(line, PAD, y, 13, colours.muted));
  }
  y += 12;

  for (const panel of panels) {
    if (panel.title) {
      y += 16;
      parts.push(textLine(panel.title, PAD, y, 13, colours.text, "bold"));
      y += 6;
    }
    parts.push(`<g transform="translate(${PAD},${y})">${panel.markup}</g>`);
    y += Math.ceil(panel.height) + 8;
  }

  // Legend entries flow left to right, wrapping at the frame's width.
  let x = PAD;
  if (legend.length > 0) y += 4;
  let rowTop = y;
  for (const entry of legend) {
    const labelWidth = Math.ceil(entry.label.length * 12 * 0.56);
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
  for (const footerLine of text.footer) {
    for (const line of wrapText(footerLine, inner, 12)) {
      y += 16;
      parts.push(textLine(line, PAD, y, 12, colours.muted));
    }
  }
  const height = Math.ceil(y + PAD);

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title>${escapeXml(text.title)}</title>`,
    `<rect width="100%" height="100%" fill="${escapeXml(colours.background)}"/>`,
    ...parts,
    `</svg>`,
  ].join("\n");
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`, width, height };
}

import type { ChartCell, ChartTable } from "./table";

/**
 * The CSV of a chart: RFC 4180, one header row of the column keys, then one
 * row per plotted row; nothing else (no comment lines, which many parsers
 * reject). Column descriptions, period, source and licence travel in the JSON
 * download, as the download menu says. Cells a spreadsheet would run as a
 * formula get a leading apostrophe (as lib/api/csv.ts does for the API; that
 * module pulls in csv-stringify, which this browser-side code avoids).
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text cells that start like a formula get a leading apostrophe; numbers are left as they are. */
export function guardCell(value: ChartCell | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = String(value);
  return typeof value === "string" && FORMULA_START.test(text) ? `'${text}` : text;
}

/** Quotes a field when it holds a comma, a quote or a line break. */
function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export function toCsv(table: Pick<ChartTable, "columns" | "rows">): string {
  const keys = table.columns.map((column) => column.key);
  const lines = [keys.map(quote).join(","), ...table.rows.map((row) => keys.map((key) => quote(guardCell(row[key]))).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}

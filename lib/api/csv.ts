import { stringify } from "csv-stringify/sync";

/** A cell a spreadsheet would run as a formula ("=…", "+…", "-…", "@…") gets a leading apostrophe. */
function guardCell(value: string | number | boolean | null): string {
  if (value === null) return "";
  const text = String(value);
  return typeof value === "string" && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A CSV download: a header row, then one row per record, formula-guarded. */
export function csvResponse(filename: string, header: string[], rows: (string | number | boolean | null)[][]): Response {
  const csv = stringify([header, ...rows.map((row) => row.map(guardCell))]);
  return new Response(csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}.csv"` },
  });
}

import { LICENCE_NAME, LICENCE_URL, type ChartTable } from "./table";

/** The JSON download: the chart's rows with what every column means, the period, source, licence and attribution. */
export type ChartJson = {
  /** Only for invented example data (decision 0018): says so before anything else. */
  example?: true;
  notice?: string;
  title: string;
  period: ChartTable["period"];
  source: string;
  licence: { name: string; url: string; text: string };
  attribution: string;
  url: string;
  columns: ChartTable["columns"];
  rows: ChartTable["rows"];
};

export function toJsonDocument(table: ChartTable): ChartJson {
  return {
    ...(table.notice ? { example: true as const, notice: table.notice } : {}),
    title: table.title,
    period: table.period,
    source: table.source,
    licence: { name: LICENCE_NAME, url: LICENCE_URL, text: table.licence },
    attribution: table.attribution,
    url: table.url,
    columns: table.columns,
    rows: table.rows.map((row) => Object.fromEntries(table.columns.map((column) => [column.key, row[column.key] ?? null]))),
  };
}

export function toJson(table: ChartTable): string {
  return `${JSON.stringify(toJsonDocument(table), null, 2)}\n`;
}

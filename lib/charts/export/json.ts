import { dataCredits, licencesOf, type DataSource, type LicenceId } from "@/lib/credits/data-credits";
import type { ChartTable } from "./table";

/**
 * The JSON download: the chart's rows with what every column means, the
 * period, source, attribution and licences. `licence` names the licence of
 * the whole file (its `url` only when one licence covers it all); `credits`
 * says which source is under which.
 */
export type ChartJson = {
  /** Only for invented example data (decision 0018): says so before anything else. */
  example?: true;
  notice?: string;
  title: string;
  period: ChartTable["period"];
  source: string;
  licence: { name: string; url: string | null; text: string };
  credits: { source: DataSource; licence: { id: LicenceId; name: string; url: string } }[];
  attribution: string;
  url: string;
  columns: ChartTable["columns"];
  rows: ChartTable["rows"];
};

export function toJsonDocument(table: ChartTable): ChartJson {
  const credits = dataCredits(table.sources);
  const licences = licencesOf(credits);
  return {
    ...(table.notice ? { example: true as const, notice: table.notice } : {}),
    title: table.title,
    period: table.period,
    source: table.source,
    licence: {
      name: licences.map((licence) => licence.name).join("; "),
      url: licences.length === 1 ? licences[0]!.url : null,
      text: table.licence,
    },
    credits: credits.map((credit) => ({ source: credit.source, licence: { id: credit.licence.id, name: credit.licence.name, url: credit.licence.url } })),
    attribution: table.attribution,
    url: table.url,
    columns: table.columns,
    rows: table.rows.map((row) => Object.fromEntries(table.columns.map((column) => [column.key, row[column.key] ?? null]))),
  };
}

export function toJson(table: ChartTable): string {
  return `${JSON.stringify(toJsonDocument(table), null, 2)}\n`;
}

import type { DataSource } from "@/lib/credits/data-credits";

/**
 * What a chart download carries: exactly the numbers the chart plots, with a
 * description of every column, the period, the source, the credit and the
 * licences of the data it draws (decision 0017). Plain JSON, so a server
 * component can build it and hand it to the download island.
 */

export type ChartCell = string | number | boolean | null;

export type ChartColumn = {
  /** The CSV header and the JSON row key: ASCII, stable across languages. */
  key: string;
  /** A short name in the reader's language. */
  label: string;
  /** What the column holds, in the reader's language. */
  description: string;
  unit?: string;
};

export type ChartPeriod = {
  /** Calendar dates "YYYY-MM-DD" in `timeZone`, both inclusive. */
  from: string;
  to: string;
  timeZone: string;
};

export type ChartTable = {
  title: string;
  period: ChartPeriod;
  /** Where the numbers come from. */
  source: string;
  /** What the chart draws: the file credits these sources and no others, each under its licence. */
  sources: DataSource[];
  /** The licence sentence, e.g. "Licence: CC BY 4.0 (…). Republish and adapt, commercially too, …" */
  licence: string;
  /** Who to credit: the credit line of `sources`. */
  attribution: string;
  /** The page the chart is on (absolute), so a reader can find the view again. */
  url: string;
  columns: ChartColumn[];
  /** One object per plotted row, keyed by `columns[].key`. */
  rows: Record<string, ChartCell>[];
  /**
   * Set when the chart draws invented example data (decision 0018): "Example
   * data — invented: …", drawn as a banner on the images and carried by the
   * JSON (the CSV says it in a column of its own on each such row).
   */
  notice?: string;
};

/** "Kazakhstan calendar date" of an instant: the date part in a time zone, "YYYY-MM-DD". */
export function calendarDateIn(instant: number | Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(instant));
}

/** A period from two instants, `end` exclusive (its date is the day before `end`'s instant). */
export function periodOfInstants(start: number | Date, end: number | Date, timeZone: string): ChartPeriod {
  const last = Math.max(new Date(start).getTime(), new Date(end).getTime() - 1);
  return { from: calendarDateIn(start, timeZone), to: calendarDateIn(last, timeZone), timeZone };
}

/** "kst-operator-hours-kcell-2022-01-01-2022-01-31.csv": safe, sortable download names. */
export function exportFileName(chart: string, period: ChartPeriod, extension: "png" | "svg" | "csv" | "json"): string {
  const safe = chart
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `kst-${safe || "chart"}-${period.from}-${period.to}.${extension}`;
}

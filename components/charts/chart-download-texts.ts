import type { ChartTable } from "@/lib/charts/export/table";
import { creditSentence, dataCredits, licenceSentence, type CreditTranslator } from "@/lib/credits/data-credits";
import { intlLocale } from "@/lib/time/format";

/** The download formats, in the menu's order. */
export const DOWNLOAD_FORMATS = ["png", "svg", "csv", "json"] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

/**
 * Every word of a chart's download menu and of the files it makes, formatted before the menu
 * reaches the browser: the menu (components/charts/chart-downloads.tsx) then needs no message
 * runtime (decision 0028). Two texts keep a slot the browser fills: `{url}` (the page's address,
 * when a file is made) and `{reason}` (why a file could not be made).
 */
export type ChartDownloadTexts = {
  download: string;
  downloadChart: string;
  formats: Record<DownloadFormat, string>;
  note: string;
  /** The chart's period, drawn into the images. */
  period: string;
  sourceLine: string;
  /** Credit and licence name exactly the sources the chart draws (decision 0017). */
  attribution: string;
  licence: string;
  addressLine: string;
  failed: string;
};

export const URL_SLOT = "{url}";
export const REASON_SLOT = "{reason}";

/** next-intl's `t` for the `chartDownloads` namespace, from `getTranslations` or `useTranslations`. */
type Translate = (key: string, values?: Record<string, string>) => string;

/** "1 Jan 2022" for "2022-01-01" (a calendar date, so formatted in UTC). */
function formatDay(day: string, locale: string): string {
  const [year, month, date] = day.split("-").map(Number);
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" }).format(new Date(Date.UTC(year!, month! - 1, date!)));
}

/** The texts for one chart's menu: `t` for `chartDownloads`, `credits` for `dataCredits`. */
export function chartDownloadTexts(table: Pick<ChartTable, "title" | "period" | "source" | "sources">, locale: string, t: Translate, credits: CreditTranslator): ChartDownloadTexts {
  return {
    download: t("download"),
    downloadChart: t("downloadChart", { title: table.title }),
    formats: Object.fromEntries(DOWNLOAD_FORMATS.map((format) => [format, t(format)])) as Record<DownloadFormat, string>,
    note: t("note"),
    period: t("period", { from: formatDay(table.period.from, locale), to: formatDay(table.period.to, locale), timeZone: table.period.timeZone }),
    sourceLine: t("sourceLine", { source: table.source }),
    attribution: creditSentence(dataCredits(table.sources), credits),
    licence: licenceSentence(dataCredits(table.sources), credits),
    addressLine: t("addressLine", { url: URL_SLOT }),
    failed: t("failed", { reason: REASON_SLOT }),
  };
}

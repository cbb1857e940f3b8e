"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { exportFileName, type ChartTable } from "@/lib/charts/export/table";
import type { CreditTranslator } from "@/lib/credits/data-credits";
import { intlLocale } from "@/lib/time/format";
import styles from "./chart-downloads.module.css";

/** What a page hands the download menu: the chart's plotted rows and what it draws; licence, attribution and address are added here. */
export type ChartDownloadTable = Omit<ChartTable, "licence" | "attribution" | "url">;

/** The same, where a client component may hand a function that loads the rows when a button is pressed. */
type DownloadMenuTable = Omit<ChartDownloadTable, "rows"> & { rows: ChartTable["rows"] | (() => Promise<ChartTable["rows"]>) };

type Format = "png" | "svg" | "csv" | "json";
const FORMATS: Format[] = ["png", "svg", "csv", "json"];
const MIME: Record<Format, string> = {
  png: "image/png",
  svg: "image/svg+xml;charset=utf-8",
  csv: "text/csv;charset=utf-8",
  json: "application/json;charset=utf-8",
};

/** "1 Jan 2022" for "2022-01-01" (a calendar date, so formatted in UTC). */
function formatDay(day: string, locale: string): string {
  const [year, month, date] = day.split("-").map(Number);
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" }).format(new Date(Date.UTC(year!, month! - 1, date!)));
}

/**
 * The "Download" menu under a chart: the chart as PNG or SVG (title, period,
 * source and attribution drawn in) and its plotted rows as CSV or JSON. It
 * finds the chart's <svg> inside the element `chartId`; the export code (and
 * the credits' wording) is loaded only when a button is pressed. Files are made in the browser, from
 * what the reader sees.
 */
export function ChartDownloads({ chartId, name, table }: { chartId: string; name: string; table: DownloadMenuTable }) {
  const t = useTranslations("chartDownloads");
  const creditText = useTranslations("dataCredits") as unknown as CreditTranslator;
  const locale = useLocale();
  const [error, setError] = useState<string | null>(null);
  // Marks the menu as live once hydrated (before that, its buttons do nothing).
  const root = useRef<HTMLDetailsElement>(null);
  useEffect(() => root.current?.setAttribute("data-ready", "true"), []);

  const download = async (format: Format) => {
    setError(null);
    try {
      const [{ exportChartSvg, saveBlob, svgToPng }, { toCsv }, { toJson }, { creditSentence, dataCredits, licenceSentence }] = await Promise.all([
        import("@/lib/charts/export/svg-export"),
        import("@/lib/charts/export/csv"),
        import("@/lib/charts/export/json"),
        import("@/lib/credits/data-credits"),
      ]);
      // Credit and licence name exactly the sources the chart draws (decision 0017).
      const full: ChartTable = {
        ...table,
        rows: typeof table.rows === "function" ? await table.rows() : table.rows,
        licence: licenceSentence(dataCredits(table.sources), creditText),
        attribution: creditSentence(dataCredits(table.sources), creditText),
        url: window.location.href,
      };
      const fileName = exportFileName(name, table.period, format);
      if (format === "csv") return saveBlob(new Blob([toCsv(full)], { type: MIME.csv }), fileName);
      if (format === "json") return saveBlob(new Blob([toJson(full)], { type: MIME.json }), fileName);
      const container = document.getElementById(chartId);
      if (!container) throw new Error(`#${chartId}`);
      const image = exportChartSvg(container, {
        title: full.title,
        period: t("period", { from: formatDay(table.period.from, locale), to: formatDay(table.period.to, locale), timeZone: table.period.timeZone }),
        ...(full.notice ? { notice: full.notice } : {}),
        footer: [t("sourceLine", { source: full.source }), full.attribution, full.licence, t("addressLine", { url: full.url })],
      });
      if (format === "svg") return saveBlob(new Blob([image.svg], { type: MIME.svg }), fileName);
      saveBlob(await svgToPng(image.svg, image.width, image.height), fileName);
    } catch (failure) {
      setError(t("failed", { reason: failure instanceof Error ? failure.message : String(failure) }));
    }
  };

  return (
    <details ref={root} className={styles.downloads} data-chart-downloads={name}>
      <summary>
        {t("download")}
        <span className="visually-hidden"> {table.title}</span>
      </summary>
      <ul className={styles.buttons} aria-label={t("downloadChart", { title: table.title })}>
        {FORMATS.map((format) => (
          <li key={format}>
            <button type="button" className="button button--secondary" data-format={format} onClick={() => void download(format)}>
              {t(format)}
            </button>
          </li>
        ))}
      </ul>
      <p className={styles.note}>{t("note")}</p>
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
    </details>
  );
}

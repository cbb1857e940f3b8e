"use client";

import { useEffect, useRef, useState } from "react";
import { exportFileName, type ChartTable } from "@/lib/charts/export/table";
import { DOWNLOAD_FORMATS, REASON_SLOT, URL_SLOT, type ChartDownloadTexts, type DownloadFormat } from "./chart-download-texts";
import styles from "./chart-downloads.module.css";

/** What a page hands the download menu: the chart's plotted rows and what it draws; licence, attribution and address are added here. */
export type ChartDownloadTable = Omit<ChartTable, "licence" | "attribution" | "url">;

/** The same, where a client component may hand a function that loads the rows when a button is pressed. */
type DownloadMenuTable = Omit<ChartDownloadTable, "rows"> & { rows: ChartTable["rows"] | (() => Promise<ChartTable["rows"]>) };

const MIME: Record<DownloadFormat, string> = {
  png: "image/png",
  svg: "image/svg+xml;charset=utf-8",
  csv: "text/csv;charset=utf-8",
  json: "application/json;charset=utf-8",
};

/**
 * The "Download" menu under a chart: the chart as PNG or SVG (title, period,
 * source and attribution drawn in) and its plotted rows as CSV or JSON. It
 * finds the chart's <svg> inside the element `chartId`; the export code is
 * loaded only when a button is pressed. Files are made in the browser, from
 * what the reader sees. Its words come formatted (`text`: chart-download-texts.ts).
 */
export function ChartDownloads({ chartId, name, table, text }: { chartId: string; name: string; table: DownloadMenuTable; text: ChartDownloadTexts }) {
  const [error, setError] = useState<string | null>(null);
  // Marks the menu as live once hydrated (before that, its buttons do nothing).
  const root = useRef<HTMLDetailsElement>(null);
  useEffect(() => root.current?.setAttribute("data-ready", "true"), []);

  const download = async (format: DownloadFormat) => {
    setError(null);
    try {
      const [{ exportChartSvg, saveBlob, svgToPng }, { toCsv }, { toJson }] = await Promise.all([
        import("@/lib/charts/export/svg-export"),
        import("@/lib/charts/export/csv"),
        import("@/lib/charts/export/json"),
      ]);
      const url = window.location.href;
      const full: ChartTable = {
        ...table,
        rows: typeof table.rows === "function" ? await table.rows() : table.rows,
        licence: text.licence,
        attribution: text.attribution,
        url,
      };
      const fileName = exportFileName(name, table.period, format);
      if (format === "csv") return saveBlob(new Blob([toCsv(full)], { type: MIME.csv }), fileName);
      if (format === "json") return saveBlob(new Blob([toJson(full)], { type: MIME.json }), fileName);
      const container = document.getElementById(chartId);
      if (!container) throw new Error(`#${chartId}`);
      const image = exportChartSvg(container, {
        title: full.title,
        period: text.period,
        ...(full.notice ? { notice: full.notice } : {}),
        footer: [text.sourceLine, full.attribution, full.licence, text.addressLine.replace(URL_SLOT, url)],
      });
      if (format === "svg") return saveBlob(new Blob([image.svg], { type: MIME.svg }), fileName);
      saveBlob(await svgToPng(image.svg, image.width, image.height), fileName);
    } catch (failure) {
      setError(text.failed.replace(REASON_SLOT, failure instanceof Error ? failure.message : String(failure)));
    }
  };

  return (
    <details ref={root} className={styles.downloads} data-chart-downloads={name}>
      <summary>
        {text.download}
        <span className="visually-hidden"> {table.title}</span>
      </summary>
      <ul className={styles.buttons} aria-label={text.downloadChart}>
        {DOWNLOAD_FORMATS.map((format) => (
          <li key={format}>
            <button type="button" className="button button--secondary" data-format={format} onClick={() => void download(format)}>
              {text.formats[format]}
            </button>
          </li>
        ))}
      </ul>
      <p className={styles.note}>{text.note}</p>
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
    </details>
  );
}

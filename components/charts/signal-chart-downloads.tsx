"use client";

import type { SignalPanelView } from "@/lib/charts/signal-chart-view";
import type { ChartDownloadTexts } from "./chart-download-texts";
import { ChartDownloads, type ChartDownloadTable } from "./chart-downloads";

/**
 * The measured-signal chart's download menu. Its rows (one per line and
 * bucket, gaps empty) come from the panels the chart itself draws, through
 * the view-model's `signalDownloadRows` (loaded when a button is pressed),
 * so the page does not carry the same numbers twice.
 */
export function SignalChartDownloads({
  chartId,
  name,
  panels,
  table,
  exampleCell,
  text,
}: {
  chartId: string;
  name: string;
  panels: SignalPanelView[];
  table: Omit<ChartDownloadTable, "rows">;
  /** "example data — invented": the `notice` cell of rows from invented example data (decision 0018), when the table has that column. */
  exampleCell?: string;
  /** The menu's words, formatted on the server (server-chart-downloads.tsx). */
  text: ChartDownloadTexts;
}) {
  const rows = async () => (await import("@/lib/charts/signal-chart-view")).signalDownloadRows(panels, exampleCell);
  return <ChartDownloads chartId={chartId} name={name} table={{ ...table, rows }} text={text} />;
}

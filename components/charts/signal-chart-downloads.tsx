"use client";

import { useMemo } from "react";
import type { SignalPanel } from "./operator-signal-chart";
import { ChartDownloads, type ChartDownloadTable } from "./chart-downloads";

/**
 * The measured-signal chart's download menu. Its rows (one per line and
 * bucket, gaps empty) are built here from the panels the chart itself draws,
 * so the page does not carry the same numbers twice.
 */
export function SignalChartDownloads({
  chartId,
  name,
  panels,
  table,
  exampleCell,
}: {
  chartId: string;
  name: string;
  panels: SignalPanel[];
  table: Omit<ChartDownloadTable, "rows">;
  /** "example data — invented": the `notice` cell of rows from invented example data (decision 0018), when the table has that column. */
  exampleCell?: string;
}) {
  const rows = useMemo(
    () =>
      panels.flatMap((panel) =>
        panel.lines.flatMap((line) => {
          // Line keys are "<signal>-<asn>" or "<signal>-all".
          const network = line.key.slice(panel.key.length + 1);
          return line.points.map((point) => ({
            ...(exampleCell ? { notice: line.example ? exampleCell : "" } : {}),
            signal: panel.key,
            signal_name: panel.title,
            network: network === "all" ? "all" : `AS${network}`,
            bucket_start: new Date(point.t).toISOString(),
            value: point.v,
          }));
        }),
      ),
    [panels, exampleCell],
  );
  return <ChartDownloads chartId={chartId} name={name} table={{ ...table, rows }} />;
}

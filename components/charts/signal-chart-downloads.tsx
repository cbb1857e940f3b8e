"use client";

import { useMemo } from "react";
import type { SignalPanel } from "./operator-signal-chart";
import { ChartDownloads, type ChartDownloadTable } from "./chart-downloads";

/**
 * The measured-signal chart's download menu. Its rows (one per line and
 * bucket, gaps empty) are built here from the panels the chart itself draws,
 * so the page does not carry the same numbers twice.
 */
export function SignalChartDownloads({ chartId, name, panels, table }: { chartId: string; name: string; panels: SignalPanel[]; table: Omit<ChartDownloadTable, "rows"> }) {
  const rows = useMemo(
    () =>
      panels.flatMap((panel) =>
        panel.lines.flatMap((line) => {
          // Line keys are "<signal>-<asn>" or "<signal>-all".
          const network = line.key.slice(panel.key.length + 1);
          return line.points.map((point) => ({
            signal: panel.key,
            signal_name: panel.title,
            network: network === "all" ? "all" : `AS${network}`,
            bucket_start: new Date(point.t).toISOString(),
            value: point.v,
          }));
        }),
      ),
    [panels],
  );
  return <ChartDownloads chartId={chartId} name={name} table={{ ...table, rows }} />;
}

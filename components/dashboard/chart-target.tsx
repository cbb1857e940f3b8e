import type { ReactNode } from "react";
import { CHART_TARGET_ID } from "@/components/ui/chart-target-id";


/**
 * A chart page's result: the chart (or the empty state that replaces it) and
 * its summary. "Skip to the chart" moves focus here, past the header, the view
 * switcher and the filters; the next Tab reaches the chart's first control.
 */
export function ChartTarget({ children }: { children: ReactNode }) {
  return (
    <div id={CHART_TARGET_ID} tabIndex={-1} className="chart-target">
      {children}
    </div>
  );
}

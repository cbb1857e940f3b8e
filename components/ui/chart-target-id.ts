/** The id "Skip to the chart" (components/ui/skip-links.tsx) leads to, on the element ChartTarget (components/dashboard/chart-target.tsx) draws. */
export const CHART_TARGET_ID = "chart";

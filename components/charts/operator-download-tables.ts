import { getLocale, getTranslations } from "next-intl/server";
import type { ChartDownloadTable } from "@/components/charts/chart-downloads";
import { bucketLabel } from "@/lib/time/format";
import type { OperatorSignalChart } from "@/lib/charts/signal-chart";
import { SIGNAL_DOWNLOAD_COLUMNS, type SignalDownloadColumn } from "@/lib/charts/signal-chart-view";
import { periodOfInstants } from "@/lib/charts/export/table";
import type { OperatorDisruption, OperatorDisruptionSummary } from "@/lib/server/operators/summarize-operator-disruption";
import { MEASURES, type Measure, type MeasureFigures } from "@/lib/incidents/disruption-hours";
import { CURATED_SOURCES, type DataSource } from "@/lib/credits/data-credits";
import { timeZoneOf } from "@/lib/time/format";

/**
 * The download tables of the operator pages' charts (server side): exactly
 * the rows each chart plots, with column descriptions in the reader's language.
 */

type DownloadText = Awaited<ReturnType<typeof getTranslations<"chartDownloads">>>;

/** A measure's four columns: its hours, and those of them counted to a last report, to now, or on and off. */
function measureColumns(measure: Measure, name: string, counts: string, t: DownloadText) {
  return [
    { key: measure, label: name, description: t("columns.measureHours", { name, counts }), unit: "hours" },
    { key: `${measure}_to_last_report_hours`, label: `${name}: ${measure}_to_last_report_hours`, description: t("columns.measureToLastReport", { name }), unit: "hours" },
    { key: `${measure}_to_now_hours`, label: `${name}: ${measure}_to_now_hours`, description: t("columns.measureToNow", { name }), unit: "hours" },
    { key: `${measure}_on_and_off_hours`, label: `${name}: ${measure}_on_and_off_hours`, description: t("columns.measureOnAndOff", { name }), unit: "hours" },
  ];
}

function measureCells(measures: MeasureFigures): Record<string, number> {
  return Object.fromEntries(
    MEASURES.flatMap((measure) => [
      [measure, measures[measure].hours],
      [`${measure}_to_last_report_hours`, measures[measure].toLastReportHours],
      [`${measure}_to_now_hours`, measures[measure].toNowHours],
      [`${measure}_on_and_off_hours`, measures[measure].onAndOffHours],
    ]),
  );
}

/** What the curated charts' downloads share: title, period, source and credit, and the bucket's key and label as their first columns. */
function curatedTable(summary: OperatorDisruptionSummary, title: string, t: DownloadText) {
  return {
    title,
    period: periodOfInstants(Date.parse(summary.from), Date.parse(summary.to), timeZoneOf(summary.zone)),
    source: t("source.curated"),
    sources: [...CURATED_SOURCES],
    bucketColumns: [
      { key: "period", label: t("columns.period"), description: t("columns.period") },
      { key: "label", label: t("columns.label"), description: t("columns.label") },
    ],
  };
}

/** One operator's hours per month or year, every measure with its open-end markers, as its chart plots them. */
export async function operatorHoursTable(entry: OperatorDisruption, summary: OperatorDisruptionSummary, title: string): Promise<ChartDownloadTable> {
  const t = await getTranslations("chartDownloads");
  const measures = await getTranslations("measures");
  const locale = await getLocale();
  const { bucketColumns, ...head } = curatedTable(summary, title, t);
  return {
    ...head,
    columns: [
      ...bucketColumns,
      ...MEASURES.flatMap((measure) => measureColumns(measure, measures(`names.${measure}`), measures(`counts.operator.${measure}`), t)),
    ],
    rows: entry.buckets.map((bucket) => ({
      period: bucket.key,
      label: bucketLabel(bucket.key, locale),
      ...measureCells(bucket.measures),
    })),
  };
}

/** Every operator's hours of one measure per month or year, as the comparison chart's groups of bars, with each operator's open-end hours. */
export async function operatorComparisonTable(summary: OperatorDisruptionSummary, measure: Measure, title: string): Promise<ChartDownloadTable> {
  const t = await getTranslations("chartDownloads");
  const measures = await getTranslations("measures");
  const locale = await getLocale();
  const keys = summary.operators[0]?.buckets.map((bucket) => bucket.key) ?? [];
  const name = measures(`names.${measure}`);
  const counts = measures(`counts.operator.${measure}`);
  const open = (figures: MeasureFigures) => Math.round((figures[measure].toLastReportHours + figures[measure].toNowHours) * 10) / 10;
  const { bucketColumns, ...head } = curatedTable(summary, title, t);
  return {
    ...head,
    columns: [
      ...bucketColumns,
      ...summary.operators.flatMap(({ operator }) => [
        { key: operator.slug, label: operator.name, description: t("columns.operatorMeasureHours", { name, operator: operator.name, counts }), unit: "hours" },
        { key: `${operator.slug}_open_end_hours`, label: `${operator.name}: open_end_hours`, description: t("columns.operatorOpenHours", { operator: operator.name }), unit: "hours" },
      ]),
    ],
    rows: keys.map((key, index) => ({
      period: key,
      label: bucketLabel(key, locale),
      ...Object.fromEntries(
        summary.operators.flatMap((entry) => {
          const bucket = entry.buckets[index];
          return [
            [entry.operator.slug, bucket?.measures[measure].hours ?? 0],
            [`${entry.operator.slug}_open_end_hours`, bucket ? open(bucket.measures) : 0],
          ];
        }),
      ),
    })),
  };
}

/**
 * The measured signals' download, without its rows (the download island builds them from the chart's own panels
 * with the view-model's signalDownloadRows).
 * `sources` is what the chart draws (its lines' and events' feeds, the tracker for shaded phases): the file credits those.
 */
export async function operatorSignalsTable(
  chart: OperatorSignalChart,
  zone: "local" | "utc",
  operatorName: string,
  sources: DataSource[],
): Promise<Omit<ChartDownloadTable, "rows">> {
  const t = await getTranslations("chartDownloads");
  const example = await getTranslations("exampleData");
  // The view-model's columns (its rows carry exactly these keys), each described.
  const signalColumns: Record<SignalDownloadColumn, { label: string; description: string; unit?: string }> = {
    signal: { label: t("columns.signal"), description: t("columns.signal") },
    signal_name: { label: t("columns.signalName"), description: t("columns.signalName") },
    network: { label: t("columns.network"), description: t("columns.network") },
    bucket_start: { label: t("columns.bucketStart"), description: t("columns.bucketStart") },
    value: { label: t("columns.value"), description: t("columns.value"), unit: chart.normalised ? "normalised" : "raw" },
  };
  return {
    title: t("signalsTitle", { operator: operatorName }),
    period: periodOfInstants(Date.parse(chart.from), Date.parse(chart.to), timeZoneOf(zone)),
    source: t("source.measured"),
    sources,
    // Invented example data says so first: a banner on the images, the notice in the JSON, a column in the CSV (decision 0018).
    ...(chart.example ? { notice: example("notice") } : {}),
    columns: [
      ...(chart.example ? [{ key: "notice", label: example("label"), description: example("columnDescription") }] : []),
      ...SIGNAL_DOWNLOAD_COLUMNS.map((key) => ({ key, ...signalColumns[key] })),
    ],
  };
}

import { getLocale, getTranslations } from "next-intl/server";
import type { ChartDownloadTable } from "@/components/charts/chart-downloads";
import { bucketLabel } from "@/components/isps/format";
import type { OperatorSignalChart } from "@/lib/charts/signal-chart";
import { periodOfInstants } from "@/lib/charts/export/table";
import type { OperatorDisruption, OperatorDisruptionSummary } from "@/lib/server/operators/summarize-operator-disruption";
import { timeZoneOf } from "@/lib/time/format";

/**
 * The download tables of the operator pages' charts (server side): exactly
 * the rows each chart plots, with column descriptions in the reader's language.
 */

/** One operator's disruption-hours per month or year, by type, as its stacked bars. */
export async function operatorHoursTable(entry: OperatorDisruption, summary: OperatorDisruptionSummary, title: string): Promise<ChartDownloadTable> {
  const t = await getTranslations("chartDownloads");
  const typeNames = await getTranslations("enums.DisruptionType");
  const locale = await getLocale();
  return {
    title,
    period: periodOfInstants(Date.parse(summary.from), Date.parse(summary.to), timeZoneOf(summary.zone)),
    source: t("source.curated"),
    columns: [
      { key: "period", label: t("columns.period"), description: t("columns.period") },
      { key: "label", label: t("columns.label"), description: t("columns.label") },
      ...summary.types.map((type) => ({ key: type, label: typeNames(type), description: t("columns.typeHours", { type: typeNames(type) }), unit: "hours" })),
      { key: "total", label: t("columns.totalHours"), description: t("columns.totalHours"), unit: "hours" },
    ],
    rows: entry.buckets.map((bucket) => ({
      period: bucket.key,
      label: bucketLabel(bucket.key, locale),
      ...Object.fromEntries(summary.types.map((type) => [type, bucket.hoursByType[type] ?? 0])),
      total: bucket.totalHours,
    })),
  };
}

/** Every operator's total disruption-hours per month or year, as the comparison chart's groups of bars. */
export async function operatorComparisonTable(summary: OperatorDisruptionSummary, title: string): Promise<ChartDownloadTable> {
  const t = await getTranslations("chartDownloads");
  const locale = await getLocale();
  const keys = summary.operators[0]?.buckets.map((bucket) => bucket.key) ?? [];
  return {
    title,
    period: periodOfInstants(Date.parse(summary.from), Date.parse(summary.to), timeZoneOf(summary.zone)),
    source: t("source.curated"),
    columns: [
      { key: "period", label: t("columns.period"), description: t("columns.period") },
      { key: "label", label: t("columns.label"), description: t("columns.label") },
      ...summary.operators.map(({ operator }) => ({
        key: operator.slug,
        label: operator.name,
        description: t("columns.operatorHours", { operator: operator.name }),
        unit: "hours",
      })),
    ],
    rows: keys.map((key, index) => ({
      period: key,
      label: bucketLabel(key, locale),
      ...Object.fromEntries(summary.operators.map((entry) => [entry.operator.slug, entry.buckets[index]?.totalHours ?? 0])),
    })),
  };
}

/** The measured signals' download, without its rows (the download island builds them from the chart's own panels). */
export async function operatorSignalsTable(chart: OperatorSignalChart, zone: "local" | "utc", operatorName: string): Promise<Omit<ChartDownloadTable, "rows">> {
  const t = await getTranslations("chartDownloads");
  return {
    title: t("signalsTitle", { operator: operatorName }),
    period: periodOfInstants(Date.parse(chart.from), Date.parse(chart.to), timeZoneOf(zone)),
    source: t("source.measured"),
    columns: [
      { key: "signal", label: t("columns.signal"), description: t("columns.signal") },
      { key: "signal_name", label: t("columns.signalName"), description: t("columns.signalName") },
      { key: "network", label: t("columns.network"), description: t("columns.network") },
      { key: "bucket_start", label: t("columns.bucketStart"), description: t("columns.bucketStart") },
      { key: "value", label: t("columns.value"), description: t("columns.value"), unit: chart.normalised ? "normalised" : "raw" },
    ],
  };
}

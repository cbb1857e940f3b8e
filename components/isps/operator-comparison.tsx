import { getLocale, getTranslations } from "next-intl/server";
import { ChartDownloads } from "@/components/charts/chart-downloads";
import { OperatorComparisonChart } from "@/components/charts/operator-comparison-chart";
import { operatorComparisonTable } from "@/components/charts/operator-download-tables";
import type { OperatorDisruptionSummary } from "@/lib/server/operators/summarize-operator-disruption";
import { bucketLabel, formatHours } from "./format";

/** Every operator's total disruption-hours per month or year on one chart, with the table and a sentence. */
export async function OperatorComparison({ summary, downloads = false }: { summary: OperatorDisruptionSummary; downloads?: boolean }) {
  const t = await getTranslations("ispsView.comparison");
  const locale = await getLocale();
  const operators = summary.operators.map((entry) => entry.operator);
  const keys = summary.operators[0]?.buckets.map((bucket) => bucket.key) ?? [];
  const rows = keys.map((key, index) => ({
    label: bucketLabel(key, locale),
    hours: Object.fromEntries(summary.operators.map((entry) => [entry.operator.slug, entry.buckets[index]?.totalHours ?? 0])),
  }));
  const ranked = [...summary.operators].sort((a, b) => b.totalHours - a.totalHours);
  const sentence =
    ranked.length === 0 || ranked[0]!.totalHours === 0
      ? t("summaryNone")
      : t("summary", {
          list: new Intl.ListFormat(locale, { type: "conjunction" }).format(
            ranked.map((entry) => t("summaryItem", { operator: entry.operator.name, hours: formatHours(entry.totalHours, locale) })),
          ),
        });
  return (
    <>
      <p data-testid="comparison-summary">{sentence}</p>
      {ranked.length > 0 && ranked[0]!.totalHours > 0 && (
        <div id="operator-comparison-chart">
          <OperatorComparisonChart rows={rows} operators={operators} label={t("chartLabel")} />
          {downloads && <ChartDownloads chartId="operator-comparison-chart" name="operator-comparison" table={await operatorComparisonTable(summary, t("chartLabel"))} />}
        </div>
      )}
      <div className="table-scroll" role="region" aria-label={t("tableCaption")} tabIndex={0}>
        <table className="data-table data-table--numeric">
          <caption className="visually-hidden">{t("tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("period")}</th>
              {operators.map((operator) => (
                <th scope="col" key={operator.slug}>
                  {operator.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={keys[index]}>
                <th scope="row">{row.label}</th>
                {operators.map((operator) => (
                  <td key={operator.slug}>{formatHours(row.hours[operator.slug] ?? 0, locale)}</td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("total")}</th>
              {summary.operators.map((entry) => (
                <td key={entry.operator.slug}>{formatHours(entry.totalHours, locale)}</td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}

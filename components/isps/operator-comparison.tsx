import { getLocale, getTranslations } from "next-intl/server";
import { ServerChartDownloads } from "@/components/charts/server-chart-downloads";
import { TableToggle } from "@/components/embed/table-toggle";
import { OperatorComparisonChart } from "@/components/charts/operator-comparison-chart";
import { operatorComparisonTable } from "@/components/charts/operator-download-tables";
import { chartMarkKey } from "@/lib/charts/chart-marks";
import { MEASURES, type Measure } from "@/lib/incidents/disruption-hours";
import { Link } from "@/components/ui/link";
import type { OperatorDisruptionSummary } from "@/lib/server/operators/summarize-operator-disruption";
import { bucketLabel } from "@/lib/time/format";
import { formatHours } from "./format";
import styles from "./isps.module.css";

/**
 * Every operator's hours of one measure per month or year on one chart, with
 * the table, a sentence and what the measure counts. Measures are compared one
 * at a time (`compare=`), never summed; `switchTo` gives the links to the others.
 */
export async function OperatorComparison({
  summary,
  measure = "full_blackout",
  switchTo,
  downloads = false,
  alone = false,
}: {
  summary: OperatorDisruptionSummary;
  measure?: Measure;
  /** Where the measure switch links to (the view's path and query); none in embeds that fix the measure. */
  switchTo?: { pathname: string; query: Record<string, string | string[]> };
  downloads?: boolean;
  /** The chart embedded on its own: its table behind a toggle. */
  alone?: boolean;
}) {
  const t = await getTranslations("ispsView.comparison");
  const embedText = await getTranslations("embed");
  const measures = await getTranslations("measures");
  const locale = await getLocale();
  const name = measures(`names.${measure}`);
  const operators = summary.operators.map((entry) => entry.operator);
  const keys = summary.operators[0]?.buckets.map((bucket) => bucket.key) ?? [];
  const rows = keys.map((key, index) => ({
    key,
    label: bucketLabel(key, locale),
    hours: Object.fromEntries(summary.operators.map((entry) => [entry.operator.slug, entry.buckets[index]?.measures[measure].hours ?? 0])),
  }));
  const ranked = [...summary.operators].sort((a, b) => b.totals[measure].hours - a.totals[measure].hours);
  const any = ranked.length > 0 && ranked[0]!.totals[measure].hours > 0;
  const sentence = !any
    ? t("summaryNone", { measure: name })
    : t("summary", {
        measure: name,
        list: new Intl.ListFormat(locale, { type: "conjunction" }).format(
          ranked.map((entry) => t("summaryItem", { operator: entry.operator.name, hours: measures("hours", { hours: formatHours(entry.totals[measure].hours, locale) }) })),
        ),
      });
  const chartLabel = t("chartLabel", { measure: name });
  const table = (
    <div className="table-scroll" role="region" aria-label={t("tableCaption", { measure: name })} tabIndex={0}>
      <table className="data-table data-table--numeric" data-testid="comparison-table" data-chart-table="comparison">
        <caption className="visually-hidden">{t("tableCaption", { measure: name })}</caption>
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
                <td key={operator.slug} data-chart-cell={chartMarkKey(keys[index]!, operator.slug)} data-value={row.hours[operator.slug] ?? 0}>
                  {formatHours(row.hours[operator.slug] ?? 0, locale)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("total")}</th>
            {summary.operators.map((entry) => (
              <td key={entry.operator.slug} data-operator={entry.operator.slug}>
                {formatHours(entry.totals[measure].hours, locale)}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
  return (
    <>
      {switchTo && (
        <nav className={styles.switch} aria-label={t("measureLabel")}>
          <span>{t("measureLabel")}:</span>
          {MEASURES.map((option) => (
            <Link key={option} href={{ pathname: switchTo.pathname, query: { ...switchTo.query, compare: option } }} aria-current={option === measure ? "true" : undefined}>
              {measures(`names.${option}`)}
            </Link>
          ))}
        </nav>
      )}
      <p data-testid="comparison-summary" data-measure={measure}>
        {sentence} <span className={styles.muted}>{measures(`counts.operator.${measure}`)}</span>
      </p>
      {any && (
        <div id="operator-comparison-chart">
          <OperatorComparisonChart rows={rows} operators={operators} label={chartLabel} />
          {downloads && <ServerChartDownloads chartId="operator-comparison-chart" name={`operator-comparison-${measure}`} table={await operatorComparisonTable(summary, measure, chartLabel)} />}
        </div>
      )}
      {alone ? <TableToggle label={embedText("showTable")}>{table}</TableToggle> : table}
    </>
  );
}

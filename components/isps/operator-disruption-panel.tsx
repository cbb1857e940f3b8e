import { getLocale, getTranslations } from "next-intl/server";
import { ChartDownloads } from "@/components/charts/chart-downloads";
import { OperatorHoursChart } from "@/components/charts/operator-hours-chart";
import { operatorHoursTable } from "@/components/charts/operator-download-tables";
import type { DisruptionType } from "@/lib/generated/prisma/enums";
import { Link } from "@/lib/i18n/navigation";
import type { OperatorDisruption, OperatorDisruptionSummary } from "@/lib/server/operators/summarize-operator-disruption";
import { bucketLabel, formatHours } from "./format";
import { OperatorIncidentList } from "./operator-incident-list";

/** The sentence that says what one operator's curated chart shows. */
export async function disruptionSentence(entry: OperatorDisruption, granularity: "month" | "year"): Promise<string> {
  const t = await getTranslations("ispsView.curated");
  const locale = await getLocale();
  if (entry.totalHours === 0) return t("summaryNone", { operator: entry.operator.name, count: entry.incidents.length });
  const peak = entry.buckets.reduce((best, bucket) => (bucket.totalHours > best.totalHours ? bucket : best), entry.buckets[0]!);
  return t("summary", {
    operator: entry.operator.name,
    hours: formatHours(entry.totalHours, locale),
    count: entry.incidents.length,
    granularity,
    peak: bucketLabel(peak.key, locale),
    peakHours: formatHours(peak.totalHours, locale),
  });
}

/** The numbers of one operator's chart: a row per month or year, a column per type. */
export async function HoursTable({ entry, types, caption }: { entry: OperatorDisruption; types: DisruptionType[]; caption: string }) {
  const t = await getTranslations("ispsView.curated");
  const typeNames = await getTranslations("enums.DisruptionType");
  const locale = await getLocale();
  return (
    <table className="data-table data-table--numeric">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("period")}</th>
          {types.map((type) => (
            <th scope="col" key={type}>
              {typeNames(type)}
            </th>
          ))}
          <th scope="col">{t("total")}</th>
        </tr>
      </thead>
      <tbody>
        {entry.buckets.map((bucket) => (
          <tr key={bucket.key}>
            <th scope="row">{bucketLabel(bucket.key, locale)}</th>
            {types.map((type) => (
              <td key={type}>{formatHours(bucket.hoursByType[type] ?? 0, locale)}</td>
            ))}
            <td>{formatHours(bucket.totalHours, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * One operator's curated disruption: chart, sentence, table and incidents.
 * `compact` is the overview's small multiple (table folded, short incident list),
 * drawn on the y-scale `maxHours` that every operator shares there.
 */
export async function OperatorDisruptionPanel({
  entry,
  summary,
  maxHours,
  compact = false,
  downloads = false,
}: {
  entry: OperatorDisruption;
  summary: OperatorDisruptionSummary;
  maxHours: number;
  compact?: boolean;
  /** The download menu (full pages only; embeds stay light). */
  downloads?: boolean;
}) {
  const t = await getTranslations("ispsView.curated");
  const locale = await getLocale();
  const types = summary.types;
  const rows = entry.buckets.map((bucket) => ({ label: bucketLabel(bucket.key, locale), hoursByType: bucket.hoursByType }));
  const chartLabel = t("chartLabel", { operator: entry.operator.name });
  const chartId = `operator-hours-${entry.operator.slug}${compact ? "-compact" : ""}`;
  const table = <HoursTable entry={entry} types={types} caption={t("tableCaption", { operator: entry.operator.name })} />;
  return (
    <>
      <p data-testid="curated-summary">{await disruptionSentence(entry, summary.granularity)}</p>
      {types.length > 0 ? (
        <div id={chartId}>
          <OperatorHoursChart rows={rows} types={types} maxHours={maxHours} label={chartLabel} compact={compact} />
          {downloads && <ChartDownloads chartId={chartId} name={`operator-hours-${entry.operator.slug}`} table={await operatorHoursTable(entry, summary, chartLabel)} />}
        </div>
      ) : (
        <p className="empty-state">{t("emptyChart")}</p>
      )}
      {compact ? (
        <details>
          <summary>{t("showTable")}</summary>
          <div className="table-scroll" role="region" aria-label={t("tableCaption", { operator: entry.operator.name })} tabIndex={0}>
            {table}
          </div>
        </details>
      ) : (
        <div className="table-scroll" role="region" aria-label={t("tableCaption", { operator: entry.operator.name })} tabIndex={0}>
          {table}
        </div>
      )}
      <OperatorIncidentList incidents={compact ? entry.incidents.slice(0, 3) : entry.incidents} zone={summary.zone} />
      {compact && entry.incidents.length > 3 && (
        <p>
          <Link href={`/isps/${entry.operator.slug}`}>{t("moreIncidents", { count: entry.incidents.length - 3, operator: entry.operator.name })}</Link>
        </p>
      )}
    </>
  );
}

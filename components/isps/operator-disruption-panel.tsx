import { getLocale, getTranslations } from "next-intl/server";
import { ServerChartDownloads } from "@/components/charts/server-chart-downloads";
import { ChartNote, TableToggle } from "@/components/embed/table-toggle";
import { MeasureDefinitions } from "@/components/measures/measure-definitions";
import { OperatorHoursChart } from "@/components/charts/operator-hours-chart";
import { operatorHoursTable } from "@/components/charts/operator-download-tables";
import { chartMarkKey } from "@/lib/charts/chart-marks";
import { MEASURES } from "@/lib/incidents/disruption-hours";
import { openEndNote } from "@/lib/incidents/figure-text";
import { Link } from "@/components/ui/link";
import type { OperatorDisruption, OperatorDisruptionSummary } from "@/lib/server/operators/summarize-operator-disruption";
import { bucketLabel } from "@/lib/time/format";
import { formatHours } from "./format";
import { OperatorIncidentList } from "./operator-incident-list";

/** The sentence that gives one operator's figures for the period, each measure named, with what rests on open ends. */
export async function disruptionSentence(entry: OperatorDisruption): Promise<string> {
  const t = await getTranslations("ispsView.curated");
  const measures = await getTranslations("measures");
  const locale = await getLocale();
  const counted = MEASURES.filter((measure) => entry.totals[measure].hours > 0);
  if (counted.length === 0) return t("summaryNone", { operator: entry.operator.name, count: entry.incidents.length });
  const parts = counted.map((measure) => {
    const note = openEndNote(entry.totals[measure], measures, locale);
    const figure = measures("figure", { name: measures(`names.${measure}`), hours: formatHours(entry.totals[measure].hours, locale) });
    return note ? `${figure} (${note})` : figure;
  });
  return t("summary", { operator: entry.operator.name, figures: parts.join("; "), count: entry.incidents.length });
}

/** The numbers of one operator's chart: a row per month or year, a column per measure, and what rests on open ends. */
export async function HoursTable({ entry, caption }: { entry: OperatorDisruption; caption: string }) {
  const t = await getTranslations("ispsView.curated");
  const measures = await getTranslations("measures");
  const locale = await getLocale();
  return (
    <table className="data-table data-table--numeric" data-testid="operator-hours-table" data-chart-table="hours">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("period")}</th>
          {MEASURES.map((measure) => (
            <th scope="col" key={measure}>
              {measures(`names.${measure}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {entry.buckets.map((bucket) => (
          <tr key={bucket.key} data-period={bucket.key}>
            <th scope="row">{bucketLabel(bucket.key, locale)}</th>
            {MEASURES.map((measure) => {
              const note = openEndNote(bucket.measures[measure], measures, locale);
              return (
                <td
                  key={measure}
                  data-measure={measure}
                  data-chart-cell={chartMarkKey(bucket.key, measure)}
                  data-value={bucket.measures[measure].hours}
                >
                  {formatHours(bucket.measures[measure].hours, locale)}
                  {note && <span className="cell-note">{note}</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * One operator's curated disruption: sentence, chart, table and incidents.
 * `compact` is the overview's small multiple (table folded, short incident list),
 * drawn on the y-scale `maxHours` that every operator shares there. The
 * definitions of the measures sit beside the figures on the page. `alone` is
 * the chart embedded on its own: the sentence, the chart, how the measures
 * stack, and the table with the definitions behind a toggle; no incident list.
 */
export async function OperatorDisruptionPanel({
  entry,
  summary,
  maxHours,
  compact = false,
  alone = false,
  downloads = false,
}: {
  entry: OperatorDisruption;
  summary: OperatorDisruptionSummary;
  maxHours: number;
  compact?: boolean;
  alone?: boolean;
  /** The download menu (full pages only; embeds stay light). */
  downloads?: boolean;
}) {
  const t = await getTranslations("ispsView.curated");
  const measures = await getTranslations("measures");
  const embedText = await getTranslations("embed");
  const locale = await getLocale();
  const rows = entry.buckets.map((bucket) => ({
    key: bucket.key,
    label: bucketLabel(bucket.key, locale),
    hours: Object.fromEntries(MEASURES.map((measure) => [measure, bucket.measures[measure].hours])) as Record<(typeof MEASURES)[number], number>,
  }));
  const chartLabel = t("chartLabel", { operator: entry.operator.name });
  const chartId = `operator-hours-${entry.operator.slug}${compact ? "-compact" : ""}`;
  const hasHours = entry.buckets.some((bucket) => MEASURES.some((measure) => bucket.measures[measure].hours > 0));
  const table = <HoursTable entry={entry} caption={t("tableCaption", { operator: entry.operator.name })} />;
  if (alone) {
    return (
      <>
        <p data-testid="curated-summary">{await disruptionSentence(entry)}</p>
        {hasHours ? (
          <div id={chartId}>
            <OperatorHoursChart rows={rows} maxHours={maxHours} label={chartLabel} compact />
          </div>
        ) : (
          <p className="empty-state">{t("emptyChart")}</p>
        )}
        <ChartNote>{measures("stackNote")}</ChartNote>
        <TableToggle label={embedText("showTable")}>
          <div className="table-scroll" role="region" aria-label={t("tableCaption", { operator: entry.operator.name })} tabIndex={0}>
            {table}
          </div>
          <MeasureDefinitions entity="operator" id={`${chartId}-definitions`} headingLevel={2} />
        </TableToggle>
      </>
    );
  }
  return (
    <>
      <p data-testid="curated-summary">{await disruptionSentence(entry)}</p>
      {hasHours ? (
        <div id={chartId}>
          <OperatorHoursChart rows={rows} maxHours={maxHours} label={chartLabel} compact={compact} />
          {downloads && <ServerChartDownloads chartId={chartId} name={`operator-hours-${entry.operator.slug}`} table={await operatorHoursTable(entry, summary, chartLabel)} />}
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

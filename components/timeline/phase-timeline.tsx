import { getLocale, getTranslations } from "next-intl/server";
import { ServerChartDownloads } from "@/components/charts/server-chart-downloads";
import { TableToggle } from "@/components/embed/table-toggle";
import { EndOf, Instant } from "@/components/ui/instant";
import { PhaseExtent, type DisruptionType } from "@/lib/generated/prisma/enums";
import { countedEnd } from "@/lib/incidents/disruption-hours";
import type { IncidentFigures } from "@/lib/incidents/incident-figures";
import type { IncidentPhase } from "@/lib/server/incidents/published/detail";
import type { ZoneChoice } from "@/lib/time/format";
import { phaseDownloadTable } from "./phase-download-table";
import { barGeometry, TimeAxis } from "./time-bars";
import styles from "./timeline.module.css";

/**
 * An incident's phases as bars on one time axis (a Gantt chart), followed by
 * the same phases as a table for screen readers and for copying. With
 * `downloads` (the incident's page, not its embed), the chart has the download
 * menu; its HTML bars and labels are marked for the image export. A bar runs to
 * where the figures count its phase (decision 0013); one that is not counted
 * runs to the chart's end and is marked open. On a phone the table's rows
 * stack, so no column (the period least of all) is pushed off screen.
 */
export async function PhaseTimeline({
  phases,
  zone,
  now,
  downloads,
  counting,
  foldTable,
}: {
  phases: IncidentPhase[];
  zone: ZoneChoice;
  now: Date;
  downloads?: { incidentSlug: string; incidentTitle: string };
  /** How each phase counts for the whole country (the incident page): adds the "counts as" column. */
  counting?: IncidentFigures["phases"];
  /** The label of a toggle the table is folded behind (a chart embedded on its own), or none: the table is shown. */
  foldTable?: string;
}) {
  const locale = await getLocale();
  const t = await getTranslations("incidents.detail.phases");
  const types = await getTranslations("enums.DisruptionType");
  const extents = await getTranslations("enums.PhaseExtent");
  const detail = await getTranslations("incidents.detail");
  const figureText = await getTranslations("incidentFigures");
  const measureNames = await getTranslations("measures.names");

  // Bars end where the figures count a phase to; one not counted has no end to draw.
  const ends = phases.map((phase) => {
    const counted = countedEnd(phase, now);
    return counted && counted.at > phase.startsAt ? counted.at : null;
  });
  const from = new Date(Math.min(...phases.map((phase) => phase.startsAt.getTime())));
  const closedEnds = ends.filter((end): end is Date => end !== null).map((end) => end.getTime());
  // Open phases run to the last recorded end, or to now when nothing has ended.
  const to = closedEnds.length === 0 ? now : new Date(Math.max(...closedEnds, from.getTime() + 3_600_000));
  const domain = { from, to };
  const shownTypes = [...new Set(phases.map((phase) => phase.type))] as DisruptionType[];
  const chartId = downloads ? `phase-chart-${downloads.incidentSlug}` : undefined;

  const table = (
    <div className="table-scroll" role="region" aria-label={t("heading")} tabIndex={0}>
      {/* Explicit roles keep the table a table for assistive technology when, on a phone, its rows are laid out as blocks. */}
      <table className={`data-table ${styles.phaseTable}`} role="table" data-testid="phase-table" data-chart-table="phases">
        <caption className="visually-hidden">{t("chartLabel")}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              #
            </th>
            <th scope="col" role="columnheader">
              {t("heading")}
            </th>
            <th scope="col" role="columnheader">
              {detail("period")}
            </th>
            <th scope="col" role="columnheader">
              {detail("type")}
            </th>
            <th scope="col" role="columnheader">
              {t("extent")}
            </th>
            {counting && (
              <th scope="col" role="columnheader">
                {figureText("countsAs")}
              </th>
            )}
            <th scope="col" role="columnheader">
              {detail("operators")}
            </th>
            <th scope="col" role="columnheader">
              {detail("regions")}
            </th>
            <th scope="col" role="columnheader">
              {t("sources")}
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {phases.map((phase, index) => (
            <tr key={phase.number} role="row" data-end-status={phase.endStatus} data-chart-cell={phase.number}>
              <td role="cell" data-label="#">
                {phase.number}
              </td>
              <th scope="row" role="rowheader">
                {phase.label}
                {phase.description && <p className="cell-note">{phase.description}</p>}
              </th>
              <td role="cell" data-label={detail("period")} data-testid="phase-period">
                <Instant value={phase.startsAt} precision={phase.startPrecision} zone={zone} />
                {" – "}
                <EndOf
                  endStatus={phase.endStatus}
                  endsAt={phase.endsAt}
                  endPrecision={phase.endPrecision}
                  lastReportedOn={phase.lastReportedOn}
                  zone={zone}
                  showNotCounted
                />
              </td>
              <td role="cell" data-label={detail("type")}>
                {types(phase.type)}
              </td>
              <td role="cell" data-label={t("extent")}>
                {extents(phase.extent)}
              </td>
              {counting && (
                <td role="cell" data-label={figureText("countsAs")}>
                  {counting[index]?.countedUntil ? measureNames(counting[index]!.measure) : figureText("notCounted")}
                </td>
              )}
              <td role="cell" data-label={detail("operators")}>
                {phase.allOperators ? figureText("allOperators") : phase.operators.map((operator) => operator.name).join(", ") || figureText("noOperator")}
              </td>
              <td role="cell" data-label={detail("regions")}>
                {phase.regions.map((region) => region.name).join(", ") || "—"}
              </td>
              <td role="cell" data-label={t("sources")}>
                {phase.sourceNumbers.map((number) => `[${number}]`).join(" ") || "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <div id={chartId}>
      <figure className={styles.phases} aria-labelledby="phase-chart-caption" data-chart-html="" data-chart="phases">
        <figcaption id="phase-chart-caption" className="visually-hidden">
          {t("chartLabel")}
        </figcaption>
        <TimeAxis from={domain.from} to={domain.to} locale={locale} />
        <ol className={styles.phaseRows} aria-hidden="true">
          {phases.map((phase, index) => {
            const end = ends[index] ?? domain.to;
            const { left, width } = barGeometry(domain, phase.startsAt, end);
            return (
              <li key={phase.number} className={styles.phaseRow}>
                <span className={styles.phaseLabel} data-chart-text="">
                  {phase.number}. {phase.label}
                </span>
                <span className={styles.track}>
                  <span
                    className={styles.phaseBar}
                    data-chart-bar=""
                    data-chart-mark={phase.number}
                    data-type={phase.type}
                    data-extent={phase.extent}
                    data-open={phase.endStatus !== "RECORDED"}
                    data-end-status={phase.endStatus}
                    style={{ left: `${left}%`, width: `${width}%` }}
                  />
                </span>
              </li>
            );
          })}
        </ol>
        <ul className={styles.legend} aria-hidden="true">
          {shownTypes.map((type) => (
            <li key={type} data-chart-legend-item="">
              <span className={styles.legendSwatch} data-type={type} aria-hidden="true" />
              {types(type)}
            </li>
          ))}
          {Object.values(PhaseExtent)
            .filter((extent) => extent !== "FULL" && phases.some((phase) => phase.extent === extent))
            .map((extent) => (
              <li key={extent} data-chart-legend-item="">
                <span className={styles.legendSwatch} data-extent={extent} aria-hidden="true" />
                {extents(extent)}
              </li>
            ))}
        </ul>
      </figure>
      {downloads && (
        <ServerChartDownloads
          chartId={chartId!}
          name={`phases-${downloads.incidentSlug}`}
          table={await phaseDownloadTable(phases, ends, domain, downloads.incidentTitle)}
        />
      )}

      {foldTable ? <TableToggle label={foldTable}>{table}</TableToggle> : table}
    </div>
  );
}

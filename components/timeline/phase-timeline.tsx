import { getLocale, getTranslations } from "next-intl/server";
import { ChartDownloads } from "@/components/charts/chart-downloads";
import { Instant } from "@/components/ui/instant";
import { PhaseExtent, type DisruptionType } from "@/lib/generated/prisma/enums";
import type { IncidentPhase } from "@/lib/server/incidents/get-published-incident";
import { effectiveEnd, type ZoneChoice } from "@/lib/time/format";
import { phaseDownloadTable } from "./phase-download-table";
import { barGeometry, TimeAxis } from "./time-bars";
import styles from "./timeline.module.css";

/**
 * An incident's phases as bars on one time axis (a Gantt chart), followed by
 * the same phases as a table for screen readers and for copying. With
 * `downloads` (the incident's page, not its embed), the chart has the download
 * menu; its HTML bars and labels are marked for the image export.
 */
export async function PhaseTimeline({
  phases,
  zone,
  now,
  downloads,
}: {
  phases: IncidentPhase[];
  zone: ZoneChoice;
  now: Date;
  downloads?: { incidentSlug: string; incidentTitle: string };
}) {
  const locale = await getLocale();
  const t = await getTranslations("incidents.detail.phases");
  const types = await getTranslations("enums.DisruptionType");
  const extents = await getTranslations("enums.PhaseExtent");
  const detail = await getTranslations("incidents.detail");

  const ends = phases.map((phase) => (phase.endsAt ? effectiveEnd(phase.endsAt, phase.endPrecision) : null));
  const from = new Date(Math.min(...phases.map((phase) => phase.startsAt.getTime())));
  const closedEnds = ends.filter((end): end is Date => end !== null).map((end) => end.getTime());
  // Open phases run to the last recorded end, or to now when nothing has ended.
  const to = closedEnds.length === 0 ? now : new Date(Math.max(...closedEnds, from.getTime() + 3_600_000));
  const domain = { from, to };
  const shownTypes = [...new Set(phases.map((phase) => phase.type))] as DisruptionType[];
  const chartId = downloads ? `phase-chart-${downloads.incidentSlug}` : undefined;

  return (
    <div id={chartId}>
      <figure className={styles.phases} aria-labelledby="phase-chart-caption" data-chart-html="">
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
                    data-type={phase.type}
                    data-extent={phase.extent}
                    data-open={ends[index] === null}
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
        <ChartDownloads
          chartId={chartId!}
          name={`phases-${downloads.incidentSlug}`}
          table={await phaseDownloadTable(phases, ends.map((end) => end ?? domain.to), domain, downloads.incidentTitle)}
        />
      )}

      <div className="table-scroll" role="region" aria-label={t("heading")} tabIndex={0}>
        <table className="data-table">
          <caption className="visually-hidden">{t("chartLabel")}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t("heading")}</th>
              <th scope="col">{detail("type")}</th>
              <th scope="col">{t("extent")}</th>
              <th scope="col">{detail("period")}</th>
              <th scope="col">{detail("operators")}</th>
              <th scope="col">{detail("regions")}</th>
              <th scope="col">{t("sources")}</th>
            </tr>
          </thead>
          <tbody>
            {phases.map((phase) => (
              <tr key={phase.number}>
                <td>{phase.number}</td>
                <th scope="row">
                  {phase.label}
                  {phase.description && <p className="cell-note">{phase.description}</p>}
                </th>
                <td>{types(phase.type)}</td>
                <td>{extents(phase.extent)}</td>
                <td>
                  <Instant value={phase.startsAt} precision={phase.startPrecision} zone={zone} />
                  {" – "}
                  {phase.endsAt ? <Instant value={phase.endsAt} precision={phase.endPrecision ?? "ESTIMATED"} zone={zone} /> : t("openEnd")}
                </td>
                <td>{phase.operators.map((operator) => operator.name).join(", ") || "—"}</td>
                <td>{phase.regions.map((region) => region.name).join(", ") || "—"}</td>
                <td>{phase.sourceNumbers.map((number) => `[${number}]`).join(" ") || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

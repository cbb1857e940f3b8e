import { getLocale, getTranslations } from "next-intl/server";
import { operatorSignalsTable } from "@/components/charts/operator-download-tables";
import { getChartDownloadTexts } from "@/components/charts/server-chart-downloads";
import { SignalChartDownloads } from "@/components/charts/signal-chart-downloads";
import { OperatorSignalChart as SignalChart } from "@/components/charts/operator-signal-chart";
import type { OperatorSignalChart } from "@/lib/charts/signal-chart";
import { signalChartCredits, signalChartView, type SignalLineView } from "@/lib/charts/signal-chart-view";
import { SIGNAL_KEYS, SIGNALS, type SignalKey } from "@/lib/signals/signal-registry";
import type { OperatorOption } from "@/lib/server/operators/list-operators";
import type { OperatorPhase } from "@/lib/server/operators/summarize-operator-disruption";
import { EndOf, Instant } from "@/components/ui/instant";
import { TableToggle } from "@/components/embed/table-toggle";
import { ExampleDataNotice } from "@/components/example-data/example-data-notice";
import type { DataSource } from "@/lib/credits/data-credits";
import { formatDuration, shortDate, timeTicks, timeZoneOf, type ZoneChoice } from "@/lib/time/format";
import { formatInstant, formatValue } from "@/lib/charts/measured-format";
import { allValuesTableHtml } from "@/lib/charts/all-values-table-html";
import styles from "./isps.module.css";
import { StaffIngestHint } from "./staff-ingest-hint";
import type { OperatorViewParams } from "@/lib/schemas/operator-view";

/** "2022-01-01": the calendar date of an instant in a time zone, as the ingest command takes it. */
const calendarDate = (iso: string, timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(iso));

/** Hidden inputs that carry the rest of the address through the measured chart's own form. */
function HiddenQuery({ query }: { query: Record<string, string | string[]> }) {
  return (
    <>
      {Object.entries(query).flatMap(([name, value]) =>
        (Array.isArray(value) ? value : [value]).map((entry, index) => <input key={`${name}-${index}`} type="hidden" name={name} value={entry} />),
      )}
    </>
  );
}

/** What the measured chart draws, for its credit line: the feeds of its lines and events, and the tracker when phases are shaded. */
export function operatorSignalsSources(chart: OperatorSignalChart, phases: OperatorPhase[]): DataSource[] {
  return signalChartCredits(chart, phases);
}

/**
 * How the measured view is laid out:
 * - `page`: the operator's page: the form, the charts, what is missing (with
 *   the command lines to load it for signed-in staff only), and every table.
 * - `embed`: the whole view in a frame: the same without the staff help, the
 *   tables behind one toggle.
 * - `chart`: the chart alone in a frame: no form, the tables behind a toggle.
 */
export type SignalsLayout = "page" | "embed" | "chart";

/**
 * The measured view of one operator: a form for signals, networks combined
 * or apart and normalisation (all in the address), the charts with the
 * curated phases shaded, what is missing in plain words, and the numbers
 * as tables.
 */
export async function OperatorSignals({
  chart,
  operator,
  phases,
  zone,
  view,
  action,
  carriedQuery,
  downloads = false,
  layout = "page",
  fullHref,
}: {
  chart: OperatorSignalChart;
  operator: OperatorOption;
  phases: OperatorPhase[];
  zone: ZoneChoice;
  view: OperatorViewParams;
  action: string;
  carriedQuery: Record<string, string | string[]>;
  /** The download menu (full pages only; embeds stay light). */
  downloads?: boolean;
  layout?: SignalsLayout;
  /** Embeds: the operator's page, where every value is listed (an embed lists the lines' summary only). */
  fullHref?: string;
}) {
  const t = await getTranslations("ispsView.measured");
  const embedText = await getTranslations("embed");
  const signalNames = await getTranslations("ispsView.signals");
  const types = await getTranslations("enums.DisruptionType");
  const measureNames = await getTranslations("measures.names");
  const attribution = await getTranslations("measures.attribution");
  const figureText = await getTranslations("incidentFigures");
  const exampleText = await getTranslations("exampleData");
  const locale = await getLocale();
  const timeZone = timeZoneOf(zone);
  const from = new Date(chart.from);
  const to = new Date(chart.to);
  const asnList = operator.asns.map((asn) => `AS${asn}`).join(", ");
  // Every panel's table lists the same bucket starts: each is formatted once.
  const bucketStarts = new Map<string, string>();
  const bucketStart = (at: string) => bucketStarts.get(at) ?? bucketStarts.set(at, formatInstant(at, locale, timeZone)).get(at)!;
  // A signal's name in the reader's language: its message key is in the signal registry.
  const signalName = (signal: SignalKey) => signalNames(SIGNALS[signal].message);
  const chosen = view.signals.length > 0 ? view.signals : [...SIGNAL_KEYS];
  // Everything drawn, listed and downloaded below: the view-model of what the server sent.
  const drawn = signalChartView(chart, {
    asns: operator.asns,
    signals: view.signals,
    split: view.split,
    phases,
    text: { signalName, allNetworks: t("allNetworks", { asns: asnList || "—" }) },
  });
  const summaryText = (line: SignalLineView) =>
    line.stats.min === null
      ? t("lineSummaryEmpty", { signal: signalName(line.signal), network: line.label })
      : t("lineSummary", {
          signal: signalName(line.signal),
          network: line.label,
          low: formatValue(line.stats.min.value, locale),
          lowAt: formatInstant(line.stats.min.at, locale, timeZone),
          median: formatValue(line.stats.median ?? 0, locale),
          high: formatValue(line.stats.max ?? 0, locale),
          gaps: line.stats.gaps,
        });

  const downloadTable = downloads && chart.lines.length > 0 ? await operatorSignalsTable(chart, zone, operator.name, drawn.sources) : null;

  // Command lines are for staff, never part of the page a shared cache keeps: an island asks who is looking.
  const ingestHint =
    layout === "page" ? (
      <StaffIngestHint
        asns={operator.asns}
        since={calendarDate(chart.from, timeZone)}
        until={calendarDate(chart.to, timeZone)}
        text={{ staffOnly: t("staffOnly"), howToIngest: t("howToIngest"), staffFeeds: t("staffFeeds") }}
      />
    ) : null;

  const controls = (
    <form method="get" action={action} className={styles.controls} aria-label={t("controls")}>
      <HiddenQuery query={carriedQuery} />
      <fieldset>
        <legend>{t("signalsLegend")}</legend>
        {SIGNAL_KEYS.map((signal) => (
          <label key={signal}>
            <input type="checkbox" name="signals" value={signal} defaultChecked={chosen.includes(signal)} />
            {signalName(signal)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("asnsLegend", { count: operator.asns.length })}</legend>
        <label>
          <input type="radio" name="asns" value="combined" defaultChecked={!view.split} /> {t("combined")}
        </label>
        <label>
          <input type="radio" name="asns" value="split" defaultChecked={view.split} /> {t("split")}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t("scaleLegend")}</legend>
        <label>
          <input type="checkbox" name="norm" value="1" defaultChecked={view.normalised} /> {t("normalised")}
        </label>
      </fieldset>
      <button type="submit" className="button">
        {t("update")}
      </button>
    </form>
  );

  // The numbers behind the chart: the lines' summary and every value (when there are lines), the shaded phases and the framed events.
  const tables = (
    <>
      {chart.lines.length > 0 && (
        <>
          <h3 id="measured-summary-heading">{t("summaryHeading")}</h3>
          <ul data-testid="measured-summary">
            {drawn.lines.map((line) => (
              <li key={line.id}>{summaryText(line)}</li>
            ))}
          </ul>
          <div className="table-scroll" role="region" aria-labelledby="measured-summary-heading" tabIndex={0}>
            <table className="data-table data-table--numeric">
              <caption className="visually-hidden">{t("statsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("signal")}</th>
                  <th scope="col">{t("network")}</th>
                  <th scope="col">{t("lowest")}</th>
                  <th scope="col">{t("lowestAt")}</th>
                  <th scope="col">{t("median")}</th>
                  <th scope="col">{t("highest")}</th>
                  <th scope="col">{t("buckets")}</th>
                  <th scope="col">{t("gaps")}</th>
                </tr>
              </thead>
              <tbody>
                {drawn.lines.map((line) => {
                  const stats = line.stats;
                  return (
                    <tr key={line.id}>
                      <th scope="row">{signalName(line.signal)}</th>
                      <td>
                        {line.label}
                        {line.example && <p className="cell-note">{exampleText("label")}</p>}
                      </td>
                      <td>{stats.min ? formatValue(stats.min.value, locale) : "—"}</td>
                      <td>{stats.min ? formatInstant(stats.min.at, locale, timeZone) : "—"}</td>
                      <td>{stats.median === null ? "—" : formatValue(stats.median, locale)}</td>
                      <td>{stats.max === null ? "—" : formatValue(stats.max, locale)}</td>
                      <td>{stats.withData}</td>
                      <td>{stats.gaps}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {/* Every value on the page; an embed keeps its frame light and links there (decision 0025). */}
          {layout === "page" || !fullHref ? (
            drawn.panels.map((panel) => (
              <details key={panel.signal}>
                <summary>{t("allValues", { signal: panel.title })}</summary>
                {/* One HTML string per table: hundreds of rows, rendered once (lib/charts/all-values-table-html.ts). */}
                <div
                  className="table-scroll"
                  role="region"
                  aria-label={t("allValues", { signal: panel.title })}
                  tabIndex={0}
                  dangerouslySetInnerHTML={{
                    __html: allValuesTableHtml({
                      panel,
                      caption: t("allValues", { signal: panel.title }),
                      bucketHeading: t("bucketStart"),
                      gap: t("gap"),
                      bucketStart,
                      formatValue: (value) => formatValue(value, locale),
                    }),
                  }}
                />
              </details>
            ))
          ) : (
            <p>
              <a href={fullHref}>{t("allValuesOnPage", { operator: operator.name })}</a>
            </p>
          )}
        </>
      )}
      <h3 id="phases-heading">{t("phasesHeading")}</h3>
      {drawn.phases.length === 0 ? (
        <p className={styles.muted}>{t("noPhases", { operator: operator.name })}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="phases-heading" tabIndex={0}>
          <table className="data-table" data-testid="phase-bands">
            <caption className="visually-hidden">{t("phasesHeading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("bandNumber")}</th>
                <th scope="col">{t("phase")}</th>
                <th scope="col">{t("type")}</th>
                <th scope="col">{t("starts")}</th>
                <th scope="col">{t("ends")}</th>
                <th scope="col">{t("countsAs")}</th>
                <th scope="col">{t("attribution")}</th>
              </tr>
            </thead>
            <tbody>
              {drawn.phases.map((phase, index) => (
                <tr key={`${phase.incidentSlug}-${index}`} data-type={phase.type}>
                  <td>{index + 1}</td>
                  <th scope="row">
                    {phase.label}
                    <p className="cell-note">{phase.incidentTitle}</p>
                  </th>
                  <td>
                    <span className={styles.swatch} aria-hidden="true" />
                    {types(phase.type)}
                  </td>
                  <td>
                    <Instant value={new Date(phase.startsAt)} precision={phase.startPrecision} zone={zone} />
                  </td>
                  <td data-testid="phase-band-end">
                    <EndOf
                      endStatus={phase.endStatus}
                      endsAt={phase.endsAt}
                      endPrecision={phase.endPrecision}
                      lastCheckedOn={phase.lastCheckedOn}
                      lastReportedOn={phase.lastReportedOn}
                      zone={zone}
                      showNotCounted
                    />
                  </td>
                  <td>{phase.countedUntil ? measureNames(phase.measure) : figureText("notCounted")}</td>
                  <td>{attribution(phase.attribution)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3 id="events-heading">{t("eventsHeading")}</h3>
      {drawn.events.length === 0 ? (
        <p className={styles.muted}>{t("noEvents")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="events-heading" tabIndex={0}>
          <table className="data-table" data-testid="event-bands">
            <caption className="visually-hidden">{t("eventsHeading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("eventLabel")}</th>
                <th scope="col">{t("source")}</th>
                <th scope="col">{t("starts")}</th>
                <th scope="col">{t("ends")}</th>
                <th scope="col">{t("networks")}</th>
                <th scope="col">{t("description")}</th>
              </tr>
            </thead>
            <tbody>
              {drawn.events.map((event, index) => (
                <tr key={`${event.source}-${event.startsAt}-${index}`}>
                  <th scope="row">{event.band.label}</th>
                  <td>{event.source === "CLOUDFLARE" ? "Cloudflare Radar" : "IODA"} · {event.kind}</td>
                  <td>{formatInstant(event.startsAt, locale, timeZone)}</td>
                  <td>{event.endsAt ? formatInstant(event.endsAt, locale, timeZone) : t("ongoing")}</td>
                  <td>{event.asns.length > 0 ? event.asns.map((asn) => `AS${asn}`).join(", ") : t("countryWide")}</td>
                  <td>
                    {event.example && <strong>{exampleText("label")}. </strong>}
                    {event.description ?? ""}
                    {event.linkedUrl && /^https?:\/\//i.test(event.linkedUrl) && (
                      <>
                        {" "}
                        <a href={event.linkedUrl} rel="noopener noreferrer">
                          {t("link")}
                        </a>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );

  return (
    <>
      {layout !== "chart" && controls}

      {/* Invented example data says so before the chart, on each panel and in every download (decision 0018). */}
      {chart.example && <ExampleDataNotice />}
      <p>
        {t("period", {
          from: formatInstant(chart.from, locale, timeZone),
          to: formatInstant(chart.to, locale, timeZone),
          bucket: formatDuration(chart.bucketSeconds * 1000, locale),
        })}{" "}
        {chart.normalised ? t("normalisedNote") : t("rawNote")}
      </p>

      {chart.lines.length === 0 && (
        <div className="empty-state" data-testid="measured-empty">
          <p>{t("empty", { operator: operator.name, asns: asnList || "—", from: shortDate(from, locale), to: shortDate(new Date(to.getTime() - 1), locale) })}</p>
          {ingestHint}
        </div>
      )}
      {chart.lines.length > 0 && (
        <>
          {(drawn.missing.length > 0 || drawn.missingForAsns.length > 0 || drawn.unscalable.length > 0) && (
            <div className="notice" role="status" data-testid="measured-missing">
              {drawn.missing.length > 0 && <p>{t("missing", { signals: drawn.missing.map(signalName).join(", "), asns: asnList })}</p>}
              {drawn.missingForAsns.map((entry) => (
                <p key={entry.signal}>
                  {t("missingForAsns", { signal: signalName(entry.signal), asns: entry.asns.map((asn) => `AS${asn}`).join(", ") })}
                </p>
              ))}
              {drawn.unscalable.map((line) => (
                <p key={line.id}>{t("unscalable", { signal: signalName(line.signal), network: line.label })}</p>
              ))}
              {(drawn.missing.length > 0 || drawn.missingForAsns.length > 0) && ingestHint}
            </div>
          )}
          <div id="operator-signals-chart">
          <SignalChart
            panels={drawn.panels}
            from={drawn.from}
            to={drawn.to}
            ticks={timeTicks(from, to, locale).map((tick) => ({ at: tick.at.getTime(), label: tick.label }))}
            phases={drawn.phaseBands}
            events={drawn.events.map((event) => event.band)}
            timeZone={timeZone}
            locale={locale}
            yLabel={chart.normalised ? t("axisNormalised") : t("axisRaw")}
            legend={{ phases: t("legendPhases", { operator: operator.name }), events: t("legendEvents") }}
            cursor={{ label: (title) => t("cursorLabel", { signal: title }), hint: t("cursorHint"), gap: t("gap") }}
            exampleBadge={chart.example ? exampleText("chartBadge") : undefined}
          />
          {downloadTable && (
            <SignalChartDownloads
              chartId="operator-signals-chart"
              name={`operator-signals-${operator.slug}`}
              panels={drawn.panels}
              table={downloadTable}
              exampleCell={chart.example ? exampleText("cell") : undefined}
              text={await getChartDownloadTexts(downloadTable)}
            />
          )}
          </div>
        </>
      )}

      {layout === "page" ? tables : <TableToggle label={embedText("showTable")}>{tables}</TableToggle>}
    </>
  );
}

import { getLocale, getTranslations } from "next-intl/server";
import { operatorSignalsTable } from "@/components/charts/operator-download-tables";
import { SignalChartDownloads } from "@/components/charts/signal-chart-downloads";
import { OperatorSignalChart as SignalChart, type EventBand, type PhaseBand, type SignalPanel } from "@/components/charts/operator-signal-chart";
import type { OperatorSignalChart, SignalLine } from "@/lib/charts/signal-chart";
import { SIGNAL_KEYS, SIGNALS, type SignalKey } from "@/lib/signals/signal-registry";
import type { OperatorOption } from "@/lib/server/operators/list-operators";
import type { OperatorPhase } from "@/lib/server/operators/summarize-operator-disruption";
import { EndOf, Instant } from "@/components/ui/instant";
import { TableToggle } from "@/components/embed/table-toggle";
import { ExampleDataNotice } from "@/components/example-data/example-data-notice";
import { signalChartSources, type DataSource } from "@/lib/credits/data-credits";
import { formatDuration, shortDate, timeTicks, timeZoneOf, type ZoneChoice } from "@/lib/time/format";
import { formatInstant, formatValue } from "./format";
import styles from "./isps.module.css";
import { StaffIngestHint } from "./staff-ingest-hint";
import type { OperatorViewParams } from "./view-params";

/** A signal's name in the reader's language (its message key is in the signal registry). */
const signalMessage = (signal: SignalKey) => SIGNALS[signal].message;

/** "2022-01-01": the calendar date of an instant in a time zone, as the ingest command takes it. */
const calendarDate = (iso: string, timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(iso));

type LineStats = { withData: number; gaps: number; min: { value: number; at: string } | null; max: number | null; median: number | null };

function statsOf(line: SignalLine): LineStats {
  const values = line.points.flatMap((point) => (point.value === null ? [] : [{ value: point.value, at: point.at }]));
  const sorted = values.map((entry) => entry.value).sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return {
    withData: values.length,
    gaps: line.points.length - values.length,
    min: values.reduce<LineStats["min"]>((low, entry) => (low === null || entry.value < low.value ? entry : low), null),
    max: sorted.at(-1) ?? null,
    median: sorted.length === 0 ? null : sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2,
  };
}

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

/** The curated phases a measured chart lists: counted ones overlapping the window, and uncounted ones starting in it. */
function phasesInWindow(phases: OperatorPhase[], from: Date, to: Date): OperatorPhase[] {
  return phases.filter((phase) =>
    phase.countedUntil ? new Date(phase.startsAt) < to && new Date(phase.countedUntil) > from : new Date(phase.startsAt) >= from && new Date(phase.startsAt) < to,
  );
}

/** What the measured chart draws, for its credit line: the feeds of its lines and events, and the tracker when phases are shaded. */
export function operatorSignalsSources(chart: OperatorSignalChart, phases: OperatorPhase[]): DataSource[] {
  const shaded = phasesInWindow(phases, new Date(chart.from), new Date(chart.to)).some((phase) => phase.countedUntil !== null);
  return signalChartSources({ lines: chart.lines, events: chart.events, phasesShaded: chart.lines.length > 0 && shaded });
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
  const lineLabel = (line: SignalLine) => (line.asn === null ? t("allNetworks", { asns: asnList || "—" }) : `AS${line.asn}`);
  const chosen = view.signals.length > 0 ? view.signals : [...SIGNAL_KEYS];

  // Counted phases overlapping the window are shaded to where they are counted; a phase that is not counted
  // (no recorded end, no last report) is listed when it starts in the window, without a band.
  const visiblePhases = phasesInWindow(phases, from, to);
  const phaseBands: PhaseBand[] = visiblePhases.flatMap((phase, index) =>
    phase.countedUntil
      ? [{ number: index + 1, start: Date.parse(phase.startsAt), end: Date.parse(phase.countedUntil), type: phase.type, label: phase.label }]
      : [],
  );
  const eventBands: EventBand[] = chart.events.map((event, index) => ({
    number: index + 1,
    start: Date.parse(event.startsAt),
    end: event.endsAt ? Date.parse(event.endsAt) : null,
    label: `${event.source === "CLOUDFLARE" ? "CF" : "IODA"} ${String.fromCharCode(65 + (index % 26))}`,
  }));

  // Which networks lack a signal that others have (split view), or which signals are absent altogether.
  const missingByAsn = view.split
    ? chosen
        .filter((signal) => !chart.missing.includes(signal))
        .flatMap((signal) => {
          const absent = operator.asns.filter((asn) => !chart.lines.some((line) => line.signal === signal && line.asn === asn));
          return absent.length > 0 ? [{ signal, asns: absent }] : [];
        })
    : [];
  const unscalable = chart.normalised ? chart.lines.filter((line) => line.points.every((point) => point.value === null)) : [];

  const panels: SignalPanel[] = SIGNAL_KEYS.flatMap((signal) => {
    const lines = chart.lines.filter((line) => line.signal === signal);
    if (lines.length === 0) return [];
    return [
      {
        key: signal,
        title: signalNames(signalMessage(signal)),
        lines: lines.map((line) => ({
          key: `${signal}-${line.asn ?? "all"}`,
          label: lineLabel(line),
          points: line.points.map((point) => ({ t: Date.parse(point.at), v: point.value })),
          example: line.example,
        })),
      },
    ];
  });

  // Command lines are for staff, never part of the page a shared cache keeps: an island asks who is looking.
  const ingestHint =
    layout === "page" ? (
      <StaffIngestHint asns={operator.asns} since={calendarDate(chart.from, timeZone)} until={calendarDate(chart.to, timeZone)} />
    ) : null;

  const controls = (
    <form method="get" action={action} className={styles.controls} aria-label={t("controls")}>
      <HiddenQuery query={carriedQuery} />
      <fieldset>
        <legend>{t("signalsLegend")}</legend>
        {SIGNAL_KEYS.map((signal) => (
          <label key={signal}>
            <input type="checkbox" name="signals" value={signal} defaultChecked={chosen.includes(signal)} />
            {signalNames(signalMessage(signal))}
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
            {chart.lines.map((line) => {
              const stats = statsOf(line);
              return (
                <li key={`${line.signal}-${line.asn}`}>
                  {stats.min === null
                    ? t("lineSummaryEmpty", { signal: signalNames(signalMessage(line.signal)), network: lineLabel(line) })
                    : t("lineSummary", {
                        signal: signalNames(signalMessage(line.signal)),
                        network: lineLabel(line),
                        low: formatValue(stats.min.value, locale),
                        lowAt: formatInstant(stats.min.at, locale, timeZone),
                        median: formatValue(stats.median ?? 0, locale),
                        high: formatValue(stats.max ?? 0, locale),
                        gaps: stats.gaps,
                      })}
                </li>
              );
            })}
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
                {chart.lines.map((line) => {
                  const stats = statsOf(line);
                  return (
                    <tr key={`${line.signal}-${line.asn}`}>
                      <th scope="row">{signalNames(signalMessage(line.signal))}</th>
                      <td>
                        {lineLabel(line)}
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
          {panels.map((panel) => (
            <details key={panel.key}>
              <summary>{t("allValues", { signal: panel.title })}</summary>
              <div className="table-scroll" role="region" aria-label={t("allValues", { signal: panel.title })} tabIndex={0}>
                <table className="data-table data-table--numeric">
                  <caption className="visually-hidden">{t("allValues", { signal: panel.title })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("bucketStart")}</th>
                      {panel.lines.map((line) => (
                        <th scope="col" key={line.key}>
                          {line.label}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {(panel.lines[0]?.points ?? []).map((point, index) => (
                      <tr key={point.t}>
                        <th scope="row">{formatInstant(new Date(point.t).toISOString(), locale, timeZone)}</th>
                        {panel.lines.map((line) => {
                          const value = line.points[index]?.v ?? null;
                          return <td key={line.key}>{value === null ? t("gap") : formatValue(value, locale)}</td>;
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          ))}
        </>
      )}
      <h3 id="phases-heading">{t("phasesHeading")}</h3>
      {visiblePhases.length === 0 ? (
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
              {visiblePhases.map((phase, index) => (
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
      {chart.events.length === 0 ? (
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
              {chart.events.map((event, index) => (
                <tr key={`${event.source}-${event.startsAt}-${index}`}>
                  <th scope="row">{eventBands[index]!.label}</th>
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
          {(chart.missing.length > 0 || missingByAsn.length > 0 || unscalable.length > 0) && (
            <div className="notice" role="status" data-testid="measured-missing">
              {chart.missing.length > 0 && (
                <p>{t("missing", { signals: chart.missing.map((signal) => signalNames(signalMessage(signal))).join(", "), asns: asnList })}</p>
              )}
              {missingByAsn.map((entry) => (
                <p key={entry.signal}>
                  {t("missingForAsns", { signal: signalNames(signalMessage(entry.signal)), asns: entry.asns.map((asn) => `AS${asn}`).join(", ") })}
                </p>
              ))}
              {unscalable.map((line) => (
                <p key={`${line.signal}-${line.asn}`}>{t("unscalable", { signal: signalNames(signalMessage(line.signal)), network: lineLabel(line) })}</p>
              ))}
              {(chart.missing.length > 0 || missingByAsn.length > 0) && ingestHint}
            </div>
          )}
          <div id="operator-signals-chart">
          <SignalChart
            panels={panels}
            from={from.getTime()}
            to={to.getTime()}
            ticks={timeTicks(from, to, locale).map((tick) => ({ at: tick.at.getTime(), label: tick.label }))}
            phases={phaseBands}
            events={eventBands}
            timeZone={timeZone}
            locale={locale}
            yLabel={chart.normalised ? t("axisNormalised") : t("axisRaw")}
            legend={{ phases: t("legendPhases", { operator: operator.name }), events: t("legendEvents") }}
            exampleBadge={chart.example ? exampleText("chartBadge") : undefined}
          />
          {downloads && (
            <SignalChartDownloads
              chartId="operator-signals-chart"
              name={`operator-signals-${operator.slug}`}
              panels={panels}
              table={await operatorSignalsTable(chart, zone, operator.name, operatorSignalsSources(chart, phases))}
              exampleCell={chart.example ? exampleText("cell") : undefined}
            />
          )}
          </div>
        </>
      )}

      {layout === "page" ? tables : <TableToggle label={embedText("showTable")}>{tables}</TableToggle>}
    </>
  );
}

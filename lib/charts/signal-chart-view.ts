import { signalChartSources, type DataSource } from "@/lib/credits/data-credits";
import type { DisruptionType } from "@/lib/generated/prisma/enums";
import { SIGNAL_KEYS, type SignalKey } from "@/lib/signals/signal-registry";
import { lineStats, type LineStats } from "./line-stats";
import type { ChartCell } from "./export/table";
import type { ChartPoint, OperatorSignalChart, SignalEvent, SignalLine } from "./signal-chart";

/**
 * The measured-signal chart's view-model (decision 0022): what the operator
 * page, its embeds and its downloads draw, derived in one pure step from what
 * the server sent (OperatorSignalChart). The points stay the server's
 * (`ChartPoint`: bucket start and value, gaps null) from the query to the
 * chart and into the files; a line carries its signal and network, so nothing
 * downstream parses them back out of a label or a key. Framework-free: the
 * React components render it, and a chart drawn on the server can too.
 */

/** What the view says in the reader's language, translated by the caller. */
export type SignalChartText = {
  /** A signal's name: a panel's title and the downloads' `signal_name`. */
  signalName: (signal: SignalKey) => string;
  /** The label of a line that combines all of the operator's networks, e.g. "All networks (AS9198, AS29355)". */
  allNetworks: string;
};

export type SignalLineView = {
  /** Unique in the chart and stable across renders: "ioda.bgp all", "ioda.bgp AS9198". */
  id: string;
  signal: SignalKey;
  /** The network, or null when the line combines all of the operator's networks. */
  asn: number | null;
  /** The downloads' `network` cell: "all" or "AS9198". */
  network: string;
  /** The legend's and the tables' name of the line. */
  label: string;
  points: ChartPoint[];
  /** The line rests on invented example data (decision 0018). */
  example: boolean;
  stats: LineStats;
};

/** One small chart per signal, in registry order, holding its lines. */
export type SignalPanelView = { signal: SignalKey; title: string; lines: SignalLineView[] };

/** A curated phase drawn as a shaded band, numbered as in the phase table. Times in ms since the epoch. */
export type PhaseBand = { number: number; start: number; end: number; type: DisruptionType; label: string };

/** An outage event framed on the chart, lettered as in the event table. `end` null: ongoing or a start only. */
export type EventBand = { number: number; start: number; end: number | null; label: string };

/** What the view needs of a curated phase (the operator summary's phases carry more). */
export type ChartPhase = { startsAt: string; countedUntil: string | null; type: DisruptionType; label: string };

export type SignalChartView<Phase extends ChartPhase = ChartPhase> = {
  /** The chart's period, ms since the epoch: [from, to). */
  from: number;
  to: number;
  /** In registry order; signals without a line have no panel. */
  panels: SignalPanelView[];
  /** Every line, in the server's order (registry order, then network). */
  lines: SignalLineView[];
  /** The phases listed with the chart: counted ones overlapping the period, uncounted ones starting in it. */
  phases: Phase[];
  /** The bands of the counted phases among them. */
  phaseBands: PhaseBand[];
  events: (SignalEvent & { band: EventBand })[];
  /** Asked-for signals without data for any network. */
  missing: SignalKey[];
  /** Split by network: the networks that lack a signal others have. */
  missingForAsns: { signal: SignalKey; asns: number[] }[];
  /** Normalised: lines whose median is not positive, so that they cannot be scaled. */
  unscalable: SignalLineView[];
  /** Whom the chart credits: its lines' and events' feeds, and the tracker when phases are shaded (decision 0017). */
  sources: DataSource[];
};

export type SignalChartViewRequest<Phase extends ChartPhase> = {
  /** The operator's networks. */
  asns: readonly number[];
  /** The signals asked for; empty: every signal. */
  signals: readonly SignalKey[];
  /** One line per network. */
  split: boolean;
  /** The operator's curated phases (any period: the view keeps those of the chart's). */
  phases: readonly Phase[];
  text: SignalChartText;
};

/** The curated phases a measured chart lists: counted ones overlapping the period, and uncounted ones starting in it. */
export function phasesInPeriod<Phase extends ChartPhase>(phases: readonly Phase[], from: Date, to: Date): Phase[] {
  return phases.filter((phase) =>
    phase.countedUntil ? new Date(phase.startsAt) < to && new Date(phase.countedUntil) > from : new Date(phase.startsAt) >= from && new Date(phase.startsAt) < to,
  );
}

/** Whom a measured chart credits: the feeds of its lines and events, and the tracker when curated phases are shaded on it. */
export function signalChartCredits(chart: Pick<OperatorSignalChart, "from" | "to" | "lines" | "events">, phases: readonly ChartPhase[]): DataSource[] {
  const shaded = phasesInPeriod(phases, new Date(chart.from), new Date(chart.to)).some((phase) => phase.countedUntil !== null);
  return signalChartSources({ lines: chart.lines, events: chart.events, phasesShaded: chart.lines.length > 0 && shaded });
}

/** "CF A", "IODA B": an event's label on the chart and in its table. */
function eventLabel(event: SignalEvent, index: number): string {
  return `${event.source === "CLOUDFLARE" ? "CF" : "IODA"} ${String.fromCharCode(65 + (index % 26))}`;
}

function lineView(line: SignalLine, text: SignalChartText): SignalLineView {
  const network = line.asn === null ? "all" : `AS${line.asn}`;
  return {
    id: `${line.signal} ${network}`,
    signal: line.signal,
    asn: line.asn,
    network,
    label: line.asn === null ? text.allNetworks : network,
    points: line.points,
    example: line.example,
    stats: lineStats(line.points),
  };
}

/** The measured chart's view-model: see the top of this file. */
export function signalChartView<Phase extends ChartPhase>(chart: OperatorSignalChart, request: SignalChartViewRequest<Phase>): SignalChartView<Phase> {
  const from = new Date(chart.from);
  const to = new Date(chart.to);
  const lines = chart.lines.map((line) => lineView(line, request.text));
  const chosen = request.signals.length > 0 ? request.signals : SIGNAL_KEYS;

  const phases = phasesInPeriod(request.phases, from, to);
  // Numbered as listed; only counted phases have a band (an uncounted one is listed, not drawn).
  const phaseBands = phases.flatMap((phase, index) =>
    phase.countedUntil ? [{ number: index + 1, start: Date.parse(phase.startsAt), end: Date.parse(phase.countedUntil), type: phase.type, label: phase.label }] : [],
  );
  const events = chart.events.map((event, index) => ({
    ...event,
    band: { number: index + 1, start: Date.parse(event.startsAt), end: event.endsAt ? Date.parse(event.endsAt) : null, label: eventLabel(event, index) },
  }));

  const missingForAsns = request.split
    ? chosen
        .filter((signal) => !chart.missing.includes(signal))
        .flatMap((signal) => {
          const absent = request.asns.filter((asn) => !lines.some((line) => line.signal === signal && line.asn === asn));
          return absent.length > 0 ? [{ signal, asns: absent }] : [];
        })
    : [];

  return {
    from: from.getTime(),
    to: to.getTime(),
    panels: SIGNAL_KEYS.flatMap((signal) => {
      const ofSignal = lines.filter((line) => line.signal === signal);
      return ofSignal.length > 0 ? [{ signal, title: request.text.signalName(signal), lines: ofSignal }] : [];
    }),
    lines,
    phases,
    phaseBands,
    events,
    missing: chart.missing,
    missingForAsns,
    unscalable: chart.normalised ? lines.filter((line) => line.points.every((point) => point.value === null)) : [],
    sources: signalChartCredits(chart, request.phases),
  };
}

/** The columns of the measured chart's downloads, in order (with `notice` first when the chart draws example data). */
export const SIGNAL_DOWNLOAD_COLUMNS = ["signal", "signal_name", "network", "bucket_start", "value"] as const;
export type SignalDownloadColumn = (typeof SIGNAL_DOWNLOAD_COLUMNS)[number];
export type SignalDownloadRow = Record<SignalDownloadColumn, ChartCell> & { notice?: string };

/**
 * The downloads' rows: one per line and bucket, exactly the points drawn
 * (gaps as null), in the panels' order. `exampleCell` ("example data —
 * invented") fills a `notice` column on rows of invented lines, and is given
 * only when the table has that column.
 */
export function signalDownloadRows(panels: readonly SignalPanelView[], exampleCell?: string): SignalDownloadRow[] {
  return panels.flatMap((panel) =>
    panel.lines.flatMap((line) =>
      line.points.map((point) => ({
        ...(exampleCell ? { notice: line.example ? exampleCell : "" } : {}),
        signal: line.signal,
        signal_name: panel.title,
        network: line.network,
        bucket_start: point.at,
        value: point.value,
      })),
    ),
  );
}

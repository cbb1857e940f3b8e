import { describe, expect, it } from "vitest";
import type { SignalKey } from "@/lib/signals/signal-registry";
import type { OperatorSignalChart, SignalEvent, SignalLine } from "./signal-chart";
import { phasesInPeriod, SIGNAL_DOWNLOAD_COLUMNS, signalChartView, signalDownloadRows, type ChartPhase, type SignalChartText } from "./signal-chart-view";

const HOUR = 3_600_000;
const FROM = "2022-01-05T00:00:00.000Z";
const TO = "2022-01-05T04:00:00.000Z";
const at = (hours: number) => new Date(Date.parse(FROM) + hours * HOUR).toISOString();

/** A line over the chart's four hourly buckets. */
const line = (signal: SignalKey, asn: number | null, values: (number | null)[], extra: Partial<SignalLine> = {}): SignalLine => ({
  signal,
  asn,
  unit: null,
  points: values.map((value, index) => ({ at: at(index), value })),
  example: false,
  ...extra,
});

const event = (source: SignalEvent["source"], startHour: number, endHour: number | null): SignalEvent => ({
  source,
  kind: source === "CLOUDFLARE" ? "CLOUDFLARE_OUTAGE" : "IODA_EVENT",
  startsAt: at(startHour),
  endsAt: endHour === null ? null : at(endHour),
  asns: [9198],
  description: null,
  linkedUrl: null,
  example: false,
});

const chartOf = (lines: SignalLine[], extra: Partial<OperatorSignalChart> = {}): OperatorSignalChart => ({
  from: FROM,
  to: TO,
  bucketSeconds: 3600,
  normalised: false,
  lines,
  events: [],
  missing: [],
  example: false,
  ...extra,
});

const text: SignalChartText = { signalName: (signal) => `name of ${signal}`, allNetworks: "All networks (AS9198, AS29355)" };
const request = { asns: [9198, 29355], signals: [] as SignalKey[], split: false, phases: [] as ChartPhase[], text };

describe("the measured chart's view-model", () => {
  it("keeps the server's points, and gives each line its signal, network and label, and each signal a panel in registry order", () => {
    const ooni = line("ooni.anomaly_rate", null, [0.1, 0.2, null, 0.1]);
    const bgp = line("ioda.bgp", null, [10, 12, 11, 9]);
    const view = signalChartView(chartOf([bgp, ooni]), request);
    expect(view.from).toBe(Date.parse(FROM));
    expect(view.to).toBe(Date.parse(TO));
    expect(view.panels.map((panel) => [panel.signal, panel.title])).toEqual([
      ["ioda.bgp", "name of ioda.bgp"],
      ["ooni.anomaly_rate", "name of ooni.anomaly_rate"],
    ]);
    const [bgpLine] = view.panels[0]!.lines;
    expect(bgpLine).toMatchObject({ id: "ioda.bgp all", signal: "ioda.bgp", asn: null, network: "all", label: "All networks (AS9198, AS29355)", example: false });
    // One point shape from the query to the chart and the files: the very points the server sent.
    expect(bgpLine!.points).toBe(bgp.points);
    expect(view.lines.map((entry) => entry.id)).toEqual(["ioda.bgp all", "ooni.anomaly_rate all"]);
  });

  it("names each network of a split chart, and says which networks lack a signal that others have", () => {
    const chart = chartOf(
      [line("ioda.bgp", 9198, [1, 2, 3, 4]), line("ioda.bgp", 29355, [5, 6, 7, 8]), line("ioda.ping-slash24", 9198, [1, 1, 1, 1])],
      { missing: ["ioda.merit-nt", "ioda.gtr", "ooni.anomaly_rate"] },
    );
    const view = signalChartView(chart, { ...request, split: true });
    expect(view.panels[0]!.lines.map((entry) => [entry.id, entry.network, entry.label])).toEqual([
      ["ioda.bgp AS9198", "AS9198", "AS9198"],
      ["ioda.bgp AS29355", "AS29355", "AS29355"],
    ]);
    // Signals with no data at all are "missing", not missing for some networks.
    expect(view.missingForAsns).toEqual([{ signal: "ioda.ping-slash24", asns: [29355] }]);
    expect(view.missing).toEqual(["ioda.merit-nt", "ioda.gtr", "ooni.anomaly_rate"]);
    // Only the signals asked for are looked at; combined charts name no networks.
    expect(signalChartView(chart, { ...request, split: true, signals: ["ioda.bgp"] }).missingForAsns).toEqual([]);
    expect(signalChartView(chart, request).missingForAsns).toEqual([]);
  });

  it("lists the lines a normalised chart could not scale (a median that is not positive)", () => {
    const flat = line("ooni.anomaly_rate", null, [null, null, null, null], { median: null });
    const scaled = line("ioda.bgp", null, [1, 0.5, 1, 1.2], { median: 100 });
    expect(signalChartView(chartOf([scaled, flat], { normalised: true }), request).unscalable.map((entry) => entry.id)).toEqual(["ooni.anomaly_rate all"]);
    // Not normalised: an empty line is a gap, not an unscalable line.
    expect(signalChartView(chartOf([scaled, flat]), request).unscalable).toEqual([]);
  });

  it("sums up each line: the lowest value and when, the median, the highest, buckets with data and gaps", () => {
    const view = signalChartView(chartOf([line("ioda.bgp", null, [7, 3, null, 3]), line("ioda.gtr", null, [null, null, null, null])]), request);
    expect(view.lines[0]!.stats).toEqual({ withData: 3, gaps: 1, min: { value: 3, at: at(1) }, max: 7, median: 3 });
    expect(view.lines[1]!.stats).toEqual({ withData: 0, gaps: 4, min: null, max: null, median: null });
  });

  it("lists the phases of the period and shades the counted ones, numbered as listed", () => {
    const phase = (label: string, startHour: number, countedUntilHour: number | null): ChartPhase => ({
      label,
      type: "FULL_BLACKOUT",
      startsAt: at(startHour),
      countedUntil: countedUntilHour === null ? null : at(countedUntilHour),
    });
    const phases = [
      phase("before, overlapping", -2, 1),
      phase("after", 5, 6),
      phase("uncounted, starting inside", 2, null),
      phase("uncounted, starting before", -1, null),
      phase("inside", 3, 3.5),
    ];
    const view = signalChartView(chartOf([line("ioda.bgp", null, [1, 2, 3, 4])]), { ...request, phases });
    expect(view.phases.map((entry) => entry.label)).toEqual(["before, overlapping", "uncounted, starting inside", "inside"]);
    expect(view.phaseBands).toEqual([
      { number: 1, start: Date.parse(at(-2)), end: Date.parse(at(1)), type: "FULL_BLACKOUT", label: "before, overlapping" },
      { number: 3, start: Date.parse(at(3)), end: Date.parse(at(3.5)), type: "FULL_BLACKOUT", label: "inside" },
    ]);
    expect(phasesInPeriod(phases, new Date(FROM), new Date(TO))).toEqual(view.phases);
  });

  it("letters the events as on the chart and in their table, and leaves an ongoing one open", () => {
    const events = [event("CLOUDFLARE", 0, 1), event("IODA", 2, null), ...Array.from({ length: 25 }, (_, index) => event("IODA", 3, 3 + index / 100))];
    const view = signalChartView(chartOf([], { events }), request);
    expect(view.events[0]!.band).toEqual({ number: 1, start: Date.parse(at(0)), end: Date.parse(at(1)), label: "CF A" });
    expect(view.events[1]!.band).toEqual({ number: 2, start: Date.parse(at(2)), end: null, label: "IODA B" });
    // The letters start again after Z.
    expect(view.events[26]!.band.label).toBe("IODA A");
    expect(view.events[1]).toMatchObject({ source: "IODA", kind: "IODA_EVENT", endsAt: null });
  });

  it("credits the feeds it draws, and the tracker only when a counted phase is shaded on lines", () => {
    const counted: ChartPhase = { label: "cut", type: "FULL_BLACKOUT", startsAt: at(1), countedUntil: at(2) };
    const lines = [line("ioda.bgp", null, [1, 2, 3, 4]), line("ooni.anomaly_rate", null, [null, null, null, null])];
    expect(signalChartView(chartOf(lines, { events: [event("CLOUDFLARE", 0, 1)] }), { ...request, phases: [counted] }).sources).toEqual([
      "TRACKER",
      "IODA",
      "CLOUDFLARE",
    ]);
    // No line: phases are listed but not drawn on anything, so the tracker is not credited for them.
    expect(signalChartView(chartOf([]), { ...request, phases: [counted] }).sources).toEqual([]);
  });
});

describe("the measured chart's downloads", () => {
  const chart = chartOf([
    line("ioda.bgp", 9198, [1, null, 3, 4]),
    line("ioda.bgp", 29355, [5, 6, 7, 8], { example: true }),
    line("ooni.anomaly_rate", 9198, [0.5, 0, 0, null]),
  ]);
  const view = signalChartView(chart, { ...request, split: true });

  it("hold one row per line and bucket, exactly the points drawn, gaps empty, with the columns the table describes", () => {
    const rows = signalDownloadRows(view.panels);
    expect(rows).toHaveLength(12);
    for (const row of rows) expect(Object.keys(row)).toEqual([...SIGNAL_DOWNLOAD_COLUMNS]);
    expect(rows[0]).toEqual({ signal: "ioda.bgp", signal_name: "name of ioda.bgp", network: "AS9198", bucket_start: FROM, value: 1 });
    expect(rows[1]).toMatchObject({ network: "AS9198", bucket_start: at(1), value: null });
    expect(rows[4]).toMatchObject({ network: "AS29355", value: 5 });
    expect(rows[11]).toEqual({ signal: "ooni.anomaly_rate", signal_name: "name of ooni.anomaly_rate", network: "AS9198", bucket_start: at(3), value: null });
    // Every value comes from the server's points, in their order.
    expect(rows.map((row) => row.value)).toEqual(chart.lines.flatMap((entry) => entry.points.map((point) => point.value)));
  });

  it("say which rows are invented example data when the table has that column", () => {
    const rows = signalDownloadRows(view.panels, "example data — invented");
    expect(Object.keys(rows[0]!)).toEqual(["notice", ...SIGNAL_DOWNLOAD_COLUMNS]);
    expect(rows.map((row) => row.notice)).toEqual([...Array(4).fill(""), ...Array(4).fill("example data — invented"), ...Array(4).fill("")]);
  });

  it("name the combined line's network 'all'", () => {
    const combined = signalChartView(chartOf([line("ioda.bgp", null, [1, 2, 3, 4])]), request);
    expect(signalDownloadRows(combined.panels).map((row) => row.network)).toEqual(["all", "all", "all", "all"]);
  });
});

import { describe, expect, it } from "vitest";
import type { ChartPoint } from "./signal-chart";
import { markedPoints, MARK_EVERY_POINT_UP_TO, SIGNAL_PANEL_BOX, signalPanelLayout, valueDomain, type PanelLayoutRequest } from "./signal-chart-layout";

const HOUR = 3_600_000;
const FROM = Date.parse("2022-01-05T00:00:00.000Z");
const at = (hours: number) => new Date(FROM + hours * HOUR).toISOString();
const points = (values: (number | null)[]): ChartPoint[] => values.map((value, index) => ({ at: at(index), value }));

/** A request over ten hourly buckets, [FROM, FROM + 10 h). */
const request = (extra: Partial<PanelLayoutRequest> = {}): PanelLayoutRequest => ({
  lines: [{ id: "ioda.bgp all", points: points([10, 12, null, 8, 9, 11, null, null, 5, 10]) }],
  from: FROM,
  to: FROM + 10 * HOUR,
  ticks: [],
  phases: [],
  events: [],
  formatValue: (value) => `v${value}`,
  ...extra,
});

const { left, right, top, bottom } = { left: SIGNAL_PANEL_BOX.margin.left, right: SIGNAL_PANEL_BOX.width - SIGNAL_PANEL_BOX.margin.right, top: SIGNAL_PANEL_BOX.margin.top, bottom: SIGNAL_PANEL_BOX.height - SIGNAL_PANEL_BOX.margin.bottom };
const xAt = (hours: number) => left + ((right - left) * hours) / 10;

/** The (x, y) vertices of an SVG path made of M and L commands, one list per stroke. */
function strokes(d: string): [number, number][][] {
  return d
    .split("M")
    .filter(Boolean)
    .map((run) => run.split("L").map((pair) => pair.split(",").map(Number) as [number, number]));
}

describe("the measured chart's panel layout", () => {
  it("draws each run of values as its own stroke, never joined across a gap, at the buckets' times", () => {
    const layout = signalPanelLayout(request());
    const [line] = layout.lines;
    const runs = strokes(line!.d);
    expect(runs.map((run) => run.length)).toEqual([2, 3, 2]);
    expect(runs.flat().map(([x]) => x)).toEqual([0, 1, 3, 4, 5, 8, 9].map((hour) => Math.round(xAt(hour) * 10) / 10));
  });

  it("puts zero at the bottom of the plot and the highest tick at its top; the drawn heights give back the values", () => {
    const layout = signalPanelLayout(request());
    expect(layout.yDomain).toEqual([0, 12]);
    expect(layout.yTicks.at(0)).toMatchObject({ value: 0, y: bottom, label: "v0" });
    expect(layout.yTicks.at(-1)).toMatchObject({ value: 12, y: top, label: "v12" });
    const value = (y: number) => ((bottom - y) / (bottom - top)) * 12;
    const drawn = strokes(layout.lines[0]!.d)
      .flat()
      .map(([, y]) => Math.round(value(y) * 10) / 10);
    expect(drawn).toEqual([10, 12, 8, 9, 11, 5, 10]);
  });

  it("widens the value axis to round ticks and keeps a line of zeros or of negatives on it", () => {
    expect(valueDomain([{ id: "a", points: points([3, 97.5, null]) }])).toEqual([0, 100]);
    expect(valueDomain([{ id: "a", points: points([0, 0]) }])).toEqual([0, 1]);
    expect(valueDomain([{ id: "a", points: points([null, null]) }])).toEqual([0, 1]);
    expect(valueDomain([{ id: "a", points: points([-3, 4]) }])).toEqual([-3, 4]);
    expect(valueDomain([{ id: "a", points: points([-0.3, 1.7]) }])).toEqual([-0.5, 2]);
  });

  it("marks every value of a short line, and only the lone values of a long one", () => {
    expect(markedPoints(points([1, null, 2, 3]))).toEqual([0, 2, 3]);
    const long = points(Array.from({ length: MARK_EVERY_POINT_UP_TO + 5 }, (_, index) => (index === 10 ? 7 : index === 9 || index === 11 ? null : 1)));
    expect(markedPoints(long)).toEqual([10]);
    const layout = signalPanelLayout(request({ lines: [{ id: "x", points: long }], to: FROM + long.length * HOUR }));
    expect(layout.lines[0]!.markers).toHaveLength(1);
    expect(layout.lines[0]!.markers[0]).toMatchObject({ index: 10 });
  });

  it("clips curated phases to the period and leaves out those outside it", () => {
    const layout = signalPanelLayout(
      request({
        phases: [
          { number: 1, start: FROM - 5 * HOUR, end: FROM + 2 * HOUR, type: "FULL_BLACKOUT", label: "before and into" },
          { number: 2, start: FROM + 4 * HOUR, end: FROM + 20 * HOUR, type: "THROTTLING", label: "into and after" },
          { number: 3, start: FROM + 30 * HOUR, end: FROM + 31 * HOUR, type: "THROTTLING", label: "after" },
        ],
      }),
    );
    expect(layout.phases.map((phase) => [phase.number, phase.x, phase.width])).toEqual([
      [1, xAt(0), Math.round((xAt(2) - xAt(0)) * 10) / 10],
      [2, xAt(4), Math.round((xAt(10) - xAt(4)) * 10) / 10],
    ]);
  });

  it("frames outage events with a length, and draws a line for one with only a start", () => {
    const layout = signalPanelLayout(
      request({
        events: [
          { number: 1, start: FROM + 2 * HOUR, end: FROM + 5 * HOUR, label: "CF A" },
          { number: 2, start: FROM + 6 * HOUR, end: null, label: "IODA B" },
          { number: 3, start: FROM + 12 * HOUR, end: FROM + 14 * HOUR, label: "IODA C" },
        ],
      }),
    );
    expect(layout.events).toEqual([
      { number: 1, label: "CF A", x: xAt(2), width: Math.round((xAt(5) - xAt(2)) * 10) / 10 },
      { number: 2, label: "IODA B", x: xAt(6), width: null },
    ]);
  });

  it("labels the time axis where the ticks fall inside the period", () => {
    const layout = signalPanelLayout(
      request({
        ticks: [
          { at: FROM, label: "5 Jan" },
          { at: FROM + 5 * HOUR, label: "05:00" },
          { at: FROM + 11 * HOUR, label: "outside" },
        ],
      }),
    );
    expect(layout.xTicks).toEqual([
      { x: xAt(0), label: "5 Jan" },
      { x: xAt(5), label: "05:00" },
    ]);
  });
});

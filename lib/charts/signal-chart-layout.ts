import { scaleLinear } from "d3-scale";
import { line as linePath } from "d3-shape";
import type { ChartPoint } from "./signal-chart";
import type { EventBand, PhaseBand } from "./signal-chart-view";

/**
 * Where the measured chart's marks go, pure: one panel of the view-model
 * (lib/charts/signal-chart-view.ts) laid out in the panel's own coordinates
 * (its SVG `viewBox`, scaled by the browser to the page's width), so that the
 * server draws it as SVG (components/charts/operator-signal-chart.tsx) and
 * nothing is measured in the browser. Times in ms since the epoch.
 */

/** The panel's coordinate box and the space around the plot for the axes' labels. */
export const SIGNAL_PANEL_BOX = { width: 560, height: 240, margin: { top: 30, right: 14, bottom: 24, left: 52 } } as const;

/** A line with at most this many buckets has a marker on every value (it is short enough to read them). */
export const MARK_EVERY_POINT_UP_TO = 60;

export type PanelLayoutRequest = {
  lines: readonly { id: string; points: readonly ChartPoint[] }[];
  /** The chart's period: the x axis runs from `from` to `to`. */
  from: number;
  to: number;
  /** Where the time axis is labelled, and how (lib/time/format.ts `timeTicks`). */
  ticks: readonly { at: number; label: string }[];
  phases: readonly PhaseBand[];
  events: readonly EventBand[];
  /** How a value reads on the y axis, in the reader's language. */
  formatValue: (value: number) => string;
};

export type PlotBox = { left: number; right: number; top: number; bottom: number };

export type LineLayout = {
  id: string;
  /** The SVG path: one stroke per run of buckets with values, broken at every gap. */
  d: string;
  /** Markers: on every value of a short line, else on values with no neighbour (a lone value draws no stroke). */
  markers: { index: number; x: number; y: number }[];
};

export type PanelLayout = {
  width: number;
  height: number;
  plot: PlotBox;
  /** The x scale's domain: the chart's period. */
  period: [number, number];
  /** The y scale's domain, bottom to top (the cursor island maps values with it). */
  yDomain: [number, number];
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; value: number; label: string }[];
  lines: LineLayout[];
  /** Curated phases inside the period, clipped to it; a phase wholly outside has none. */
  phases: { number: number; type: PhaseBand["type"]; label: string; x: number; width: number }[];
  /** Outage events clipped to the period: a frame, or a line (`width` null) when only a start is known or it has no length. */
  events: { number: number; label: string; x: number; width: number | null }[];
};

/** Coordinates to a tenth of a unit: enough on any screen, and a short path. */
const tenth = (value: number) => Math.round(value * 10) / 10;

/** The indices of the points that get a marker: all of them on a short line, else those with no neighbour. */
export function markedPoints(points: readonly ChartPoint[]): number[] {
  return points.flatMap((point, index) => {
    if (point.value === null) return [];
    const lone = (points[index - 1]?.value ?? null) === null && (points[index + 1]?.value ?? null) === null;
    return points.length <= MARK_EVERY_POINT_UP_TO || lone ? [index] : [];
  });
}

/** The y domain: from zero (or the lowest value, when below it) to the highest, widened to round ticks. */
export function valueDomain(lines: PanelLayoutRequest["lines"]): [number, number] {
  const values = lines.flatMap((line) => line.points.flatMap((point) => (point.value === null ? [] : [point.value])));
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const [niceLow, niceHigh] = scaleLinear()
    .domain([low, high > low ? high : low + 1])
    .nice(5)
    .domain();
  return [niceLow!, niceHigh!];
}

/** One panel of the measured chart, laid out: see the top of this file. */
export function signalPanelLayout(request: PanelLayoutRequest): PanelLayout {
  const { width, height, margin } = SIGNAL_PANEL_BOX;
  const plot: PlotBox = { left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom };
  const x = scaleLinear().domain([request.from, request.to]).range([plot.left, plot.right]);
  const yDomain = valueDomain(request.lines);
  const y = scaleLinear().domain(yDomain).range([plot.bottom, plot.top]);
  const xOf = (point: ChartPoint) => tenth(x(Date.parse(point.at)));
  const yOf = (point: ChartPoint) => tenth(y(point.value ?? 0));
  const path = linePath<ChartPoint>()
    .defined((point) => point.value !== null)
    .x(xOf)
    .y(yOf);
  const clip = (start: number, end: number | null) => [Math.max(start, request.from), Math.min(end ?? request.to, request.to)] as const;

  return {
    width,
    height,
    plot,
    period: [request.from, request.to],
    yDomain,
    xTicks: request.ticks.filter((tick) => tick.at >= request.from && tick.at <= request.to).map((tick) => ({ x: tenth(x(tick.at)), label: tick.label })),
    yTicks: y.ticks(5).map((value) => ({ y: tenth(y(value)), value, label: request.formatValue(value) })),
    lines: request.lines.map((line) => ({
      id: line.id,
      d: path(line.points as ChartPoint[]) ?? "",
      markers: markedPoints(line.points).map((index) => ({ index, x: xOf(line.points[index]!), y: yOf(line.points[index]!) })),
    })),
    phases: request.phases.flatMap((phase) => {
      const [start, end] = clip(phase.start, phase.end);
      if (end <= start) return [];
      return [{ number: phase.number, type: phase.type, label: phase.label, x: tenth(x(start)), width: tenth(x(end) - x(start)) }];
    }),
    events: request.events.flatMap((event) => {
      const [start, end] = clip(event.start, event.end);
      if (end < start) return [];
      const line = event.end === null || end === start;
      return [{ number: event.number, label: event.label, x: tenth(x(start)), width: line ? null : tenth(x(end) - x(start)) }];
    }),
  };
}

import { scaleBand, scaleLinear } from "d3-scale";
import { estimateTextWidth } from "./export/fit-text";

/**
 * Where the bars of a bar chart go, worked out on the server (decision 0024).
 * The chart's <svg> is as wide as its frame and as tall as its CSS says;
 * nothing is measured in the browser. So that text keeps its size at every
 * width (a phone's 300 px as a desk's 1,100), the marks are not scaled through
 * a viewBox: they are placed in percent of the drawing (x across its width, y
 * down its height), which SVG resolves against the <svg> the browser laid out.
 * Text is set in pixels; the x-axis labels a narrow frame cannot fit are
 * thinned by CSS container queries (`hideBelowRem`). Pure: no React, no DOM.
 */

/** The next round number at or above `value` (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ), so axes end on a labelled tick. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((factor) => factor * power >= value * (1 - 1e-12)) ?? 10;
  return roundFloat(step * power);
}

/** Tick steps by preference: 1, 2 and 5 × 10ⁿ read best; 2.5 and 3 × 10ⁿ are accepted. */
const STEP_MANTISSAS = [1, 2, 5, 2.5, 3];

/** Percent with three decimals: enough for a 4,000-pixel drawing, short in the HTML. */
const percent = (value: number) => Math.round(value * 1000) / 1000;

/** Rounds away binary noise (0.30000000000000004 → 0.3). */
function roundFloat(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * The ticks of an axis from 0 to `top`, `top` included (the axis ends on a
 * label): two to six equal intervals of a round step, five preferred. With
 * `integers` (counts) every step is a whole number.
 */
export function axisTicks(top: number, { integers = false }: { integers?: boolean } = {}): number[] {
  if (!(top > 0)) return [0];
  let best: { intervals: number; score: number } | null = null;
  for (let intervals = 2; intervals <= 6; intervals += 1) {
    const step = roundFloat(top / intervals);
    if (integers && !Number.isInteger(step)) continue;
    const mantissa = step / 10 ** Math.floor(Math.log10(step));
    const rank = STEP_MANTISSAS.findIndex((nice) => Math.abs(nice - mantissa) < 1e-9);
    if (rank < 0) continue;
    const score = rank * 10 + Math.abs(intervals - 5);
    if (!best || score < best.score) best = { intervals, score };
  }
  // A count axis of 1 (or a top no round step divides): its ends alone.
  const intervals = best?.intervals ?? (integers && top <= 6 && Number.isInteger(top) ? top : 1);
  return Array.from({ length: intervals + 1 }, (_, index) => roundFloat((top * index) / intervals));
}

/** The narrowest a chart is drawn (a phone's card); the gutter for the y-axis labels is sized for it. */
export const NARROWEST_CHART_PX = 300;
/** Font size of the axes' text, in CSS pixels. */
export const AXIS_FONT_PX = 12;

/** The share of the width (percent) the y-axis labels need at the narrowest width: the longest label and a gap. */
export function gutterPercent(tickLabels: string[]): number {
  const widest = Math.max(0, ...tickLabels.map((label) => estimateTextWidth(label, AXIS_FONT_PX)));
  return percent(Math.min(20, Math.max(4, ((widest + 8) / NARROWEST_CHART_PX) * 100)));
}

/** Frame widths (rem) below which an x-axis label may be hidden; the CSS has one container query per value. */
export const THINNING_BREAKPOINTS_REM = [15, 20, 25, 30, 35, 40, 45, 50, 60, 70, 80] as const;
export type ThinningBreakpoint = (typeof THINNING_BREAKPOINTS_REM)[number];

/**
 * Below which frame width (rem) the x-axis label of category `index` of
 * `count` is hidden, or null when it always shows. Labels are kept every
 * 1, 2, 4, 8 … categories (powers of two, so a label hidden at one width stays
 * hidden at every narrower one); the first always shows. A label needs the
 * width of the chart's widest label and a gap of 8 px (one width for all, so
 * the labels kept are evenly spaced); `plotShare` is the share of the frame the
 * categories span. Rounded up to a breakpoint: a label is hidden early rather
 * than overlapping its neighbour.
 */
export function hideBelowRem(index: number, count: number, labelWidthPx: number, plotShare: number, remPx = 16): ThinningBreakpoint | null {
  if (index === 0 || count <= 1) return null;
  // The largest power of two dividing the index: the stride up to which this label is kept.
  const keptUpToStride = index & -index;
  const needPx = ((labelWidthPx + 8) * count) / (keptUpToStride * plotShare);
  const needRem = needPx / remPx;
  // No chart is drawn narrower than 12 rem (a 360-pixel phone gives a card about 18).
  if (needRem <= 12) return null;
  return THINNING_BREAKPOINTS_REM.find((breakpoint) => breakpoint >= needRem) ?? THINNING_BREAKPOINTS_REM.at(-1)!;
}

export type BarCategoryInput = { key: string; label: string; values: Record<string, number> };
/** A series of bars; series with the same `stack` are stacked in the order given, each stack a bar of its own beside the others. */
export type BarSeriesInput = { key: string; stack: string };

export type BarFrame = {
  /** The drawing's height in CSS pixels as the stylesheet sets it (rem × 16), for the bands above and below the plot. */
  heightPx: number;
  /** Room above the plot (the axis title, half the top label) and below it (the x-axis labels), in pixels. */
  marginTopPx: number;
  marginBottomPx: number;
  /** Room left of the plot for the y-axis labels, percent of the width. */
  gutterPercent: number;
};

/** A bar: its category and series, its figure, and its rectangle in percent of the drawing. */
export type LaidOutBar = { category: string; series: string; value: number; x: number; y: number; width: number; height: number };
export type LaidOutCategory = { key: string; label: string; x: number; width: number; centre: number; hideBelowRem: ThinningBreakpoint | null };
export type BarChartLayout = {
  plot: { left: number; right: number; top: number; bottom: number };
  ticks: { value: number; y: number }[];
  categories: LaidOutCategory[];
  bars: LaidOutBar[];
};

/**
 * Lays out a bar chart: a band per category across the plot, inside it a bar
 * per stack, each series a segment of its stack from 0 up (values clamped to
 * 0…`top`). Every position is in percent of the drawing (see above).
 */
export function layoutBarChart({
  categories,
  series,
  top,
  ticks,
  frame,
}: {
  categories: BarCategoryInput[];
  series: BarSeriesInput[];
  top: number;
  ticks: number[];
  frame: BarFrame;
}): BarChartLayout {
  const plot = { left: frame.gutterPercent, right: 100, top: percent((frame.marginTopPx / frame.heightPx) * 100), bottom: percent(100 - (frame.marginBottomPx / frame.heightPx) * 100) };
  const y = scaleLinear().domain([0, top]).range([plot.bottom, plot.top]).clamp(true);
  const x = scaleBand<string>()
    .domain(categories.map((category) => category.key))
    .range([plot.left, plot.right])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const stacks = [...new Set(series.map((entry) => entry.stack))];
  const inner = scaleBand<string>().domain(stacks).range([0, x.bandwidth()]).paddingInner(stacks.length > 1 ? 0.08 : 0);
  const plotShare = (plot.right - plot.left) / 100;
  const labelWidth = Math.max(0, ...categories.map((category) => estimateTextWidth(category.label, AXIS_FONT_PX)));

  const bars = categories.flatMap((category) => {
    const start = x(category.key)!;
    const base = new Map<string, number>(stacks.map((stack) => [stack, 0]));
    return series.map((entry): LaidOutBar => {
      const value = category.values[entry.key] ?? 0;
      const from = base.get(entry.stack)!;
      const to = from + Math.max(0, value);
      base.set(entry.stack, to);
      const yTop = y(to);
      return {
        category: category.key,
        series: entry.key,
        value,
        x: percent(start + inner(entry.stack)!),
        width: percent(inner.bandwidth()),
        y: percent(yTop),
        height: percent(y(from) - yTop),
      };
    });
  });

  return {
    plot,
    ticks: ticks.map((value) => ({ value, y: percent(y(value)) })),
    categories: categories.map((category, index) => {
      const start = x(category.key)!;
      return {
        key: category.key,
        label: category.label,
        x: percent(start),
        width: percent(x.bandwidth()),
        centre: percent(start + x.bandwidth() / 2),
        hideBelowRem: hideBelowRem(index, categories.length, labelWidth, plotShare),
      };
    }),
    bars,
  };
}

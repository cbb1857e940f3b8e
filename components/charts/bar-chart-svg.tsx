import { useId, type ReactNode } from "react";
import { axisTicks, gutterPercent, layoutBarChart, type BarCategoryInput } from "@/lib/charts/bar-chart-layout";
import { chartMarkKey } from "@/lib/charts/chart-marks";
import { intlLocale } from "@/lib/time/format";
import { patternId } from "./chart-patterns";
import { ChartTooltips } from "./chart-tooltips";
import styles from "./bar-chart.module.css";

/** One series of bars: its name (legend, tooltip), the stack it belongs to, and how it is painted. */
export type BarChartSeries = {
  key: string;
  name: string;
  /** Series with the same stack are stacked; each stack is a bar of its own beside the others. */
  stack: string;
  /** A colour, or one of the chart's own patterns (`defs` draws it under the id patternId(prefix, pattern)). */
  fill: string | { pattern: string };
  /** A thin outline in the text colour, so textured bars keep their edge. */
  outlined?: boolean;
};

/** Heights of the drawing in rem, as bar-chart.module.css sets them. */
const HEIGHT_REM = { full: 14, compact: 11 } as const;
const REM_PX = 16;

/**
 * A bar chart drawn on the server as plain SVG (decision 0024): the page's
 * HTML holds every bar, axis, label and legend entry, so the chart shows
 * before any JavaScript, and without it. Positions come from
 * lib/charts/bar-chart-layout.ts, in percent of the drawing, so it fills its
 * frame at every width with its text at its own size. Each category is one
 * group named with its figures (screen readers reach it in browse mode); each
 * bar drawn carries its series and figure as data-* attributes, with its mark
 * key (`data-chart-mark`, the data table's `data-chart-cell`: decision 0027; a
 * series with no bar in a category counts 0 there), which the tooltip
 * island (chart-tooltips.tsx) reads to add hover and keyboard tooltips, and
 * the download menu reads the legend (`data-chart-legend-item`).
 */
export function BarChartSvg({
  chart,
  label,
  categories,
  series,
  top,
  integers = false,
  axisTitle,
  compact = false,
  locale,
  maximumFractionDigits,
  defs,
}: {
  /** What the chart is (`data-chart`: ARCHITECTURE.md "How a chart says it is there"): "per-year", "hours", "comparison". */
  chart: string;
  /** The figure's accessible name. */
  label: string;
  categories: BarCategoryInput[];
  series: BarChartSeries[];
  /** The top of the y-axis (a round number: niceCeiling); bars above it are cut at it. */
  top: number;
  /** A count axis: whole-number ticks. */
  integers?: boolean;
  /** The y-axis' unit, written above it. */
  axisTitle?: string;
  /** The shorter drawing of small multiples. */
  compact?: boolean;
  locale: string;
  /** Figures are written with at most this many decimals (ticks, names, tooltips). */
  maximumFractionDigits: number;
  /** <defs> with the patterns the fills refer to, their ids made with patternId(prefix, …): unique on the page. */
  defs?: (prefix: string) => ReactNode;
}) {
  const prefix = `chart${useId().replace(/[^a-zA-Z0-9]/g, "")}`;
  const paint = (entry: BarChartSeries) => (typeof entry.fill === "string" ? entry.fill : `url(#${patternId(prefix, entry.fill.pattern)})`);
  const number = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits });
  const ticks = axisTicks(top, { integers });
  const tickLabels = ticks.map((tick) => number.format(tick));
  const heightPx = HEIGHT_REM[compact ? "compact" : "full"] * REM_PX;
  const layout = layoutBarChart({
    categories,
    series,
    top,
    ticks,
    frame: { heightPx, marginTopPx: axisTitle ? 22 : 10, marginBottomPx: 24, gutterPercent: gutterPercent(tickLabels) },
  });
  const { plot } = layout;
  const styleOf = new Map(series.map((entry) => [entry.key, entry]));
  const figuresOf = (category: BarCategoryInput) =>
    `${category.label}: ${series.map((entry) => `${entry.name} ${number.format(category.values[entry.key] ?? 0)}`).join("; ")}`;

  return (
    <div className={styles.frame} role="figure" aria-label={label} data-chart={chart}>
      <svg className={compact ? `${styles.drawing} ${styles.compact}` : styles.drawing} width="100%" height={heightPx}>
        {defs?.(prefix)}
        <g aria-hidden="true">
          {layout.ticks.map((tick) => (
            <line key={tick.value} className={tick.value === 0 ? styles.baseline : styles.gridLine} x1={`${plot.left}%`} x2="100%" y1={`${tick.y}%`} y2={`${tick.y}%`} />
          ))}
        </g>
        <g aria-hidden="true" data-chart-axis="y">
          {layout.ticks.map((tick, index) => (
            <text key={tick.value} className={styles.tick} x={`${plot.left}%`} dx={-6} y={`${tick.y}%`} dy="0.32em" textAnchor="end">
              {tickLabels[index]}
            </text>
          ))}
        </g>
        {axisTitle && (
          <text className={styles.tick} x={0} y={12} aria-hidden="true" data-chart-axis-title="">
            {axisTitle}
          </text>
        )}
        <g data-chart-marks="">
          {layout.categories.map((category, index) => (
            <g key={category.key} className={styles.category} role="img" aria-label={figuresOf(categories[index]!)} data-chart-category={category.key} data-label={category.label}>
              <rect className={styles.hit} x={`${category.x}%`} width={`${category.width}%`} y={`${plot.top}%`} height={`${plot.bottom - plot.top}%`} />
              {/* A zero draws nothing and is left out of the HTML; its figure is in the group's name and the table. */}
              {layout.bars
                .filter((bar) => bar.category === category.key && bar.value !== 0)
                .map((bar) => {
                  const style = styleOf.get(bar.series)!;
                  return (
                    <rect
                      key={bar.series}
                      className={style.outlined ? styles.outlined : undefined}
                      x={`${bar.x}%`}
                      width={`${bar.width}%`}
                      y={`${bar.y}%`}
                      height={`${bar.height}%`}
                      fill={paint(style)}
                      data-series={bar.series}
                      data-chart-mark={chartMarkKey(category.key, bar.series)}
                      data-value={bar.value}
                    />
                  );
                })}
            </g>
          ))}
        </g>
        <g aria-hidden="true" data-chart-axis="x">
          {layout.categories.map((category) => (
            <text key={category.key} className={`${styles.tick} ${styles.xLabel}`} x={`${category.centre}%`} y="100%" dy={-8} textAnchor="middle" data-hide-below={category.hideBelowRem ?? undefined}>
              {category.label}
            </text>
          ))}
        </g>
      </svg>
      <ul className={styles.legend}>
        {series.map((entry) => (
          <li key={entry.key} data-chart-legend-item="" data-series={entry.key}>
            <svg width="14" height="14" aria-hidden="true">
              <rect x="0.5" y="0.5" width="13" height="13" fill={paint(entry)} className={entry.outlined ? styles.outlined : undefined} />
            </svg>
            {entry.name}
          </li>
        ))}
      </ul>
      <ChartTooltips locale={locale} maximumFractionDigits={maximumFractionDigits} />
    </div>
  );
}

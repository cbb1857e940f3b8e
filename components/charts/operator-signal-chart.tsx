import type { ChartPoint } from "@/lib/charts/signal-chart";
import { encodeBuckets } from "@/lib/charts/signal-chart-data";
import { lineMarkerMarkup, signalPanelMarkup, type SignalPanelClasses } from "@/lib/charts/signal-panel-markup";
import { signalPanelLayout, type PanelLayout } from "@/lib/charts/signal-chart-layout";
import type { EventBand, PhaseBand, SignalPanelView } from "@/lib/charts/signal-chart-view";
import { formatValue } from "@/lib/charts/measured-format";
import { svgElement } from "@/lib/svg/svg-markup";
import { LINE_STYLES, patternId, TexturePattern, type SeriesStyle } from "./chart-patterns";
import { SignalChartCursor } from "./signal-chart-cursor";
import styles from "./operator-charts.module.css";

/** The legend's sample of a line: its colour, dash and marker. */
function LineSample({ style }: { style: SeriesStyle }) {
  const line = svgElement("line", { x1: 1, y1: 7, x2: 27, y2: 7, stroke: style.colour, "stroke-width": 2, "stroke-dasharray": style.dash || undefined });
  return <svg width="28" height="14" viewBox="0 0 28 14" aria-hidden="true" dangerouslySetInnerHTML={{ __html: line + lineMarkerMarkup(14, 7, style.marker, style.colour) }} />;
}

/** Where a panel's parts take their look from. */
const PANEL_CLASSES: SignalPanelClasses = { grid: styles.grid!, axis: styles.axis!, bandLabel: styles.bandLabel!, minorTick: styles.minorTick!, axisLabel: styles.axisLabel! };

/**
 * One signal's panel as SVG: its figures as data-* attributes on the <svg> (the time cursor reads
 * them), what it draws as one string of markup (lib/charts/signal-panel-markup.ts, decision 0029).
 */
function PanelSvg({
  panel,
  layout,
  ids,
  yLabel,
  buckets,
}: {
  panel: SignalPanelView;
  layout: PanelLayout;
  ids: string;
  yLabel: string;
  buckets: readonly ChartPoint[];
}) {
  const { plot } = layout;
  return (
    <svg
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width="100%"
      className={styles.signalSvg}
      aria-hidden="true"
      data-chart="signals"
      data-signal={panel.signal}
      data-plot={`${plot.left} ${plot.right} ${plot.top} ${plot.bottom}`}
      data-period={layout.period.join(" ")}
      data-y-domain={layout.yDomain.join(" ")}
      data-buckets={encodeBuckets(buckets)}
      dangerouslySetInnerHTML={{ __html: signalPanelMarkup({ panel, layout, ids, yLabel, lineStyles: LINE_STYLES, classes: PANEL_CLASSES }) }}
    />
  );
}

/**
 * An operator's measured signals, drawn on the server as SVG (decision 0024):
 * one small chart per signal on a shared time axis, a line per network (or one
 * for all of them), breaking at gaps (never joined across a missing bucket).
 * Curated incident phases are shaded and numbered as in the phase table;
 * outage events (Cloudflare Radar, IODA) are framed with a dashed outline and
 * lettered as in the event table. Colours come with dash patterns and markers.
 * The chart is complete without JavaScript; a small island adds a time cursor
 * (components/charts/signal-chart-cursor.tsx). The page renders the same
 * numbers as tables.
 */
export function OperatorSignalChart({
  panels,
  from,
  to,
  ticks,
  phases,
  events,
  timeZone,
  locale,
  yLabel,
  legend,
  cursor,
  exampleBadge,
}: {
  panels: SignalPanelView[];
  from: number;
  to: number;
  ticks: { at: number; label: string }[];
  phases: PhaseBand[];
  events: EventBand[];
  timeZone: string;
  locale: string;
  yLabel: string;
  legend: { phases: string; events: string };
  /** The time cursor's words: the name of a panel's cursor, how to move it with the keyboard, what a gap reads as. */
  cursor: { label: (title: string) => string; hint: string; gap: string };
  /** "EXAMPLE DATA — INVENTED": laid over every panel with a line of invented example data (decision 0018). */
  exampleBadge?: string;
}) {
  const legendPattern = patternId("signal-legend", "phase");
  return (
    <div className={styles.signalPanels}>
      <p className={styles.bandLegend}>
        <span data-chart-legend-item="">
          <svg width="28" height="14" aria-hidden="true">
            <defs>
              <TexturePattern id={legendPattern} colour="#D55E00" texture="diagonal" />
            </defs>
            <rect width="28" height="14" fill={`url(#${legendPattern})`} opacity={0.35} />
          </svg>{" "}
          {legend.phases}
        </span>{" "}
        <span data-chart-legend-item="">
          <svg width="28" height="14" aria-hidden="true">
            <rect x="1" y="1" width="26" height="12" fill="none" stroke="currentColor" strokeDasharray="4 2" />
          </svg>{" "}
          {legend.events}
        </span>
      </p>
      {panels.map((panel) => {
        const layout = signalPanelLayout({
          lines: panel.lines,
          from,
          to,
          ticks,
          phases,
          events,
          formatValue: (value) => formatValue(value, locale),
        });
        return (
          <div key={panel.signal} className={styles.signalPanel} data-signal={panel.signal} data-chart-panel-title={panel.title}>
            <h3 className={styles.panelTitle}>{panel.title}</h3>
            <div className={styles.signalFigure} role="figure" aria-label={panel.title}>
              {exampleBadge && panel.lines.some((line) => line.example) && (
                <span className={styles.exampleBadge} data-testid="example-data-badge">
                  {exampleBadge}
                </span>
              )}
              <div className={styles.plotBox}>
                <PanelSvg panel={panel} layout={layout} ids={`signal-${panel.signal.replace(/[^a-zA-Z0-9_-]/g, "_")}`} yLabel={yLabel} buckets={panel.lines[0]?.points ?? []} />
                <SignalChartCursor label={cursor.label(panel.title)} hint={cursor.hint} gap={cursor.gap} locale={locale} timeZone={timeZone} />
              </div>
              <ul className={styles.lineLegend}>
                {panel.lines.map((line, index) => (
                  <li key={line.id} data-chart-legend-item="">
                    <LineSample style={LINE_STYLES[index % LINE_STYLES.length]!} />
                    {line.label}
                  </li>
                ))}
              </ul>
            </div>
          </div>
        );
      })}
    </div>
  );
}

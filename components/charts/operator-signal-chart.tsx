import type { ChartPoint } from "@/lib/charts/signal-chart";
import { encodeBuckets, encodeValues } from "@/lib/charts/signal-chart-data";
import { signalPanelLayout, type PanelLayout } from "@/lib/charts/signal-chart-layout";
import type { EventBand, PhaseBand, SignalPanelView } from "@/lib/charts/signal-chart-view";
import { formatValue } from "@/lib/charts/measured-format";
import { TYPE_COLOURS } from "@/lib/charts/type-colours";
import { LINE_STYLES, patternId, TexturePattern, type SeriesStyle } from "./chart-patterns";
import { SignalChartCursor } from "./signal-chart-cursor";
import styles from "./operator-charts.module.css";

/** A line's marker, centred on (x, y). */
function Marker({ x, y, shape, colour }: { x: number; y: number; shape: SeriesStyle["marker"]; colour: string }) {
  if (shape === "square") return <rect x={x - 2.5} y={y - 2.5} width={5} height={5} fill={colour} />;
  if (shape === "triangle") return <path d={`M${x},${y - 3.5}L${x + 3.5},${y + 3}L${x - 3.5},${y + 3}Z`} fill={colour} />;
  if (shape === "diamond") return <path d={`M${x},${y - 3.5}L${x + 3.5},${y}L${x},${y + 3.5}L${x - 3.5},${y}Z`} fill={colour} />;
  return <circle cx={x} cy={y} r={2.5} fill={colour} />;
}

/** The legend's sample of a line: its colour, dash and marker. */
function LineSample({ style }: { style: SeriesStyle }) {
  return (
    <svg width="28" height="14" viewBox="0 0 28 14" aria-hidden="true">
      <line x1="1" y1="7" x2="27" y2="7" stroke={style.colour} strokeWidth="2" strokeDasharray={style.dash || undefined} />
      <Marker x={14} y={7} shape={style.marker} colour={style.colour} />
    </svg>
  );
}

/** One signal's panel as SVG: grid, curated phases, outage events, axes, then the lines on top. */
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
  const clipId = patternId(ids, "plot");
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
    >
      <defs>
        <clipPath id={clipId}>
          <rect x={plot.left} y={plot.top} width={plot.right - plot.left} height={plot.bottom - plot.top} />
        </clipPath>
        {layout.phases.map((phase) => (
          <TexturePattern key={phase.number} id={patternId(ids, `p${phase.number}`)} colour={TYPE_COLOURS[phase.type]} texture="diagonal" />
        ))}
      </defs>

      <g className={styles.grid} stroke="var(--border)" strokeDasharray="3 3">
        {layout.yTicks.map((tick) => (
          <line key={`y${tick.value}`} x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} />
        ))}
        {layout.xTicks.map((tick) => (
          <line key={`x${tick.x}`} x1={tick.x} x2={tick.x} y1={plot.top} y2={plot.bottom} />
        ))}
      </g>

      <g clipPath={`url(#${clipId})`}>
        {layout.phases.map((phase) => (
          <g key={`phase-${phase.number}`}>
            <rect
              className="phase-band"
              data-phase={phase.number}
              x={phase.x}
              y={plot.top}
              width={phase.width}
              height={plot.bottom - plot.top}
              fill={`url(#${patternId(ids, `p${phase.number}`)})`}
              fillOpacity={0.14}
              stroke={TYPE_COLOURS[phase.type]}
              strokeOpacity={0.6}
            />
            <text x={phase.x + 3} y={plot.top + 11} className={styles.bandLabel} data-phase-label={phase.number}>
              {phase.number}
            </text>
          </g>
        ))}
        {layout.events.map((event) => (
          <g key={`event-${event.number}`}>
            {event.width === null ? (
              <line className="event-band" data-event={event.label} x1={event.x} x2={event.x} y1={plot.top} y2={plot.bottom} stroke="var(--text)" strokeDasharray="4 2" />
            ) : (
              <rect
                className="event-band"
                data-event={event.label}
                x={event.x}
                y={plot.top + 0.5}
                width={event.width}
                height={plot.bottom - plot.top - 1}
                fill="none"
                stroke="var(--text)"
                strokeDasharray="4 2"
              />
            )}
            <text x={event.x + (event.width ?? 0) - 3} y={plot.top + 11} textAnchor="end" className={styles.bandLabel} data-event-label={event.label}>
              {event.label}
            </text>
          </g>
        ))}
      </g>

      <g className={styles.axis}>
        <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke="var(--muted)" />
        <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} stroke="var(--muted)" />
        {layout.xTicks.map((tick, index) => (
          <g key={`x${tick.x}`} className={index % 2 === 1 ? styles.minorTick : undefined}>
            <line x1={tick.x} x2={tick.x} y1={plot.bottom} y2={plot.bottom + 4} stroke="var(--muted)" />
            <text x={tick.x} y={plot.bottom + 16} textAnchor="middle" data-tick-x={tick.x}>
              {tick.label}
            </text>
          </g>
        ))}
        {layout.yTicks.map((tick) => (
          <g key={`y${tick.value}`}>
            <line x1={plot.left - 4} x2={plot.left} y1={tick.y} y2={tick.y} stroke="var(--muted)" />
            <text x={plot.left - 6} y={tick.y + 4} textAnchor="end" data-tick-value={tick.value} data-tick-y={tick.y}>
              {tick.label}
            </text>
          </g>
        ))}
        <text x={4} y={14} className={styles.axisLabel}>
          {yLabel}
        </text>
      </g>

      {panel.lines.map((line, index) => {
        const style = LINE_STYLES[index % LINE_STYLES.length]!;
        const drawn = layout.lines[index]!;
        return (
          <g key={line.id} data-line={line.id}>
            <path
              d={drawn.d}
              fill="none"
              stroke={style.colour}
              strokeWidth={2}
              strokeDasharray={style.dash || undefined}
              strokeLinejoin="round"
              data-line-label={line.label}
              data-chart-mark={line.id}
              data-values={encodeValues(line.points)}
            />
            {drawn.markers.map((marker) => (
              <Marker key={marker.index} x={marker.x} y={marker.y} shape={style.marker} colour={style.colour} />
            ))}
          </g>
        );
      })}
    </svg>
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

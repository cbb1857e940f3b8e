"use client";

import { useId } from "react";
import { CartesianGrid, Legend, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartPoint } from "@/lib/charts/signal-chart";
import type { EventBand, PhaseBand, SignalPanelView } from "@/lib/charts/signal-chart-view";
import { LINE_STYLES, patternId, TexturePattern } from "./chart-patterns";
import { TYPE_COLOURS } from "@/lib/charts/type-colours";
import styles from "./operator-charts.module.css";

/** The x of a point: its bucket's start, in ms (the points are the server's, lib/charts/signal-chart.ts). */
const timeOf = (point: ChartPoint) => Date.parse(point.at);

function Marker({ cx, cy, shape, colour }: { cx?: number; cy?: number; shape: string; colour: string }) {
  if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) return null;
  if (shape === "square") return <rect x={cx - 2.5} y={cy - 2.5} width={5} height={5} fill={colour} />;
  if (shape === "triangle") return <path d={`M${cx},${cy - 3.5} L${cx + 3.5},${cy + 3} L${cx - 3.5},${cy + 3} Z`} fill={colour} />;
  if (shape === "diamond") return <path d={`M${cx},${cy - 3.5} L${cx + 3.5},${cy} L${cx},${cy + 3.5} L${cx - 3.5},${cy} Z`} fill={colour} />;
  return <circle cx={cx} cy={cy} r={2.5} fill={colour} />;
}

/**
 * Points that get a marker: all of them on a short line, else those with no
 * neighbour (a line broken at gaps draws nothing for a lone value otherwise).
 */
function markedPoints(points: ChartPoint[]): Set<number> {
  const marked = new Set<number>();
  points.forEach((point, index) => {
    if (point.value === null) return;
    const lone = (points[index - 1]?.value ?? null) === null && (points[index + 1]?.value ?? null) === null;
    if (points.length <= 60 || lone) marked.add(index);
  });
  return marked;
}

/**
 * An operator's measured signals: one small chart per signal on a shared
 * time axis, a line per network (or one for all of them), breaking at gaps
 * (never joined across a missing bucket). Curated incident phases are shaded
 * and numbered as in the phase table; outage events (Cloudflare Radar, IODA)
 * are framed with a dashed outline and lettered as in the event table.
 * Colours come with dash patterns and markers. The page renders the same
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
  /** "EXAMPLE DATA — INVENTED": laid over every panel with a line of invented example data (decision 0018). */
  exampleBadge?: string;
}) {
  const prefix = `bands${useId().replace(/:/g, "")}`;
  const tickLabels = new Map(ticks.map((tick) => [tick.at, tick.label]));
  const when = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
    timeZone,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const clip = (start: number, end: number | null) => [Math.max(start, from), Math.min(end ?? to, to)] as const;
  return (
    <div className={styles.signalPanels}>
      <p className={styles.bandLegend}>
        <span data-chart-legend-item="">
          <svg width="28" height="14" aria-hidden="true">
            <defs>
              <TexturePattern id={patternId(prefix, "legend")} colour="#D55E00" texture="diagonal" />
            </defs>
            <rect width="28" height="14" fill={`url(#${patternId(prefix, "legend")})`} opacity={0.35} />
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
      {panels.map((panel) => (
        <div key={panel.signal} className={styles.signalPanel} data-signal={panel.signal} data-chart-panel-title={panel.title}>
          <h3 className={styles.panelTitle}>{panel.title}</h3>
          <div className={`chart-frame ${styles.signalFrame}`} role="figure" aria-label={panel.title} style={{ position: "relative" }}>
            {exampleBadge && panel.lines.some((line) => line.example) && (
              <span className={styles.exampleBadge} data-testid="example-data-badge">
                {exampleBadge}
              </span>
            )}
            <ResponsiveContainer width="100%" height="100%">
              <LineChart margin={{ top: 14, right: 12, bottom: 0, left: 0 }} accessibilityLayer>
                <defs>
                  {phases.map((phase) => (
                    <TexturePattern key={phase.number} id={patternId(prefix, `p${phase.number}`)} colour={TYPE_COLOURS[phase.type]} texture="diagonal" />
                  ))}
                </defs>
                <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
                <XAxis
                  type="number"
                  dataKey={timeOf}
                  domain={[from, to]}
                  ticks={ticks.map((tick) => tick.at)}
                  tickFormatter={(value: number) => tickLabels.get(value) ?? ""}
                  tick={{ fill: "var(--muted)", fontSize: 11 }}
                  allowDuplicatedCategory={false}
                  scale="time"
                />
                <YAxis
                  tick={{ fill: "var(--muted)", fontSize: 11 }}
                  width={56}
                  label={{ value: yLabel, angle: -90, position: "insideLeft", fill: "var(--muted)", fontSize: 11, dy: 40 }}
                />
                {phases.map((phase) => {
                  const [x1, x2] = clip(phase.start, phase.end);
                  if (x2 <= x1) return null;
                  return (
                    <ReferenceArea
                      key={`phase-${phase.number}`}
                      x1={x1}
                      x2={x2}
                      fill={`url(#${patternId(prefix, `p${phase.number}`)})`}
                      fillOpacity={0.14}
                      stroke={TYPE_COLOURS[phase.type]}
                      strokeOpacity={0.6}
                      className="phase-band"
                      label={{ value: String(phase.number), position: "insideTopLeft", fontSize: 11, fill: "var(--text)" }}
                      ifOverflow="hidden"
                    />
                  );
                })}
                {events.map((event) => {
                  const [x1, x2] = clip(event.start, event.end);
                  if (x2 < x1) return null;
                  return event.end === null || x2 === x1 ? (
                    <ReferenceLine
                      key={`event-${event.number}`}
                      x={x1}
                      stroke="var(--text)"
                      strokeDasharray="4 2"
                      className="event-band"
                      label={{ value: event.label, position: "insideTopRight", fontSize: 11, fill: "var(--text)" }}
                    />
                  ) : (
                    <ReferenceArea
                      key={`event-${event.number}`}
                      x1={x1}
                      x2={x2}
                      fill="none"
                      stroke="var(--text)"
                      strokeDasharray="4 2"
                      className="event-band"
                      label={{ value: event.label, position: "insideTopRight", fontSize: 11, fill: "var(--text)" }}
                      ifOverflow="hidden"
                    />
                  );
                })}
                <Tooltip
                  labelFormatter={(value) => when.format(new Date(Number(value)))}
                  contentStyle={{ background: "var(--surface)", borderColor: "var(--border)" }}
                />
                <Legend wrapperStyle={{ fontSize: 12 }} formatter={(name: string) => <span style={{ color: "var(--text)" }}>{name}</span>} />
                {panel.lines.map((line, index) => {
                  const style = LINE_STYLES[index % LINE_STYLES.length]!;
                  const marked = markedPoints(line.points);
                  return (
                    <Line
                      key={line.id}
                      data={line.points}
                      dataKey="value"
                      name={line.label}
                      type="linear"
                      stroke={style.colour}
                      strokeWidth={2}
                      strokeDasharray={style.dash || undefined}
                      connectNulls={false}
                      dot={(props: { cx?: number; cy?: number; index?: number }) =>
                        marked.has(props.index ?? -1) ? (
                          <Marker key={`dot-${props.index}`} cx={props.cx} cy={props.cy} shape={style.marker} colour={style.colour} />
                        ) : (
                          <g key={`dot-${props.index}`} />
                        )
                      }
                      legendType={style.marker === "circle" ? "circle" : style.marker === "square" ? "square" : style.marker === "triangle" ? "triangle" : "diamond"}
                      isAnimationActive={false}
                    />
                  );
                })}
              </LineChart>
            </ResponsiveContainer>
          </div>
        </div>
      ))}
    </div>
  );
}

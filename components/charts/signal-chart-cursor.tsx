"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { decodeBuckets, decodeValues, nearestIndex } from "@/lib/charts/signal-chart-data";
import { formatInstant, formatValue } from "@/lib/charts/measured-format";
import styles from "./operator-charts.module.css";

/** What the island reads back from the panel's SVG (its data attributes, written by operator-signal-chart.tsx). */
type PanelFigures = {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  from: number;
  to: number;
  yDomain: [number, number];
  buckets: number[];
  lines: { label: string; colour: string; values: (number | null)[] }[];
};

const numbers = (value: string | null, count: number): number[] | null => {
  const parsed = (value ?? "").split(" ").map(Number);
  return parsed.length === count && parsed.every(Number.isFinite) ? parsed : null;
};

/** The panel's figures from its SVG, or null when the SVG does not carry them. */
function readPanel(svg: SVGSVGElement | null | undefined): PanelFigures | null {
  if (!svg) return null;
  const box = numbers(svg.getAttribute("viewBox"), 4);
  const plot = numbers(svg.getAttribute("data-plot"), 4);
  const period = numbers(svg.getAttribute("data-period"), 2);
  const yDomain = numbers(svg.getAttribute("data-y-domain"), 2);
  const buckets = decodeBuckets(svg.getAttribute("data-buckets"));
  if (!box || !plot || !period || !yDomain || buckets.length === 0 || !(period[1]! > period[0]!)) return null;
  return {
    width: box[2]!,
    height: box[3]!,
    plot: { left: plot[0]!, right: plot[1]!, top: plot[2]!, bottom: plot[3]! },
    from: period[0]!,
    to: period[1]!,
    yDomain: [yDomain[0]!, yDomain[1]!],
    buckets,
    lines: [...svg.querySelectorAll("path[data-values]")].map((path) => ({
      label: path.getAttribute("data-line-label") ?? "",
      colour: path.getAttribute("stroke") ?? "currentColor",
      values: decodeValues(path.getAttribute("data-values")),
    })),
  };
}

/**
 * The measured chart's time cursor: a browser island over one server-drawn
 * panel. Pointing at the chart, or moving with the arrow keys once it has the
 * focus, shows each line's value at the nearest bucket, written as the tables
 * write it. It reads its figures from the panel's SVG, so the page sends the
 * numbers once; without JavaScript it renders nothing and the chart stays
 * whole.
 */
export function SignalChartCursor({ label, hint, gap, locale, timeZone }: { label: string; hint: string; gap: string; locale: string; timeZone: string }) {
  const layer = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const [panel, setPanel] = useState<PanelFigures | null>(null);
  const [index, setIndex] = useState<number | null>(null);
  // Read aloud only while the cursor has the keyboard focus: pointing with a mouse does not chatter.
  const [focused, setFocused] = useState(false);

  useEffect(() => {
    setPanel(readPanel(layer.current?.parentElement?.querySelector<SVGSVGElement>("svg[data-chart]")));
  }, []);

  if (!panel) return <div ref={layer} hidden />;

  const last = panel.buckets.length - 1;
  const xOf = (time: number) => panel.plot.left + ((time - panel.from) / (panel.to - panel.from)) * (panel.plot.right - panel.plot.left);
  const yOf = (value: number) =>
    panel.plot.bottom - ((value - panel.yDomain[0]) / (panel.yDomain[1] - panel.yDomain[0] || 1)) * (panel.plot.bottom - panel.plot.top);
  const percent = (value: number, of: number) => `${((value / of) * 100).toFixed(2)}%`;

  const pointAt = (event: PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width === 0) return;
    const x = ((event.clientX - box.left) / box.width) * panel.width;
    const time = panel.from + ((x - panel.plot.left) / (panel.plot.right - panel.plot.left)) * (panel.to - panel.from);
    setIndex(nearestIndex(panel.buckets, time));
  };

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.round(panel.buckets.length / 10));
    const steps: Record<string, (at: number) => number> = {
      ArrowLeft: (at) => at - 1,
      ArrowRight: (at) => at + 1,
      PageUp: (at) => at - page,
      PageDown: (at) => at + page,
      Home: () => 0,
      End: () => last,
    };
    if (event.key === "Escape") return setIndex(null);
    const step = steps[event.key];
    if (!step) return;
    event.preventDefault();
    setIndex((at) => Math.min(last, Math.max(0, step(at ?? 0))));
  };

  const at = index === null ? null : panel.buckets[index];
  const valueText = (value: number | null) => (value === null ? gap : formatValue(value, locale));
  const readAloud = (time: number) =>
    [formatInstant(new Date(time).toISOString(), locale, timeZone), ...panel.lines.map((line) => `${line.label}: ${valueText(line.values[index!] ?? null)}`)].join("; ");
  const x = at === null || at === undefined ? null : xOf(at);
  // The readout sits beside the cursor, on the side with more room.
  const onRight = x !== null && x < panel.width * 0.6;

  return (
    <div
      ref={layer}
      className={styles.cursorLayer}
      tabIndex={0}
      role="group"
      aria-label={label}
      aria-describedby={hintId}
      onPointerMove={pointAt}
      onPointerDown={pointAt}
      onPointerLeave={(event) => {
        if (document.activeElement !== event.currentTarget) setIndex(null);
      }}
      onKeyDown={move}
      onFocus={() => {
        setFocused(true);
        setIndex((current) => current ?? 0);
      }}
      onBlur={() => {
        setFocused(false);
        setIndex(null);
      }}
      data-cursor-ready=""
    >
      <span id={hintId} className="visually-hidden">
        {hint}
      </span>
      {x !== null && (
        <>
          <span
            className={styles.cursorLine}
            style={{ left: percent(x, panel.width), top: percent(panel.plot.top, panel.height), height: percent(panel.plot.bottom - panel.plot.top, panel.height) }}
          />
          {panel.lines.map((line, lineIndex) => {
            const value = line.values[index!] ?? null;
            return value === null ? null : (
              <span
                key={lineIndex}
                className={styles.cursorDot}
                style={{ left: percent(x, panel.width), top: percent(yOf(value), panel.height), borderColor: line.colour }}
              />
            );
          })}
        </>
      )}
      <span className="visually-hidden" aria-live="polite">
        {focused && at !== null && at !== undefined ? readAloud(at) : ""}
      </span>
      <div
        className={styles.cursorReadout}
        aria-hidden="true"
        data-cursor-readout=""
        hidden={x === null}
        style={x === null ? undefined : onRight ? { left: `calc(${percent(x, panel.width)} + 0.5rem)` } : { right: `calc(${percent(panel.width - x, panel.width)} + 0.5rem)` }}
      >
        {at !== null && at !== undefined && (
          <>
            <strong>{formatInstant(new Date(at).toISOString(), locale, timeZone)}</strong>
            {panel.lines.map((line, lineIndex) => {
              const value = line.values[index!] ?? null;
              return (
                <span key={lineIndex} className={styles.cursorRow} data-cursor-line={line.label}>
                  <span className={styles.cursorSwatch} style={{ background: line.colour }} aria-hidden="true" />
                  {line.label}: {valueText(value)}
                </span>
              );
            })}
          </>
        )}
      </div>
    </div>
  );
}

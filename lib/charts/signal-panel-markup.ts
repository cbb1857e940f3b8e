import type { SignalPanelView } from "@/lib/charts/signal-chart-view";
import type { PanelLayout } from "@/lib/charts/signal-chart-layout";
import { encodeValues } from "@/lib/charts/signal-chart-data";
import { patternId, texturePatternMarkup } from "@/lib/charts/texture-pattern-markup";
import { escapeHtml } from "@/lib/html/escape-html";
import { TYPE_COLOURS } from "@/lib/charts/type-colours";
import { svgElement } from "@/lib/svg/svg-markup";

export type LineMarker = "circle" | "square" | "triangle" | "diamond";
export type LineStyle = { colour: string; dash: string; marker: LineMarker };

/** The class names the panel's parts take from its stylesheet (CSS modules rename them per build). */
export type SignalPanelClasses = { grid: string; axis: string; bandLabel: string; minorTick: string; axisLabel: string };

/** A line's marker, centred on (x, y). */
export function lineMarkerMarkup(x: number, y: number, shape: LineMarker, colour: string): string {
  if (shape === "square") return svgElement("rect", { x: x - 2.5, y: y - 2.5, width: 5, height: 5, fill: colour });
  if (shape === "triangle") return svgElement("path", { d: `M${x},${y - 3.5}L${x + 3.5},${y + 3}L${x - 3.5},${y + 3}Z`, fill: colour });
  if (shape === "diamond") return svgElement("path", { d: `M${x},${y - 3.5}L${x + 3.5},${y}L${x},${y + 3.5}L${x - 3.5},${y}Z`, fill: colour });
  return svgElement("circle", { cx: x, cy: y, r: 2.5, fill: colour });
}

/**
 * What is inside one measured panel's `<svg>`, as markup (decision 0029): the clip and phase
 * patterns, the grid, curated phases (shaded, numbered), outage events (dashed frames, lettered),
 * the axes, then each line with its markers on top. Every text is escaped; nothing in it runs.
 * Each line's path carries its mark key and its values (`data-chart-mark`, `data-values`), which
 * the time cursor and the tests read.
 */
export function signalPanelMarkup({
  panel,
  layout,
  ids,
  yLabel,
  lineStyles,
  classes,
}: {
  panel: SignalPanelView;
  layout: PanelLayout;
  /** The prefix of the ids inside this panel: unique on the page. */
  ids: string;
  yLabel: string;
  lineStyles: readonly LineStyle[];
  classes: SignalPanelClasses;
}): string {
  const { plot } = layout;
  const plotHeight = plot.bottom - plot.top;
  const clipId = patternId(ids, "plot");
  const phaseFill = (number: number) => patternId(ids, `p${number}`);

  const defs = svgElement(
    "defs",
    {},
    svgElement("clipPath", { id: clipId }, svgElement("rect", { x: plot.left, y: plot.top, width: plot.right - plot.left, height: plotHeight })) +
      layout.phases.map((phase) => texturePatternMarkup(phaseFill(phase.number), TYPE_COLOURS[phase.type], "diagonal")).join(""),
  );

  const grid = svgElement(
    "g",
    { class: classes.grid, stroke: "var(--border)", "stroke-dasharray": "3 3" },
    layout.yTicks.map((tick) => svgElement("line", { x1: plot.left, x2: plot.right, y1: tick.y, y2: tick.y })).join("") +
      layout.xTicks.map((tick) => svgElement("line", { x1: tick.x, x2: tick.x, y1: plot.top, y2: plot.bottom })).join(""),
  );

  const phases = layout.phases
    .map((phase) =>
      svgElement(
        "g",
        {},
        svgElement("rect", {
          class: "phase-band",
          "data-phase": phase.number,
          x: phase.x,
          y: plot.top,
          width: phase.width,
          height: plotHeight,
          fill: `url(#${phaseFill(phase.number)})`,
          "fill-opacity": 0.14,
          stroke: TYPE_COLOURS[phase.type],
          "stroke-opacity": 0.6,
        }) + svgElement("text", { x: phase.x + 3, y: plot.top + 11, class: classes.bandLabel, "data-phase-label": phase.number }, String(phase.number)),
      ),
    )
    .join("");

  const events = layout.events
    .map((event) => {
      const frame =
        event.width === null
          ? svgElement("line", { class: "event-band", "data-event": event.label, x1: event.x, x2: event.x, y1: plot.top, y2: plot.bottom, stroke: "var(--text)", "stroke-dasharray": "4 2" })
          : svgElement("rect", {
              class: "event-band",
              "data-event": event.label,
              x: event.x,
              y: plot.top + 0.5,
              width: event.width,
              height: plotHeight - 1,
              fill: "none",
              stroke: "var(--text)",
              "stroke-dasharray": "4 2",
            });
      const label = svgElement(
        "text",
        { x: event.x + (event.width ?? 0) - 3, y: plot.top + 11, "text-anchor": "end", class: classes.bandLabel, "data-event-label": event.label },
        escapeHtml(event.label),
      );
      return svgElement("g", {}, frame + label);
    })
    .join("");

  const axis = svgElement(
    "g",
    { class: classes.axis },
    svgElement("line", { x1: plot.left, x2: plot.right, y1: plot.bottom, y2: plot.bottom, stroke: "var(--muted)" }) +
      svgElement("line", { x1: plot.left, x2: plot.left, y1: plot.top, y2: plot.bottom, stroke: "var(--muted)" }) +
      layout.xTicks
        .map((tick, index) =>
          svgElement(
            "g",
            { class: index % 2 === 1 ? classes.minorTick : undefined },
            svgElement("line", { x1: tick.x, x2: tick.x, y1: plot.bottom, y2: plot.bottom + 4, stroke: "var(--muted)" }) +
              svgElement("text", { x: tick.x, y: plot.bottom + 16, "text-anchor": "middle", "data-tick-x": tick.x }, escapeHtml(tick.label)),
          ),
        )
        .join("") +
      layout.yTicks
        .map((tick) =>
          svgElement(
            "g",
            {},
            svgElement("line", { x1: plot.left - 4, x2: plot.left, y1: tick.y, y2: tick.y, stroke: "var(--muted)" }) +
              svgElement("text", { x: plot.left - 6, y: tick.y + 4, "text-anchor": "end", "data-tick-value": tick.value, "data-tick-y": tick.y }, escapeHtml(tick.label)),
          ),
        )
        .join("") +
      svgElement("text", { x: 4, y: 14, class: classes.axisLabel }, escapeHtml(yLabel)),
  );

  const lines = panel.lines
    .map((line, index) => {
      const style = lineStyles[index % lineStyles.length]!;
      const drawn = layout.lines[index]!;
      const path = svgElement("path", {
        d: drawn.d,
        fill: "none",
        stroke: style.colour,
        "stroke-width": 2,
        "stroke-dasharray": style.dash || undefined,
        "stroke-linejoin": "round",
        "data-line-label": line.label,
        "data-chart-mark": line.id,
        "data-values": encodeValues(line.points),
      });
      return svgElement("g", { "data-line": line.id }, path + drawn.markers.map((marker) => lineMarkerMarkup(marker.x, marker.y, style.marker, style.colour)).join(""));
    })
    .join("");

  return defs + grid + svgElement("g", { "clip-path": `url(#${clipId})` }, phases + events) + axis + lines;
}


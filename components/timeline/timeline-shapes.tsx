import type { DisruptionType, PhaseExtent } from "@/lib/generated/prisma/enums";
import { ROW_HEIGHT } from "@/lib/timeline/geometry";
import type { EndDrawing } from "@/lib/timeline/items";
import styles from "./interactive-timeline.module.css";

/** Legend swatches for extents and ends are drawn in a neutral colour. */
const NEUTRAL = "NEUTRAL";

/** An open end fades out over at least this many pixels, whatever the zoom, so the fade is always seen. */
export const FADE_PX = 28;

/**
 * The patterns both timelines draw with: type colours come from globals.css
 * (`data-type` sets --type-color); partial phases are hatched, intermittent
 * ones striped. `prefix` keeps the ids unique when two charts share a page.
 */
export function TimelineDefs({ prefix }: { prefix: string }) {
  return (
    <defs>
      <pattern id={`${prefix}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="2.5" height="6" style={{ fill: "var(--bg)", fillOpacity: 0.75 }} />
      </pattern>
      <pattern id={`${prefix}-stripes`} width="9" height="6" patternUnits="userSpaceOnUse">
        <rect x="5" width="4" height="6" style={{ fill: "var(--bg)", fillOpacity: 0.9 }} />
      </pattern>
    </defs>
  );
}

/** How a bar's end is drawn, in pixels of the plot. */
export type BarEnd = {
  drawing: EndDrawing;
  /** Where the bar's start is, unclipped (left of the plot when the bar began earlier). */
  startX: number;
  /** Where its end is, unclipped (right of the plot when it runs on). */
  endX: number;
  /** Ongoing: where the day last checked ends (the fade begins there, or FADE_PX before the end if later). */
  fadeFromX?: number;
};

/** Where an open end's fade begins (null for a recorded end). */
export function fadeStart(end: BarEnd): number | null {
  if (end.drawing === "recorded") return null;
  if (end.drawing === "not_counted") return end.startX;
  const latest = end.endX - FADE_PX;
  const from = end.drawing === "ongoing" && end.fadeFromX !== undefined ? Math.min(end.fadeFromX, latest) : latest;
  return Math.max(from, end.startX);
}

/**
 * One phase's bar: colour by type, pattern by extent, a dashed outline when it
 * covers some regions only, and its end as the legend says (decision 0013):
 * recorded ends are solid; an ongoing phase fades out from the day staff last
 * checked to now and ends in an arrow; an end not recorded fades out to the
 * last day a source reports it, ending in a dotted line; a phase with neither
 * is a short fading stub at its start. `id` keeps the fade's gradient unique.
 */
export function PhaseBar({
  prefix,
  id,
  x,
  y,
  width,
  type,
  extent,
  end,
  regional = false,
  lane,
  height = ROW_HEIGHT,
}: {
  prefix: string;
  id: string;
  /** The lane it is drawn in (for tests and exports). */
  lane?: string;
  /** The visible part, clipped to the plot. */
  x: number;
  y: number;
  width: number;
  type: DisruptionType | typeof NEUTRAL;
  extent: PhaseExtent;
  end?: BarEnd;
  regional?: boolean;
  height?: number;
}) {
  const overlay = extent === "PARTIAL" ? "hatch" : extent === "INTERMITTENT" ? "stripes" : null;
  const right = x + width;
  const fadeAt = end ? fadeStart(end) : null;
  const fading = end !== undefined && fadeAt !== null && fadeAt < right;
  const solidRight = fading ? Math.max(Math.min(fadeAt, right), x) : right;
  const gradient = `${prefix}-fade-${id}`;
  const endInView = end !== undefined && end.endX <= right + 0.5;
  return (
    <g data-type={type} className={styles.phase} data-end={end?.drawing ?? "recorded"} data-regional={regional || undefined} data-bar-lane={lane}>
      {fading && (
        <defs>
          <linearGradient id={gradient} gradientUnits="userSpaceOnUse" x1={fadeAt} x2={end.endX} y1={0} y2={0}>
            <stop offset="0" style={{ stopColor: "var(--type-color)" }} />
            <stop offset="1" style={{ stopColor: "var(--type-color)", stopOpacity: 0.08 }} />
          </linearGradient>
        </defs>
      )}
      {solidRight > x && <rect x={x} y={y} width={solidRight - x} height={height} rx={2} className={styles.bar} data-solid="" />}
      {fading && <rect x={solidRight} y={y} width={right - solidRight} height={height} rx={2} style={{ fill: `url(#${gradient})` }} data-fade="" />}
      {overlay && <rect x={x} y={y} width={width} height={height} rx={2} style={{ fill: `url(#${prefix}-${overlay})` }} />}
      {regional && <rect x={x + 0.5} y={y + 0.5} width={Math.max(width - 1, 0)} height={height - 1} rx={2} className={styles.regionalOutline} />}
      {endInView && end.drawing === "ongoing" && <path d={`M${end.endX - 1},${y + 2} l5,${height / 2 - 2} l-5,${height / 2 - 2}`} className={styles.openArrow} />}
      {endInView && end.drawing === "last_report" && <line x1={end.endX} x2={end.endX} y1={y - 1} y2={y + height + 1} className={styles.lastReport} />}
    </g>
  );
}

/** A legend swatch drawn like the bars. */
export function LegendSwatch({ prefix, id, type, extent = "FULL", end, regional = false }: { prefix: string; id: string; type?: DisruptionType; extent?: PhaseExtent; end?: EndDrawing; regional?: boolean }) {
  const width = end === "not_counted" ? 14 : 34;
  const drawnEnd: BarEnd | undefined = end && end !== "recorded" ? { drawing: end, startX: 0, endX: width, fadeFromX: end === "ongoing" ? 10 : undefined } : undefined;
  return (
    <svg width="42" height="14" aria-hidden="true" className={styles.swatch}>
      <PhaseBar prefix={prefix} id={`legend-${id}`} x={0} y={1} width={width} height={12} type={type ?? NEUTRAL} extent={extent} end={drawnEnd} regional={regional} />
    </svg>
  );
}

import type { DisruptionType, PhaseExtent } from "@/lib/generated/prisma/enums";
import { DISRUPTION_SEVERITY } from "@/lib/incidents/disruption-hours";
import { ROW_HEIGHT } from "@/lib/timeline/geometry";
import styles from "./interactive-timeline.module.css";

/** Legend swatches for extents and "ongoing" are drawn in a neutral colour. */
const NEUTRAL = "NEUTRAL";

/**
 * The SVG pieces both timelines draw with: type colours come from
 * globals.css (`data-type` sets --type-color); partial phases are hatched,
 * intermittent ones striped, and phases that run to "now" fade out with an
 * arrow. `prefix` keeps the ids unique when two charts share a page.
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
      {[...DISRUPTION_SEVERITY, NEUTRAL].map((type) => (
        <linearGradient key={type} id={`${prefix}-fade-${type}`} data-type={type} className={styles.phase} x1="0" x2="1" y1="0" y2="0">
          <stop offset="0.55" style={{ stopColor: "var(--type-color)" }} />
          <stop offset="1" style={{ stopColor: "var(--type-color)", stopOpacity: 0.08 }} />
        </linearGradient>
      ))}
    </defs>
  );
}

/** One phase's bar: colour by type, pattern by extent, a fading arrow when it runs to now. */
export function PhaseBar({
  prefix,
  x,
  y,
  width,
  type,
  extent,
  openEnd,
  height = ROW_HEIGHT,
}: {
  prefix: string;
  x: number;
  y: number;
  width: number;
  type: DisruptionType | typeof NEUTRAL;
  extent: PhaseExtent;
  /** The bar runs to now and its end is in view. */
  openEnd: boolean;
  height?: number;
}) {
  const overlay = extent === "PARTIAL" ? "hatch" : extent === "INTERMITTENT" ? "stripes" : null;
  return (
    <g data-type={type} className={styles.phase}>
      <rect x={x} y={y} width={width} height={height} rx={2} className={styles.bar} style={openEnd ? { fill: `url(#${prefix}-fade-${type})` } : undefined} />
      {overlay && <rect x={x} y={y} width={width} height={height} rx={2} style={{ fill: `url(#${prefix}-${overlay})` }} />}
      {openEnd && <path d={`M${x + width - 1},${y + 2} l5,${height / 2 - 2} l-5,${height / 2 - 2}`} className={styles.openArrow} />}
    </g>
  );
}

/** A legend swatch drawn like the bars. */
export function LegendSwatch({ prefix, type, extent = "FULL", openEnd = false }: { prefix: string; type?: DisruptionType; extent?: PhaseExtent; openEnd?: boolean }) {
  return (
    <svg width="30" height="12" aria-hidden="true" className={styles.swatch}>
      <PhaseBar prefix={prefix} x={0} y={0} width={24} height={12} type={type ?? NEUTRAL} extent={extent} openEnd={openEnd} />
    </svg>
  );
}

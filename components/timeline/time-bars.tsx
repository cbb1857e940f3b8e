import { timeTicks } from "@/lib/time/format";
import styles from "./timeline.module.css";

/** A bar's position on an axis, as percentages of the axis width. */
export function barGeometry(domain: { from: Date; to: Date }, start: Date, end: Date, minWidth = 0.6) {
  const span = domain.to.getTime() - domain.from.getTime();
  const left = ((start.getTime() - domain.from.getTime()) / span) * 100;
  const right = ((end.getTime() - domain.from.getTime()) / span) * 100;
  const clampedLeft = Math.min(Math.max(left, 0), 100 - minWidth);
  return { left: clampedLeft, width: Math.max(Math.min(right, 100) - clampedLeft, minWidth) };
}

/** Tick labels over a time axis; decorative (the data tables carry the dates). */
export function TimeAxis({ from, to, locale }: { from: Date; to: Date; locale: string }) {
  const ticks = timeTicks(from, to, locale);
  return (
    <div className={styles.axis} aria-hidden="true">
      {ticks.map((tick) => {
        const { left } = barGeometry({ from, to }, tick.at, tick.at, 0);
        return (
          <span key={tick.at.toISOString()} className={styles.tick} data-anchor={left > 80 ? "end" : "start"} style={{ left: `${left}%` }} data-chart-text="">
            {tick.label}
          </span>
        );
      })}
    </div>
  );
}

"use client";

import { memo, useMemo, useRef } from "react";
import type { Lane } from "@/lib/timeline/lanes";
import { clampWindow, type TimeWindow } from "@/lib/timeline/view-window";
import { visibleBars } from "@/lib/timeline/visible-bars";
import styles from "./interactive-timeline.module.css";

const HEIGHT = 30;

/** Every incident on the whole domain, drawn once per width (it does not move). */
const OverviewBars = memo(function OverviewBars({ lane, domain, width }: { lane: Lane; domain: TimeWindow; width: number }) {
  const drawn = useMemo(() => visibleBars(lane, domain, width), [lane, domain, width]);
  return (
    <g>
      {drawn.map((entry, index) => (
        <rect
          key={index}
          data-type={entry.kind === "bar" ? entry.bar.type : entry.type}
          className={styles.overviewBar}
          x={entry.x}
          y={8}
          width={entry.width}
          height={HEIGHT - 16}
        />
      ))}
    </g>
  );
});

/**
 * The brush: a strip with the whole period and a frame over the visible part.
 * Drag the frame to move it, drag elsewhere to choose a new period, click to
 * centre the view there. Mouse and touch only; the buttons above do the same
 * from the keyboard.
 */
export function TimelineOverview({
  lane,
  domain,
  view,
  width,
  label,
  onChange,
}: {
  lane: Lane;
  domain: TimeWindow;
  view: TimeWindow;
  width: number;
  label: string;
  onChange: (next: TimeWindow) => void;
}) {
  const svg = useRef<SVGSVGElement>(null);
  const span = domain.end - domain.start;
  const toPx = (instant: number) => ((instant - domain.start) / span) * width;
  const toTime = (clientX: number) => {
    const box = svg.current!.getBoundingClientRect();
    return domain.start + ((clientX - box.left) / box.width) * span;
  };

  const onPointerDown = (event: React.PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    const origin = toTime(event.clientX);
    const startView = view;
    const moving = origin >= view.start && origin <= view.end;
    let moved = false;
    const onMove = (move: PointerEvent) => {
      const at = toTime(move.clientX);
      if (Math.abs(move.clientX - event.clientX) > 3) moved = true;
      if (!moved) return;
      if (moving) onChange(clampWindow({ start: startView.start + at - origin, end: startView.end + at - origin }, domain));
      else onChange(clampWindow({ start: Math.min(origin, at), end: Math.max(origin, at) }, domain));
    };
    const onUp = () => {
      window.removeEventListener("pointermove", onMove);
      window.removeEventListener("pointerup", onUp);
      if (!moved && !moving) {
        const half = (view.end - view.start) / 2;
        onChange(clampWindow({ start: origin - half, end: origin + half }, domain));
      }
    };
    window.addEventListener("pointermove", onMove);
    window.addEventListener("pointerup", onUp);
  };

  const left = toPx(view.start);
  const right = toPx(view.end);
  return (
    <svg ref={svg} className={styles.overview} width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} onPointerDown={onPointerDown} aria-label={label} role="img" data-timeline-overview="">
      <OverviewBars lane={lane} domain={domain} width={width} />
      <rect className={styles.overviewShade} x={0} y={0} width={Math.max(left, 0)} height={HEIGHT} />
      <rect className={styles.overviewShade} x={right} y={0} width={Math.max(width - right, 0)} height={HEIGHT} />
      <rect className={styles.brush} x={left} y={1} width={Math.max(right - left, 2)} height={HEIGHT - 2} />
    </svg>
  );
}

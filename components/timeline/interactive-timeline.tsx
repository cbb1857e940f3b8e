"use client";

import { useTranslations } from "next-intl";
import { ClientChartDownloads } from "@/components/charts/client-chart-downloads";
import { TableToggle } from "@/components/embed/table-toggle";
import { useRouter } from "next/navigation";
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import type { DisruptionType } from "@/lib/generated/prisma/enums";
import type { ZoneChoice } from "@/lib/time/format";
import { formatCalendarDay } from "@/lib/time/format";
import { monthKeyAt, monthsWithData, monthWindow, parseMonthKey } from "@/lib/timeline/calendar";
import { cachedText, formatMonthKey, formatTimelineValue, windowBounds, zoneLabel } from "@/lib/timeline/format-instant";
import { AXIS_HEIGHT, laneBoxes, ROW_HEIGHT, rowY, type LaneBox } from "@/lib/timeline/geometry";
import { laneRegion, type TimelineItem } from "@/lib/timeline/items";
import { layoutLanes, type Lane, type LaneBar } from "@/lib/timeline/lanes";
import { presetOf, presetWindow, PRESETS } from "@/lib/timeline/presets";
import { zonedTicks } from "@/lib/timeline/ticks";
import { clampWindow, panWindow, windowAround, windowAtEdge, windowShowing, zoomWindow, type TimeWindow } from "@/lib/timeline/view-window";
import { barPixels, itemsInWindow, visibleBars, type Drawn, type DrawnBar } from "@/lib/timeline/visible-bars";
import styles from "./interactive-timeline.module.css";
import { TimelineCard } from "./timeline-card";
import { timelineDownloadTable } from "./timeline-download-table";
import { TimelineLegend } from "./timeline-legend";
import { TimelineList } from "./timeline-list";
import { TimelineOverview } from "./timeline-overview";
import { PhaseBar, TimelineDefs, type BarEnd } from "./timeline-shapes";
import { useTimeWindow } from "./use-time-window";
import { SUPPRESS_CLICK_ATTRIBUTE } from "@/components/embed/suppress-click";

const PREFIX = "tl";
const DEFAULT_WIDTH = 960;
const ZOOM_STEP = 0.5;
const PAN_STEP = 0.2;

export type InteractiveTimelineProps = {
  items: TimelineItem[];
  /** Lanes in order, with their labels (National, the operators, No operator named). */
  lanes: { id: string; label: string }[];
  operatorNames: Record<string, string>;
  domain: TimeWindow;
  initialView: TimeWindow;
  zone: ZoneChoice;
  locale: string;
  /** The localised incident path prefix, e.g. "/ru/incidents/". */
  incidentBase: string;
  now: number;
  /** The download menu (the full page only; embeds stay light). */
  downloads?: boolean;
  /** The incident selected by the address (`incident=`), as an index into items. */
  selected?: number | null;
  /**
   * "Jump to an incident or a month" (the full page only): two GET forms to
   * the timeline's address carrying the filters, so they work without
   * JavaScript; with it, they move the chart without a reload.
   */
  jump?: { action: string; query: Record<string, string | string[]> };
  /** The label of a toggle the list of incidents is folded behind (the chart embedded on its own), or none: the list is shown. */
  foldList?: string;
};

type Placed = { lane: number; drawn: DrawnBar };

/** The bars of one window: grouped per incident (one link each) and the merged clusters. */
function drawWindow(lanes: Lane[], view: TimeWindow, width: number, active: number | null) {
  const byItem = new Map<number, Placed[]>();
  const clusters: { lane: number; drawn: Extract<Drawn, { kind: "cluster" }> }[] = [];
  lanes.forEach((lane, laneIndex) => {
    for (const drawn of visibleBars(lane, view, width)) {
      if (drawn.kind === "cluster") clusters.push({ lane: laneIndex, drawn });
      else byItem.set(drawn.bar.item, [...(byItem.get(drawn.bar.item) ?? []), { lane: laneIndex, drawn }]);
    }
  });
  // The incident with keyboard focus is always drawn on its own, even inside a cluster.
  if (active !== null && !byItem.has(active)) {
    lanes.forEach((lane, laneIndex) => {
      for (const bar of lane.bars) {
        if (bar.item !== active || bar.start >= view.end) continue;
        const pixels = barPixels(bar, view, width);
        if (pixels.right <= 0) continue;
        const x = Math.max(pixels.left, -1);
        const right = Math.min(pixels.right, width + 1);
        const drawn: DrawnBar = { kind: "bar", bar, x, width: Math.max(right - x, 2), endX: pixels.right, clippedStart: bar.start < view.start, clippedEnd: pixels.right > width };
        byItem.set(active, [...(byItem.get(active) ?? []), { lane: laneIndex, drawn }]);
      }
    });
  }
  return { byItem, clusters };
}

const Axis = memo(function Axis({ view, width, height, zone, locale, now }: { view: TimeWindow; width: number; height: number; zone: ZoneChoice; locale: string; now: number }) {
  const span = view.end - view.start;
  const ticks = zonedTicks(view.start, view.end, { zone, locale, maxTicks: Math.max(2, Math.floor(width / 110)) });
  const nowX = ((now - view.start) / span) * width;
  const zoneText = zoneLabel(view, zone);
  // Leave the right end of the axis to the zone's label ("UTC+6 / UTC+5" is twice as long as "UTC+6").
  const labelRoom = zoneText.length * 7 + 24;
  return (
    <g aria-hidden="true" data-timeline-axis="">
      {ticks.map((tick) => {
        const x = ((tick.at - view.start) / span) * width;
        if (x > width - labelRoom) return null;
        return (
          <g key={tick.at}>
            <line className={styles.tickLine} x1={x} x2={x} y1={AXIS_HEIGHT - 8} y2={height} />
            <text className={styles.tickLabel} x={x + 3} y={AXIS_HEIGHT - 11} data-timeline-tick="">
              {tick.label}
            </text>
          </g>
        );
      })}
      <text className={styles.zoneLabel} x={width - 4} y={AXIS_HEIGHT - 11} textAnchor="end" data-timeline-zone="">
        {zoneText}
      </text>
      {nowX >= 0 && nowX <= width && <line className={styles.nowLine} x1={nowX} x2={nowX} y1={AXIS_HEIGHT} y2={height} />}
    </g>
  );
});

/**
 * The timeline's client island: lanes of phase bars in SVG, zoomed and panned
 * with buttons, keys, the wheel, dragging and a brush; the visible window
 * lives in the address (`view=`). Only bars inside the window are drawn, and
 * bars too narrow to tell apart are merged, so thousands of incidents stay
 * smooth. Below it, the same incidents as a table.
 */
export function InteractiveTimeline({
  items,
  lanes: laneDefs,
  operatorNames,
  domain,
  initialView,
  zone,
  locale,
  incidentBase,
  now,
  downloads = false,
  selected = null,
  jump,
  foldList,
}: InteractiveTimelineProps) {
  const t = useTranslations("timelineView");
  const ends = useTranslations("measures.end");
  const types = useTranslations("enums.DisruptionType");
  const downloadText = useTranslations("chartDownloads");
  const router = useRouter();
  const { view, scheduleView, latest } = useTimeWindow(initialView, domain);
  const deferredView = useDeferredValue(view);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  /** Whether the width is the container's (after hydration) rather than the server's DEFAULT_WIDTH. */
  const [measured, setMeasured] = useState(false);
  /** The selected incident: jumped to, or last given keyboard focus (the presets show its period). */
  const [active, setActive] = useState<number | null>(selected);
  const [hovered, setHovered] = useState<number | null>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const [cardHidden, setCardHidden] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const dragged = useRef(false);
  const focusNext = useRef<number | null>(null);

  const lanes = useMemo(() => layoutLanes(items, laneDefs.map((lane) => lane.id)), [items, laneDefs]);
  const { boxes, height } = useMemo(() => laneBoxes(lanes), [lanes]);
  const timeOrder = useMemo(() => itemsInWindow(items, { start: -Infinity, end: Infinity }), [items]);
  const overviewLane = useMemo<Lane>(
    () => ({
      id: "overview",
      rows: 1,
      bars: timeOrder.map((index) => {
        const item = items[index]!;
        return { item: index, phase: 0, start: item.start, end: item.end, type: item.type, extent: "FULL", endDrawing: "recorded", fadeFrom: null, regional: false, row: 0 } satisfies LaneBar;
      }),
    }),
    [items, timeOrder],
  );

  const { byItem, clusters } = useMemo(() => drawWindow(lanes, view, width, active), [lanes, view, width, active]);
  const drawnOrder = useMemo(() => timeOrder.filter((index) => byItem.has(index)), [timeOrder, byItem]);
  const roving = active !== null && byItem.has(active) ? active : (drawnOrder[0] ?? null);
  const listIndexes = useMemo(() => itemsInWindow(items, deferredView), [items, deferredView]);

  // Periods and labels are formatted once per incident, not on every frame. Ends read as on the incident page (EndOf).
  const periodOf = useCallback(
    (item: TimelineItem) =>
      cachedText(item, `period|${zone}|${locale}`, () => {
        const start = formatTimelineValue(item.start, item.startPrecision, zone, locale);
        const end =
          item.endStatus === "RECORDED" && item.endsAt !== null
            ? formatTimelineValue(item.endsAt, item.endPrecision, zone, locale)
            : item.endStatus === "ONGOING"
              ? item.lastCheckedOn
                ? ends("ongoing", { date: formatCalendarDay(item.lastCheckedOn, locale) })
                : ends("ongoingUnchecked")
              : item.lastReportedOn
                ? ends("notRecordedReported", { date: formatCalendarDay(item.lastReportedOn, locale) })
                : ends("notRecorded");
        return `${start} – ${end}`;
      }),
    [zone, locale, ends],
  );
  const labelOf = useCallback(
    (item: TimelineItem) => cachedText(item, `label|${zone}|${locale}`, () => t("itemLabel", { title: item.title, type: types(item.type), period: periodOf(item) })),
    [zone, locale, t, types, periodOf],
  );
  const operatorsOf = useCallback((item: TimelineItem) => item.operators.map((slug) => operatorNames[slug] ?? slug).join(", "), [operatorNames]);
  const hrefOf = useCallback((item: TimelineItem) => `${incidentBase}${item.slug}`, [incidentBase]);

  // Follow the container's width, so bars and ticks are drawn in real pixels.
  useEffect(() => {
    const element = wrapper.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      setWidth(Math.max(Math.round(entry.contentRect.width), 200));
      setMeasured(true);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Move keyboard focus once the incident it goes to has been drawn.
  useEffect(() => {
    if (focusNext.current === null) return;
    const element = svg.current?.querySelector<SVGElement>(`[data-item="${focusNext.current}"]`);
    if (element) {
      focusNext.current = null;
      element.focus();
    }
  });

  // The wheel zooms around the pointer (or pans, with Shift or a sideways swipe); it must be a non-passive listener.
  useEffect(() => {
    const element = svg.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const box = element.getBoundingClientRect();
      const sideways = event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY);
      if (sideways) {
        const delta = event.shiftKey ? event.deltaY || event.deltaX : event.deltaX;
        scheduleView((current) => panWindow(current, delta / box.width, domain));
      } else {
        const anchor = Math.min(Math.max((event.clientX - box.left) / box.width, 0), 1);
        scheduleView((current) => zoomWindow(current, Math.exp(event.deltaY * 0.0015), domain, anchor));
      }
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    return () => element.removeEventListener("wheel", onWheel);
  }, [domain, scheduleView]);

  const onPointerDown = (event: React.PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0) return;
    const startX = event.clientX;
    const startView = latest.current;
    const pxWidth = event.currentTarget.getBoundingClientRect().width;
    const chart = event.currentTarget;
    dragged.current = false;
    const onMove = (move: PointerEvent) => {
      const dx = move.clientX - startX;
      if (Math.abs(dx) > 4 && !dragged.current) {
        dragged.current = true;
        // The click that ends the drag opens nothing, not even from an embed's frame.
        chart.setAttribute(SUPPRESS_CLICK_ATTRIBUTE, "");
      }
      if (dragged.current) scheduleView(panWindow(startView, -dx / pxWidth, domain));
    };
    const onUp = () => {
      setTimeout(() => chart.removeAttribute(SUPPRESS_CLICK_ATTRIBUTE), 0);
      window.removeEventListener("pointermove", onMove);
      window.removeEventListener("pointerup", onUp);
      window.removeEventListener("pointercancel", onUp);
    };
    window.addEventListener("pointermove", onMove);
    window.addEventListener("pointerup", onUp);
    window.addEventListener("pointercancel", onUp);
  };

  const openItem = (event: React.MouseEvent, item: TimelineItem) => {
    if (dragged.current) {
      event.preventDefault();
      dragged.current = false;
      return;
    }
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    router.push(hrefOf(item));
  };

  const moveFocus = (index: number) => {
    const item = items[index]!;
    setActive(index);
    setCardHidden(false);
    focusNext.current = index;
    scheduleView((current) => windowShowing(current, item, domain));
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as Element;
    const onItem = target.closest("[data-item]");
    const key = event.key;
    if (key === "+" || key === "=") scheduleView((current) => zoomWindow(current, ZOOM_STEP, domain));
    else if (key === "-" || key === "_" || key === "−") scheduleView((current) => zoomWindow(current, 1 / ZOOM_STEP, domain));
    else if (onItem) {
      const position = timeOrder.indexOf(Number(onItem.getAttribute("data-item")));
      const go = (next: number | undefined) => next !== undefined && moveFocus(next);
      if (key === "ArrowRight" || key === "ArrowDown") go(timeOrder[position + 1]);
      else if (key === "ArrowLeft" || key === "ArrowUp") go(timeOrder[position - 1]);
      else if (key === "Home") go(timeOrder[0]);
      else if (key === "End") go(timeOrder.at(-1));
      else if (key === "Escape") setCardHidden(true);
      else return;
    } else if (target === event.currentTarget) {
      if (key === "ArrowLeft") scheduleView((current) => panWindow(current, -PAN_STEP, domain));
      else if (key === "ArrowRight") scheduleView((current) => panWindow(current, PAN_STEP, domain));
      // Zoomed in, Home and End go to the start and the end of the period, keeping the zoom (and never scroll the page).
      else if (key === "Home") scheduleView((current) => windowAtEdge(current, "start", domain));
      else if (key === "End") scheduleView((current) => windowAtEdge(current, "end", domain));
      else return;
    } else return;
    event.preventDefault();
  };

  const cardIndex = cardHidden ? null : (hovered ?? focused);
  const cardItem = cardIndex === null ? null : items[cardIndex];
  const cardPosition = (() => {
    const placed = cardIndex === null ? undefined : byItem.get(cardIndex)?.[0];
    if (!placed) return { left: 0, top: AXIS_HEIGHT };
    const top = rowY(boxes[placed.lane]!, placed.drawn.bar.row) + ROW_HEIGHT + 6;
    return { left: Math.min(Math.max(placed.drawn.x, 4), Math.max(width - 290, 4)), top };
  })();

  /** Jumps to an incident: selects it, shows it whole and gives it focus; the address says which (`incident=`). */
  const jumpToIncident = (index: number) => {
    const item = items[index]!;
    setActive(index);
    setCardHidden(false);
    focusNext.current = index;
    scheduleView(windowAround(item, domain));
    const params = new URLSearchParams(window.location.search);
    params.set("incident", item.slug);
    params.delete("month");
    window.history.replaceState(null, "", `${window.location.pathname}?${params.toString().replace(/%3A/gi, ":").replace(/%7E/gi, "~")}${window.location.hash}`);
  };
  const jumpToMonth = (key: string) => {
    const month = parseMonthKey(key);
    if (month) scheduleView(clampWindow(monthWindow(month.year, month.month, zone), domain));
  };

  const preset = presetOf(view, zone);
  const bounds = windowBounds(deferredView, zone, locale);
  const windowText = bounds.wholeDays && bounds.from === bounds.to ? t("windowDay", { day: bounds.from }) : t("window", { from: bounds.from, to: bounds.to });
  const shownEnds = [...new Set(items.flatMap((item) => item.phases.map((phase) => phase.endDrawing)))];
  const anyRegional = items.some((item) => item.phases.some((phase) => phase.regional && phase.lanes.some((lane) => laneRegion(lane) === null)));

  return (
    <div className={styles.timeline} data-timeline="" id="timeline-chart">
      {jump && <JumpForms items={items} timeOrder={timeOrder} domain={domain} zone={zone} locale={locale} selected={active} jump={jump} onIncident={jumpToIncident} onMonth={jumpToMonth} />}
      <div className={styles.controls} role="toolbar" aria-label={t("controls")}>
        <button type="button" onClick={() => scheduleView((current) => zoomWindow(current, ZOOM_STEP, domain))}>
          {t("zoomIn")}
        </button>
        <button type="button" onClick={() => scheduleView((current) => zoomWindow(current, 1 / ZOOM_STEP, domain))}>
          {t("zoomOut")}
        </button>
        <button type="button" onClick={() => scheduleView((current) => panWindow(current, -PAN_STEP * 2, domain))}>
          ← {t("earlier")}
        </button>
        <button type="button" onClick={() => scheduleView((current) => panWindow(current, PAN_STEP * 2, domain))}>
          {t("later")} →
        </button>
        <button type="button" onClick={() => scheduleView(domain)}>
          {t("reset")}
        </button>
        <span className={styles.separator} aria-hidden="true" />
        <span role="group" aria-label={t("presets")} className={styles.presets}>
          {PRESETS.map((name) => (
            <button
              key={name}
              type="button"
              aria-pressed={preset === name}
              onClick={() => scheduleView((current) => presetWindow(name, current, { items, selected: active, domain, zone }))}
            >
              {t(`preset.${name}`)}
            </button>
          ))}
        </span>
      </div>
      <p className={styles.window} aria-live="polite" data-timeline-window="">
        {windowText} · {zone === "utc" ? t("zone.utc") : t("zone.local", { offset: zoneLabel(deferredView, "local") })}
      </p>

      <div
        ref={wrapper}
        className={styles.plot}
        tabIndex={0}
        role="group"
        aria-label={t("chartLabel")}
        aria-describedby="timeline-keys"
        onKeyDown={onKeyDown}
        onPointerLeave={(event) => {
          if (!(event.relatedTarget instanceof Element && event.relatedTarget.closest("[data-timeline-card]"))) setHovered(null);
        }}
        data-timeline-plot=""
        data-measured={measured ? "" : undefined}
      >
        <svg ref={svg} className={styles.svg} width={width} height={height} viewBox={`0 0 ${width} ${height}`} onPointerDown={onPointerDown} data-timeline-chart="" data-chart="timeline">
          <TimelineDefs prefix={PREFIX} />
          <Axis view={view} width={width} height={height} zone={zone} locale={locale} now={now} />
          <LaneFrames laneDefs={laneDefs} boxes={boxes} width={width} />
          {clusters.map(({ lane, drawn }, index) => (
            <rect
              key={`c${index}`}
              className={styles.cluster}
              data-type={drawn.type}
              data-chart-mark={drawn.items.map((item) => items[item]!.slug).join(" ")}
              x={drawn.x}
              y={rowY(boxes[lane]!, drawn.row)}
              width={drawn.width}
              height={ROW_HEIGHT}
              aria-hidden="true"
              onClick={() => {
                if (dragged.current) return;
                const centre = view.start + ((drawn.x + drawn.width / 2) / width) * (view.end - view.start);
                scheduleView((current) => zoomWindow(current, 0.25, domain, (centre - current.start) / (current.end - current.start)));
              }}
            >
              <title>{t("cluster", { count: drawn.items.length })}</title>
            </rect>
          ))}
          {drawnOrder.map((index) => {
            const item = items[index]!;
            return (
              <a
                key={item.slug}
                href={hrefOf(item)}
                className={styles.item}
                data-item={index}
                data-slug={item.slug}
                data-chart-mark={item.slug}
                data-active={index === cardIndex}
                data-selected={index === active || undefined}
                tabIndex={index === roving ? 0 : -1}
                aria-label={labelOf(item)}
                onClick={(event) => openItem(event, item)}
                onPointerEnter={() => {
                  setHovered(index);
                  setCardHidden(false);
                }}
                onFocus={() => {
                  setFocused(index);
                  setActive(index);
                  setCardHidden(false);
                }}
                onBlur={() => setFocused((current) => (current === index ? null : current))}
              >
                {byItem.get(index)!.map(({ lane, drawn }) => (
                  <PhaseBar
                    key={`${lane}-${drawn.bar.phase}`}
                    prefix={PREFIX}
                    id={`${lane}-${index}-${drawn.bar.phase}`}
                    lane={laneDefs[lane]!.id}
                    x={drawn.x}
                    y={rowY(boxes[lane]!, drawn.bar.row)}
                    width={drawn.width}
                    type={drawn.bar.type as DisruptionType}
                    extent={drawn.bar.extent}
                    end={barEnd(drawn, view, width)}
                    regional={drawn.bar.regional && laneRegion(laneDefs[lane]!.id) === null}
                  />
                ))}
              </a>
            );
          })}
        </svg>
        {cardItem && (
          <TimelineCard
            item={cardItem}
            period={periodOf(cardItem)}
            operators={operatorsOf(cardItem)}
            href={hrefOf(cardItem)}
            left={cardPosition.left}
            top={cardPosition.top}
            onPointerLeave={() => setHovered(null)}
          />
        )}
      </div>
      <TimelineOverview lane={overviewLane} domain={domain} view={view} width={width} label={t("overviewLabel")} onChange={scheduleView} />
      <TimelineLegend
        prefix={PREFIX}
        types={[...new Set(items.flatMap((item) => item.phases.map((phase) => phase.type)))]}
        extents={[...new Set(items.flatMap((item) => item.phases.map((phase) => phase.extent)))]}
        ends={shownEnds}
        regional={anyRegional}
      />
      <p className={styles.hint} data-timeline-lane-rule="">
        {t("laneRule")}
      </p>
      <p className={styles.hint} id="timeline-keys">
        {t("keysHint")}
      </p>
      {downloads && (
        <ClientChartDownloads
          chartId="timeline-chart"
          name="timeline"
          table={timelineDownloadTable(items, listIndexes, deferredView, zone, t("chartLabel"), downloadText, types)}
        />
      )}
      {foldList ? (
        <TableToggle label={foldList}>
          <TimelineList items={items} indexes={listIndexes} periodOf={periodOf} operatorsOf={operatorsOf} hrefOf={hrefOf} />
        </TableToggle>
      ) : (
        <TimelineList items={items} indexes={listIndexes} periodOf={periodOf} operatorsOf={operatorsOf} hrefOf={hrefOf} />
      )}
    </div>
  );
}

/** How a drawn bar's end looks (timeline-shapes.tsx), in the plot's pixels. */
function barEnd(drawn: DrawnBar, view: TimeWindow, width: number): BarEnd | undefined {
  const { bar } = drawn;
  if (bar.endDrawing === "recorded") return undefined;
  const toPx = (instant: number) => ((instant - view.start) / (view.end - view.start)) * width;
  return { drawing: bar.endDrawing, startX: toPx(bar.start), endX: drawn.endX, ...(bar.fadeFrom === null ? {} : { fadeFromX: toPx(bar.fadeFrom) }) };
}

/**
 * "Jump to an incident" and "Jump to a month": GET forms to the timeline with
 * the filters as hidden fields (`incident=<slug>`, `month=YYYY-MM`), which the
 * server reads without JavaScript; with it, they move the chart in place. The
 * months offered are those in which something starts.
 */
function JumpForms({
  items,
  timeOrder,
  domain,
  zone,
  locale,
  selected,
  jump,
  onIncident,
  onMonth,
}: {
  items: TimelineItem[];
  timeOrder: number[];
  domain: TimeWindow;
  zone: InteractiveTimelineProps["zone"];
  locale: string;
  selected: number | null;
  jump: NonNullable<InteractiveTimelineProps["jump"]>;
  onIncident: (index: number) => void;
  onMonth: (key: string) => void;
}) {
  const t = useTranslations("timelineView.jump");
  const months = useMemo(
    () =>
      monthsWithData(items, zone).filter((key) => {
        const month = parseMonthKey(key)!;
        const period = monthWindow(month.year, month.month, zone);
        return period.end > domain.start && period.start < domain.end;
      }),
    [items, zone, domain],
  );
  const hidden = Object.entries(jump.query).flatMap(([name, value]) => [value].flat().map((one) => <input key={`${name}=${one}`} type="hidden" name={name} value={one} />));
  const latest = timeOrder.at(-1);
  const defaultIncident = items[selected ?? latest ?? 0]?.slug;
  const selectedMonth = selected === null ? undefined : monthKeyAt(items[selected]!.start, zone);
  const defaultMonth = selectedMonth && months.includes(selectedMonth) ? selectedMonth : months.at(-1);
  return (
    <div className={styles.jump} data-timeline-jump="">
      <form
        method="get"
        action={jump.action}
        aria-label={t("incidentLabel")}
        onSubmit={(event) => {
          const slug = new FormData(event.currentTarget).get("incident");
          const index = items.findIndex((item) => item.slug === slug);
          if (index < 0) return;
          event.preventDefault();
          onIncident(index);
        }}
      >
        {hidden}
        <label>
          <span>{t("incidentLabel")}</span>
          <select name="incident" defaultValue={defaultIncident}>
            {timeOrder.map((index) => {
              const item = items[index]!;
              return (
                <option key={item.slug} value={item.slug}>
                  {t("incidentOption", { date: formatTimelineValue(item.start, item.startPrecision, zone, locale), title: item.title })}
                </option>
              );
            })}
          </select>
        </label>
        <button type="submit">{t("show")}</button>
      </form>
      {months.length > 0 && (
        <form
          method="get"
          action={jump.action}
          aria-label={t("monthLabel")}
          onSubmit={(event) => {
            const key = new FormData(event.currentTarget).get("month");
            if (typeof key !== "string" || !parseMonthKey(key)) return;
            event.preventDefault();
            onMonth(key);
          }}
        >
          {hidden}
          <label>
            <span>{t("monthLabel")}</span>
            <select name="month" defaultValue={defaultMonth}>
              {months.map((key) => (
                <option key={key} value={key}>
                  {formatMonthKey(key, locale)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t("show")}</button>
        </form>
      )}
    </div>
  );
}

/** Lane labels and separators; they only change with the width. */
const LaneFrames = memo(function LaneFrames({ laneDefs, boxes, width }: { laneDefs: { id: string; label: string }[]; boxes: LaneBox[]; width: number }) {
  return (
    <g>
      {laneDefs.map((lane, index) => {
        const box = boxes[index]!;
        return (
          <g key={lane.id} data-lane={lane.id}>
            <line className={styles.laneRule} x1={0} x2={width} y1={box.top} y2={box.top} />
            <text className={styles.laneLabel} x={4} y={box.top + 13}>
              {lane.label}
            </text>
          </g>
        );
      })}
    </g>
  );
});

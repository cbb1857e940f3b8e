"use client";

import { useEffect, useRef, useState } from "react";
import { intlLocale } from "@/lib/time/format";
import styles from "./bar-chart.module.css";

type Tip = {
  title: string;
  rows: { key: string; name: string; value: string; fill: string }[];
  /** Beside the category (right of it in the figure's left half, left of it in the right half), from the plot's top; pixels inside the figure. */
  place: { top: number; left: number } | { top: number; right: number };
};

const NEXT_KEYS = new Set(["ArrowRight", "ArrowDown"]);
const PREVIOUS_KEYS = new Set(["ArrowLeft", "ArrowUp"]);

/**
 * Tooltips for a chart the server drew (decision 0024). Optional: the chart,
 * its legend and its table are complete without it. Once loaded it finds its
 * figure (the nearest `[data-chart]`), reads each category (`data-chart-category`,
 * `data-label`), its marks' figures (`data-series`, `data-value`; a series
 * without a mark there counts 0) and the series' names from the legend
 * (`data-chart-legend-item`, `data-series`), and shows them
 * on hover, and on keyboard focus: the categories become one tab stop, the
 * arrow keys (and Home, End) move between them. Numbers are written in the
 * page's language. Nothing is fetched and no text is passed in: what it shows
 * is what the page already holds.
 */
export function ChartTooltips({ locale, maximumFractionDigits }: { locale: string; maximumFractionDigits: number }) {
  const anchor = useRef<HTMLDivElement>(null);
  const [tip, setTip] = useState<Tip | null>(null);

  useEffect(() => {
    const figure = anchor.current?.closest<HTMLElement>("[data-chart]");
    if (!figure) return;
    const categories = [...figure.querySelectorAll<SVGGElement>("[data-chart-category]")];
    if (categories.length === 0) return;
    const number = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits });
    const legend = [...figure.querySelectorAll<HTMLElement>("[data-chart-legend-item][data-series]")].map((item) => ({
      key: item.dataset.series!,
      name: (item.textContent ?? "").trim(),
      fill: item.querySelector("rect")?.getAttribute("fill") ?? "",
    }));
    let hovered: Element | null = null;

    const show = (category: Element) => {
      const frame = figure.getBoundingClientRect();
      const box = (category.querySelector("rect") ?? category).getBoundingClientRect();
      const top = box.top - frame.top + 4;
      // Every series the legend names, in its order; a series with no mark in the category counts 0 there.
      const rows = legend.map(({ key, name, fill }) => {
        const mark = category.querySelector<SVGElement>(`[data-series="${CSS.escape(key)}"][data-value]`);
        return { key, name, fill, value: number.format(mark ? Number(mark.dataset.value) : 0) };
      });
      setTip({
        title: category.getAttribute("data-label") ?? "",
        rows,
        // Beside the bars it describes, never over them.
        place: box.left + box.width / 2 - frame.left < frame.width / 2 ? { top, left: box.right - frame.left + 4 } : { top, right: frame.right - box.left + 4 },
      });
    };
    const hide = () => setTip(null);
    const categoryOf = (target: EventTarget | null) => (target instanceof Element ? target.closest("[data-chart-category]") : null);

    // One tab stop for the whole chart; the arrow keys move inside it.
    categories.forEach((category, index) => category.setAttribute("tabindex", index === 0 ? "0" : "-1"));
    const makeTabStop = (stop: Element) => categories.forEach((category) => category.setAttribute("tabindex", category === stop ? "0" : "-1"));
    const focusCategory = (index: number) => {
      const next = categories[Math.max(0, Math.min(categories.length - 1, index))]!;
      makeTabStop(next);
      next.focus();
    };

    const onPointerMove = (event: PointerEvent) => {
      const category = categoryOf(event.target);
      if (category === hovered) return;
      hovered = category;
      if (category) show(category);
      else if (!categoryOf(document.activeElement)) hide();
    };
    const onPointerLeave = (event: PointerEvent) => {
      // A finger lifts off the screen after a tap: the tooltip it opened stays until a tap elsewhere.
      if (event.pointerType === "touch") return;
      hovered = null;
      const focused = categoryOf(document.activeElement);
      if (focused && figure.contains(focused)) show(focused);
      else hide();
    };
    const onPointerDownElsewhere = (event: PointerEvent) => {
      if (event.target instanceof Node && figure.contains(event.target)) return;
      hovered = null;
      hide();
    };
    const onFocusIn = (event: FocusEvent) => {
      const category = categoryOf(event.target);
      if (!category) return;
      // Focused by a click too: Tab comes back to where the reader was.
      makeTabStop(category);
      show(category);
    };
    const onFocusOut = (event: FocusEvent) => {
      if (!categoryOf(event.relatedTarget) && !hovered) hide();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const category = categoryOf(event.target);
      if (!category) return;
      const index = categories.indexOf(category as SVGGElement);
      if (NEXT_KEYS.has(event.key)) focusCategory(index + 1);
      else if (PREVIOUS_KEYS.has(event.key)) focusCategory(index - 1);
      else if (event.key === "Home") focusCategory(0);
      else if (event.key === "End") focusCategory(categories.length - 1);
      else if (event.key === "Escape") return hide();
      else return;
      event.preventDefault();
    };

    // A tap on a touch screen shows the category as a pointer over it does.
    figure.addEventListener("pointerdown", onPointerMove);
    figure.addEventListener("pointermove", onPointerMove);
    figure.addEventListener("pointerleave", onPointerLeave);
    figure.addEventListener("focusin", onFocusIn);
    figure.addEventListener("focusout", onFocusOut);
    figure.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDownElsewhere);
    figure.setAttribute("data-chart-interactive", "true");
    return () => {
      figure.removeEventListener("pointerdown", onPointerMove);
      figure.removeEventListener("pointermove", onPointerMove);
      figure.removeEventListener("pointerleave", onPointerLeave);
      figure.removeEventListener("focusin", onFocusIn);
      figure.removeEventListener("focusout", onFocusOut);
      figure.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDownElsewhere);
      figure.removeAttribute("data-chart-interactive");
      categories.forEach((category) => category.removeAttribute("tabindex"));
    };
  }, [locale, maximumFractionDigits]);

  return (
    <div ref={anchor} className={styles.tooltip} hidden={!tip} aria-hidden="true" style={tip?.place} data-chart-tooltip="">
      {tip && (
        <>
          <p className={styles.tooltipTitle}>{tip.title}</p>
          <ul>
            {tip.rows.map((row) => (
              <li key={row.key}>
                <svg width="10" height="10">
                  <rect width="10" height="10" fill={row.fill} />
                </svg>
                {row.name}: <strong>{row.value}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { formatWindowParam, type TimeWindow } from "@/lib/timeline/view-window";

const URL_DELAY_MS = 250;

/**
 * The timeline's visible window. Changes are applied at most once per
 * animation frame (wheel and drag fire far more often), and the address is
 * updated with history.replaceState a moment after the last change, without
 * a server round-trip. The filter form's hidden `view` field follows, so
 * applying filters keeps the zoom.
 */
export function useTimeWindow(initial: TimeWindow, domain: TimeWindow) {
  const [view, setView] = useState(initial);
  const pending = useRef<TimeWindow | null>(null);
  const frame = useRef<number | null>(null);
  /** The newest window, also between a scheduled change and its render. */
  const latest = useRef(view);
  useLayoutEffect(() => {
    latest.current = view;
  }, [view]);

  const scheduleView = useCallback((next: TimeWindow | ((current: TimeWindow) => TimeWindow)) => {
    const base = pending.current ?? latest.current;
    pending.current = typeof next === "function" ? next(base) : next;
    if (frame.current === null) {
      frame.current = requestAnimationFrame(() => {
        frame.current = null;
        if (pending.current) {
          latest.current = pending.current;
          setView(pending.current);
        }
        pending.current = null;
      });
    }
  }, []);

  useEffect(() => () => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
  }, []);

  useEffect(() => {
    const timer = window.setTimeout(() => {
      const whole = Math.abs(view.start - domain.start) < 60_000 && Math.abs(view.end - domain.end) < 60_000;
      const value = whole ? "" : formatWindowParam(view);
      // Written by hand so the address stays readable (":" and "~" need no escaping in a query).
      const params = new URLSearchParams(window.location.search);
      params.delete("view");
      const search = [params.toString(), value ? `view=${value}` : ""].filter(Boolean).join("&");
      const next = `${window.location.pathname}${search ? `?${search}` : ""}${window.location.hash}`;
      if (next !== `${window.location.pathname}${window.location.search}${window.location.hash}`) window.history.replaceState(null, "", next);
      for (const form of document.querySelectorAll<HTMLFormElement>('form[role="search"]')) {
        let field = form.querySelector<HTMLInputElement>('input[name="view"]');
        if (!field && value) {
          field = document.createElement("input");
          field.type = "hidden";
          field.name = "view";
          form.prepend(field);
        }
        if (field && value) field.value = value;
        else field?.remove();
      }
    }, URL_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [view, domain.start, domain.end]);

  return { view, scheduleView, latest };
}

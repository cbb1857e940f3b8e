"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { formatWindowParam, type TimeWindow } from "@/lib/timeline/view-window";

const URL_DELAY_MS = 250;

/**
 * The timeline's visible window. Changes are applied at most once per
 * animation frame (wheel and drag fire far more often), and the address is
 * updated with history.replaceState a moment after the last change, without
 * a server round-trip (and without `month`, which the window now replaces).
 * The filter form's hidden `view` field follows, so applying filters keeps the
 * zoom. Nothing is written until the window changes: an address with `month`
 * or `incident` stays as it was loaded.
 */
export function useTimeWindow(initial: TimeWindow, domain: TimeWindow) {
  const [view, setView] = useState(initial);
  const [changed, setChanged] = useState(false);
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
          setChanged(true);
        }
        pending.current = null;
      });
    }
  }, []);

  useEffect(() => () => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
  }, []);

  useEffect(() => {
    if (!changed) return;
    const timer = window.setTimeout(() => {
      const params = new URLSearchParams(window.location.search);
      // The whole period needs no parameter, unless `incident` would otherwise show that incident instead.
      const whole = Math.abs(view.start - domain.start) < 60_000 && Math.abs(view.end - domain.end) < 60_000 && !params.has("incident");
      const value = whole ? "" : formatWindowParam(view);
      // Written by hand so the address stays readable (":" and "~" need no escaping in a query).
      params.delete("view");
      params.delete("month");
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
  }, [view, changed, domain.start, domain.end]);

  return { view, scheduleView, latest };
}

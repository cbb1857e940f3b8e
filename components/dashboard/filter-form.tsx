"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * The filter bar's form (a GET form that works without JavaScript), with what
 * JavaScript adds to its popovers (`<details data-filter-popover>`):
 * - Escape closes the open popover and returns focus to its button; on a
 *   phone, with no popover open, it closes the expanded bar the same way;
 * - opening a popover closes the others;
 * - a click or a focus outside a popover closes it.
 */
export function FilterForm({ action, className, label, children }: { action: string; className?: string; label: string; children: ReactNode }) {
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const element = form.current;
    if (!element) return;
    const popovers = () => [...element.querySelectorAll<HTMLDetailsElement>("details[data-filter-popover]")];
    const onToggle = (event: Event) => {
      const opened = event.target;
      if (!(opened instanceof HTMLDetailsElement) || !opened.open || !opened.matches("[data-filter-popover]")) return;
      for (const other of popovers()) if (other !== opened) other.open = false;
    };
    const closeOutside = (event: Event) => {
      for (const popover of popovers()) if (popover.open && event.target instanceof Node && !popover.contains(event.target)) popover.open = false;
    };
    // `toggle` does not bubble: listen in the capture phase.
    element.addEventListener("toggle", onToggle, true);
    document.addEventListener("pointerdown", closeOutside);
    document.addEventListener("focusin", closeOutside);
    return () => {
      element.removeEventListener("toggle", onToggle, true);
      document.removeEventListener("pointerdown", closeOutside);
      document.removeEventListener("focusin", closeOutside);
    };
  }, []);

  const onKeyDown = (event: React.KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== "Escape" || !(event.target instanceof Element)) return;
    const popover = event.target.closest<HTMLDetailsElement>("details[data-filter-popover][open]");
    const bar = popover ? null : event.currentTarget.closest<HTMLDetailsElement>("details[open]");
    const closing = popover ?? bar;
    const summary = closing?.querySelector<HTMLElement>(":scope > summary");
    // The bar's own line is shown on phones only; elsewhere the bar cannot be closed.
    if (!closing || !summary || summary.getClientRects().length === 0) return;
    event.preventDefault();
    closing.open = false;
    summary.focus();
  };

  return (
    <form ref={form} method="get" action={action} className={className} role="search" aria-label={label} onKeyDown={onKeyDown}>
      {children}
    </form>
  );
}

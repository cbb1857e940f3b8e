"use client";

import { useEffect } from "react";
import { isEmbedPath } from "@/lib/security/embed-path";

/**
 * Inside a frame, a link to one of the tracker's pages (an incident, a
 * filtered list) must open in a new tab: those pages refuse to be framed.
 * Links that stay within the embed (a map region, a toggle) are left alone.
 * Listens in the capture phase, before Next.js's client-side navigation.
 * A click that ends a drag (the timeline marks its chart with
 * SUPPRESS_CLICK_ATTRIBUTE while dragging) opens nothing.
 */
export const SUPPRESS_CLICK_ATTRIBUTE = "data-suppress-click";

export function OpenLinksOutside() {
  useEffect(() => {
    function onClick(event: MouseEvent) {
      if (event.defaultPrevented || event.button !== 0) return;
      if ((event.target as Element | null)?.closest?.(`[${SUPPRESS_CLICK_ATTRIBUTE}]`)) return;
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank") return;
      const url = new URL(link.href, window.location.href);
      if (url.origin === window.location.origin && isEmbedPath(url.pathname)) return;
      event.preventDefault();
      event.stopPropagation();
      window.open(url.href, "_blank", "noopener");
    }
    window.addEventListener("click", onClick, true);
    return () => window.removeEventListener("click", onClick, true);
  }, []);
  return null;
}

"use client";

import { useEffect } from "react";

/** Posts the frame's height to the parent page whenever it changes, for auto-sizing iframes. */
export function EmbedHeightReporter() {
  useEffect(() => {
    if (window.parent === window) return;
    let last = -1;
    const post = () => {
      const height = Math.ceil(document.documentElement.scrollHeight);
      if (height === last) return;
      last = height;
      window.parent.postMessage({ type: "kst-embed-height", height }, "*");
    };
    const observer = new ResizeObserver(post);
    observer.observe(document.body);
    post();
    return () => observer.disconnect();
  }, []);
  return null;
}

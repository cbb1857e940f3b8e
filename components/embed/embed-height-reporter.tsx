"use client";

import { useEffect } from "react";

/**
 * Posts the frame's height to the parent page whenever it changes, for
 * auto-sizing iframes. The height is the content's (`[data-embed-content]`)
 * plus the frame's padding, not the document's: the frame fills at least the
 * iframe's viewport with its background, which would keep a frame from ever
 * getting smaller than it started.
 */
export function EmbedHeightReporter() {
  useEffect(() => {
    if (window.parent === window) return;
    const content = document.querySelector<HTMLElement>("[data-embed-content]");
    const frame = content?.parentElement;
    if (!content || !frame) return;
    let last = -1;
    const post = () => {
      const style = getComputedStyle(frame);
      const height = Math.ceil(content.getBoundingClientRect().height + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom));
      if (height === last) return;
      last = height;
      window.parent.postMessage({ type: "kst-embed-height", height }, "*");
    };
    const observer = new ResizeObserver(post);
    observer.observe(content);
    post();
    return () => observer.disconnect();
  }, []);
  return null;
}

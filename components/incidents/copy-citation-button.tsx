"use client";

import { useState, useSyncExternalStore } from "react";
import styles from "./citation.module.css";

const subscribeToNothing = () => () => {};

/**
 * Copies the text of the element `targetId` (a citation) to the clipboard.
 * Shown only once the page's JavaScript runs: without it the citations are
 * plain text on the page, to select and copy. When the clipboard is refused,
 * the citation is selected instead, for the reader to copy.
 */
export function CopyCitationButton({ targetId, label, copied, failed }: { targetId: string; label: string; copied: string; failed: string }) {
  // False in the server's HTML and while hydrating, true once the page's JavaScript runs.
  const ready = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  if (!ready) return null;

  const copy = async () => {
    const target = document.getElementById(targetId);
    if (!target) return;
    try {
      await navigator.clipboard.writeText(target.textContent ?? "");
      setStatus("copied");
    } catch {
      const range = document.createRange();
      range.selectNodeContents(target);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      setStatus("failed");
    }
  };

  return (
    <span className={styles.copy}>
      <button type="button" className="button button--secondary" onClick={() => void copy()} data-copy-citation={targetId}>
        {label}
      </button>
      <span role="status" className={styles.status}>
        {status === "copied" ? copied : status === "failed" ? failed : ""}
      </span>
    </span>
  );
}

import type { ReactNode } from "react";
import styles from "./embed.module.css";

/**
 * A chart's data table behind a toggle: a <details>, so it opens with the
 * keyboard (Enter or Space on its summary) and without JavaScript, and the
 * frame stays compact until a reader asks for the numbers.
 */
export function TableToggle({ label, children }: { label: string; children: ReactNode }) {
  return (
    <details className={styles.tableToggle} data-table-toggle="">
      <summary>{label}</summary>
      {children}
    </details>
  );
}

/** One line under an embedded chart: what it counts, in the reader's words. */
export function ChartNote({ children }: { children: ReactNode }) {
  return (
    <p className={styles.note} data-chart-note="">
      {children}
    </p>
  );
}

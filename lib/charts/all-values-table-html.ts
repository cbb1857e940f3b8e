import type { SignalPanelView } from "@/lib/charts/signal-chart-view";
import { escapeHtml } from "@/lib/html/escape-html";

/**
 * A measured panel's "all values" table (one row per bucket, one column per line) as one HTML
 * string. The page renders it with `dangerouslySetInnerHTML`: a month of hourly buckets is some
 * 750 rows, and as React elements each row would be rendered twice (HTML and React's payload,
 * which carries them into the page a second time) at a few milliseconds a hundred rows. As a
 * string it costs one concatenation and travels once more as one string (decision 0026).
 * Every text is escaped here; nothing in it runs.
 */
export function allValuesTableHtml({
  panel,
  caption,
  bucketHeading,
  gap,
  bucketStart,
  formatValue,
}: {
  panel: SignalPanelView;
  caption: string;
  bucketHeading: string;
  /** The cell of a bucket without a value. */
  gap: string;
  /** The row heading of a bucket (its start, formatted for the reader). */
  bucketStart: (at: string) => string;
  formatValue: (value: number) => string;
}): string {
  const head = panel.lines.map((line) => `<th scope="col">${escapeHtml(line.label)}</th>`).join("");
  const gapCell = `<td>${escapeHtml(gap)}</td>`;
  const rows = (panel.lines[0]?.points ?? []).map((point, index) => {
    const cells = panel.lines.map((line) => {
      const value = line.points[index]?.value ?? null;
      return value === null ? gapCell : `<td>${escapeHtml(formatValue(value))}</td>`;
    });
    return `<tr><th scope="row">${escapeHtml(bucketStart(point.at))}</th>${cells.join("")}</tr>`;
  });
  return (
    `<table class="data-table data-table--numeric"><caption class="visually-hidden">${escapeHtml(caption)}</caption>` +
    `<thead><tr><th scope="col">${escapeHtml(bucketHeading)}</th>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`
  );
}

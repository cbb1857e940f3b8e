"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { TimelineItem } from "@/lib/timeline/items";
import styles from "./interactive-timeline.module.css";

const PAGE = 50;

/**
 * The chart's data table: the incidents in the visible window, in time
 * order, with the same periods, types and operators as the bars. Long lists
 * show 50 rows at a time.
 */
export function TimelineList({
  items,
  indexes,
  periodOf,
  operatorsOf,
  hrefOf,
}: {
  items: TimelineItem[];
  indexes: number[];
  periodOf: (item: TimelineItem) => string;
  operatorsOf: (item: TimelineItem) => string;
  hrefOf: (item: TimelineItem) => string;
}) {
  const t = useTranslations("timelineView.list");
  const types = useTranslations("enums.DisruptionType");
  const [shown, setShown] = useState(PAGE);
  const rows = indexes.slice(0, shown);
  return (
    <section className={styles.list} aria-labelledby="timeline-list-heading">
      <h2 id="timeline-list-heading">{t("heading")}</h2>
      {indexes.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="timeline-list-heading" tabIndex={0}>
          <table className="data-table" data-timeline-list="" data-chart-table="timeline">
            <caption>{t("caption", { count: indexes.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("incident")}</th>
                <th scope="col">{t("type")}</th>
                <th scope="col">{t("period")}</th>
                <th scope="col">{t("operators")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((index) => {
                const item = items[index]!;
                return (
                  <tr key={item.slug} data-slug={item.slug} data-chart-cell={item.slug}>
                    <th scope="row">
                      <a href={hrefOf(item)}>{item.title}</a>
                    </th>
                    <td>{types(item.type)}</td>
                    <td>{periodOf(item)}</td>
                    <td>{operatorsOf(item) || "—"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {indexes.length > shown && (
        <button type="button" className={`button button--secondary ${styles.more}`} onClick={() => setShown((count) => count + PAGE)}>
          {t("more", { count: Math.min(PAGE, indexes.length - shown) })}
        </button>
      )}
    </section>
  );
}

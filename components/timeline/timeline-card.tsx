"use client";

import { useTranslations } from "next-intl";
import type { TimelineItem } from "@/lib/timeline/items";
import styles from "./interactive-timeline.module.css";

/** The summary card shown for the incident under the pointer or with focus. */
export function TimelineCard({
  item,
  period,
  operators,
  href,
  left,
  top,
  onPointerLeave,
}: {
  item: TimelineItem;
  period: string;
  operators: string;
  href: string;
  left: number;
  top: number;
  onPointerLeave: (event: React.PointerEvent) => void;
}) {
  const t = useTranslations("timelineView.card");
  const types = useTranslations("enums.DisruptionType");
  return (
    <div className={styles.card} data-type={item.type} style={{ left, top }} data-timeline-card="" onPointerLeave={onPointerLeave}>
      <p className={styles.cardTitle}>{item.title}</p>
      <dl className={styles.cardFacts}>
        <dt>{t("type")}</dt>
        <dd>{types(item.type)}</dd>
        <dt>{t("period")}</dt>
        <dd>{period}</dd>
        <dt>{t("operators")}</dt>
        <dd>{operators || "—"}</dd>
        <dt>{t("phases")}</dt>
        <dd>{item.phases.length}</dd>
      </dl>
      <a href={href} tabIndex={-1}>
        {t("open")}
      </a>
    </div>
  );
}

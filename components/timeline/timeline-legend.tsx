import { useTranslations } from "next-intl";
import { DISRUPTION_SEVERITY } from "@/lib/incidents/disruption-hours";
import type { DisruptionType, PhaseExtent } from "@/lib/generated/prisma/enums";
import styles from "./interactive-timeline.module.css";
import { LegendSwatch } from "./timeline-shapes";

/** What the colours, patterns and fades mean; only what the chart shows. */
export function TimelineLegend({ prefix, types, extents, ongoing }: { prefix: string; types: DisruptionType[]; extents: PhaseExtent[]; ongoing: boolean }) {
  const t = useTranslations("timelineView.legend");
  const typeLabels = useTranslations("enums.DisruptionType");
  const extentKeys = { FULL: "full", PARTIAL: "partial", INTERMITTENT: "intermittent" } as const;
  return (
    <ul className={styles.legend} aria-label={t("label")}>
      {DISRUPTION_SEVERITY.filter((type) => types.includes(type)).map((type) => (
        <li key={type} data-chart-legend-item="">
          <LegendSwatch prefix={prefix} type={type} />
          {typeLabels(type)}
        </li>
      ))}
      {(["FULL", "PARTIAL", "INTERMITTENT"] as const)
        .filter((extent) => extents.includes(extent))
        .map((extent) => (
          <li key={extent} data-chart-legend-item="">
            <LegendSwatch prefix={prefix} extent={extent} />
            {t(extentKeys[extent])}
          </li>
        ))}
      {ongoing && (
        <li data-chart-legend-item="">
          <LegendSwatch prefix={prefix} openEnd />
          {t("ongoing")}
        </li>
      )}
    </ul>
  );
}

import { useTranslations } from "next-intl";
import { DISRUPTION_SEVERITY } from "@/lib/incidents/disruption-hours";
import type { DisruptionType, PhaseExtent } from "@/lib/generated/prisma/enums";
import type { EndDrawing } from "@/lib/timeline/items";
import styles from "./interactive-timeline.module.css";
import { LegendSwatch } from "./timeline-shapes";

const END_KEYS = { ongoing: "ongoing", last_report: "lastReport", not_counted: "notCounted" } as const;

/** What the colours, patterns, outlines and fades mean; only what the chart shows, each swatch drawn like its bars. */
export function TimelineLegend({
  prefix,
  types,
  extents,
  ends,
  regional,
}: {
  prefix: string;
  types: DisruptionType[];
  extents: PhaseExtent[];
  ends: EndDrawing[];
  regional: boolean;
}) {
  const t = useTranslations("timelineView.legend");
  const typeLabels = useTranslations("enums.DisruptionType");
  const extentKeys = { FULL: "full", PARTIAL: "partial", INTERMITTENT: "intermittent" } as const;
  return (
    <ul className={styles.legend} aria-label={t("label")} data-timeline-legend="">
      {DISRUPTION_SEVERITY.filter((type) => types.includes(type)).map((type) => (
        <li key={type} data-chart-legend-item="">
          <LegendSwatch prefix={prefix} id={type} type={type} />
          {typeLabels(type)}
        </li>
      ))}
      {(["FULL", "PARTIAL", "INTERMITTENT"] as const)
        .filter((extent) => extents.includes(extent))
        .map((extent) => (
          <li key={extent} data-chart-legend-item="">
            <LegendSwatch prefix={prefix} id={extent} extent={extent} />
            {t(extentKeys[extent])}
          </li>
        ))}
      {regional && (
        <li data-chart-legend-item="" data-legend="regional">
          <LegendSwatch prefix={prefix} id="regional" regional />
          {t("regional")}
        </li>
      )}
      {(["ongoing", "last_report", "not_counted"] as const)
        .filter((end) => ends.includes(end))
        .map((end) => (
          <li key={end} data-chart-legend-item="" data-legend={end}>
            <LegendSwatch prefix={prefix} id={end} end={end} />
            {t(END_KEYS[end])}
          </li>
        ))}
    </ul>
  );
}

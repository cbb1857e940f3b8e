import { getLocale, getTranslations } from "next-intl/server";
import type { DisruptionType } from "@/lib/generated/prisma/enums";
import { niceCeiling } from "@/lib/charts/bar-chart-layout";
import { MEASURES, type Measure } from "@/lib/incidents/disruption-hours";
import { BarChartSvg } from "./bar-chart-svg";
import { TypePatternDefs } from "./chart-patterns";

/** Each measure drawn in the colour and texture of the type that stands for it. */
export const MEASURE_STYLE: Record<Measure, DisruptionType> = {
  full_blackout: "FULL_BLACKOUT",
  partial_disruption: "THROTTLING",
  service_blocking: "SERVICE_BLOCKING",
};

/** Full blackout and partial disruption stack into one bar (hours with any network disruption); service blocking stands beside it. */
const MEASURE_STACK: Record<Measure, string> = {
  full_blackout: "network",
  partial_disruption: "network",
  service_blocking: "service",
};

/** A month or a year (`key`: "2022-01", "2022", the data table's too), its label and hours per measure. */
export type HoursChartRow = { key: string; label: string; hours: Record<Measure, number> };

/**
 * One operator's curated hours per month or year: full blackout and partial
 * or regional disruption stacked in one bar (together: hours with any
 * network disruption), and service and website blocking as a bar of its own
 * beside it, never stacked onto them. `maxHours` fixes the y-axis so that
 * several operators' charts share one scale. Drawn on the server (SVG); the
 * page renders the same numbers as a table and a sentence.
 */
export async function OperatorHoursChart({
  rows,
  maxHours,
  label,
  compact = false,
}: {
  rows: HoursChartRow[];
  maxHours: number;
  label: string;
  compact?: boolean;
}) {
  const [names, axis, locale] = await Promise.all([getTranslations("measures.names"), getTranslations("ispsView.axis"), getLocale()]);
  return (
    <BarChartSvg
      label={label}
      chart="hours"
      categories={rows.map((row) => ({ key: row.key, label: row.label, values: row.hours }))}
      series={MEASURES.map((measure) => ({
        key: measure,
        name: names(measure),
        stack: MEASURE_STACK[measure],
        fill: { pattern: MEASURE_STYLE[measure] },
        outlined: true,
      }))}
      top={niceCeiling(maxHours)}
      axisTitle={axis("hours")}
      compact={compact}
      locale={locale}
      maximumFractionDigits={1}
      defs={(prefix) => <TypePatternDefs prefix={prefix} types={Object.values(MEASURE_STYLE)} />}
    />
  );
}

import { getLocale, getTranslations } from "next-intl/server";
import { DisruptionType } from "@/lib/generated/prisma/enums";
import type { IncidentsInYear } from "@/lib/server/incidents/count-published-incidents-by-year";
import { niceCeiling } from "@/lib/charts/bar-chart-layout";
import { TYPE_COLOURS } from "@/lib/charts/type-colours";
import { BarChartSvg } from "./bar-chart-svg";

/**
 * Stacked bars of incidents per year by type, drawn on the server (SVG); the
 * same numbers are in the table the page renders next to it, which screen
 * readers and copy-paste use.
 */
export async function IncidentsPerYearChart({ data, label }: { data: IncidentsInYear[]; label: string }) {
  const [t, locale] = await Promise.all([getTranslations("enums.DisruptionType"), getLocale()]);
  const types = Object.values(DisruptionType).filter((type) => data.some((year) => (year.byType[type] ?? 0) > 0));
  return (
    <BarChartSvg
      label={label}
      chart="per-year"
      categories={data.map((year) => ({ key: String(year.year), label: String(year.year), values: Object.fromEntries(types.map((type) => [type, year.byType[type] ?? 0])) }))}
      series={types.map((type) => ({ key: type, name: t(type), stack: "year", fill: TYPE_COLOURS[type] }))}
      top={niceCeiling(Math.max(0, ...data.map((year) => types.reduce((sum, type) => sum + (year.byType[type] ?? 0), 0))))}
      integers
      locale={locale}
      maximumFractionDigits={0}
    />
  );
}

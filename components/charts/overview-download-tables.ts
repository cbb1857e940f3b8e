import { getTranslations } from "next-intl/server";
import type { ChartDownloadTable } from "@/components/charts/chart-downloads";
import { DisruptionType } from "@/lib/generated/prisma/enums";
import type { IncidentsInYear } from "@/lib/server/incidents/count-published-incidents-by-year";
import { KAZAKHSTAN_TIME_ZONE } from "@/lib/time/format";
import { CURATED_SOURCES } from "@/lib/credits/data-credits";

/** The overview's incidents-per-year chart as a download: a row per year, a column per type drawn, and the total. */
export async function incidentsPerYearTable(perYear: IncidentsInYear[], title: string, today: string): Promise<ChartDownloadTable> {
  const t = await getTranslations("chartDownloads");
  const typeNames = await getTranslations("enums.DisruptionType");
  const types = Object.values(DisruptionType).filter((type) => perYear.some((year) => (year.byType[type] ?? 0) > 0));
  return {
    title,
    period: { from: `${perYear[0]?.year ?? today.slice(0, 4)}-01-01`, to: today, timeZone: KAZAKHSTAN_TIME_ZONE },
    source: t("source.incidents"),
    sources: [...CURATED_SOURCES],
    columns: [
      { key: "year", label: t("columns.year"), description: t("columns.year") },
      ...types.map((type) => ({ key: type, label: typeNames(type), description: t("columns.incidentsOfType", { type: typeNames(type) }), unit: "incidents" })),
      { key: "total", label: t("columns.yearTotal"), description: t("columns.yearTotal"), unit: "incidents" },
    ],
    rows: perYear.map((year) => ({ year: year.year, ...Object.fromEntries(types.map((type) => [type, year.byType[type] ?? 0])), total: year.total })),
  };
}

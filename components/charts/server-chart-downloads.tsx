import { getLocale, getTranslations } from "next-intl/server";
import type { ComponentProps } from "react";
import type { ChartTable } from "@/lib/charts/export/table";
import type { CreditTranslator } from "@/lib/credits/data-credits";
import { chartDownloadTexts, type ChartDownloadTexts } from "./chart-download-texts";
import { ChartDownloads } from "./chart-downloads";

/** A chart's download texts, formatted on the server. */
export async function getChartDownloadTexts(table: Pick<ChartTable, "title" | "period" | "source" | "sources">): Promise<ChartDownloadTexts> {
  const [locale, t, credits] = await Promise.all([getLocale(), getTranslations("chartDownloads"), getTranslations("dataCredits")]);
  return chartDownloadTexts(table, locale, (key, values) => t(key as never, values as never), credits as unknown as CreditTranslator);
}

/** The download menu of a chart a server component draws: its words formatted here. */
export async function ServerChartDownloads(props: Omit<ComponentProps<typeof ChartDownloads>, "text">) {
  return <ChartDownloads {...props} text={await getChartDownloadTexts(props.table)} />;
}

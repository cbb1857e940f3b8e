"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import type { CreditTranslator } from "@/lib/credits/data-credits";
import { chartDownloadTexts } from "./chart-download-texts";
import { ChartDownloads } from "./chart-downloads";

/**
 * The download menu of a chart a client component draws (the timeline's, the map's): its words
 * formatted in the browser, from the messages those pages hand their client components.
 */
export function ClientChartDownloads(props: Omit<ComponentProps<typeof ChartDownloads>, "text">) {
  const locale = useLocale();
  const t = useTranslations("chartDownloads");
  const credits = useTranslations("dataCredits") as unknown as CreditTranslator;
  return <ChartDownloads {...props} text={chartDownloadTexts(props.table, locale, (key, values) => t(key as never, values as never), credits)} />;
}

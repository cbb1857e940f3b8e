import { getTranslations } from "next-intl/server";
import { incidentListDownloadHref } from "@/lib/schemas/incident-list-download";
import type { IncidentFilters } from "@/lib/schemas/incident-filters";
import styles from "./incident-list-downloads.module.css";

/**
 * "Download this list: CSV · JSON" under the incident list's count: every
 * incident matching the current filters (all pages), in the page's language.
 * Plain links: they work without JavaScript.
 */
export async function IncidentListDownloads({ filters, locale, count }: { filters: IncidentFilters; locale: string; count: number }) {
  const t = await getTranslations("incidentListDownloads");
  return (
    <p className={styles.listDownloads} data-testid="incident-list-downloads">
      {t("label")}:{" "}
      <a href={incidentListDownloadHref(filters, locale, "csv")} aria-label={t("csvLabel", { count })} data-format="csv">
        {t("csv")}
      </a>
      {" · "}
      <a href={incidentListDownloadHref(filters, locale, "json")} aria-label={t("jsonLabel", { count })} data-format="json">
        {t("json")}
      </a>
      <span className={styles.listDownloadsNote}> {t("note")}</span>
    </p>
  );
}

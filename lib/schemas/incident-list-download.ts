import { z } from "zod";
import { ZLang } from "@/lib/schemas/api/common";
import { filtersToSearchParams, periodInOrder, ZIncidentFilterParams, type IncidentFilters } from "@/lib/schemas/incident-filters";
import { paramsOf, viewParams } from "@/lib/schemas/url-state";

/**
 * The download of the public incident list (GET /api/export/incidents): the
 * list's own filters, under the list page's names and read the same way
 * (lib/schemas/incident-filters.ts), but strictly (an unknown parameter or a
 * value the list would ignore is a 400 naming it, so a file never silently holds
 * more than was asked for), plus the language and the format. Every matching
 * incident, not one page.
 */
export const INCIDENT_LIST_DOWNLOAD_FORMATS = ["csv", "json"] as const;
export type IncidentListDownloadFormat = (typeof INCIDENT_LIST_DOWNLOAD_FORMATS)[number];

/** The list's filters, without its page and time zone, which do not change the rows. */
const LIST_FILTERS = ZIncidentFilterParams.omit({ tz: true, page: true }).shape;

export const ZIncidentListDownloadParams = viewParams(
  {
    ...LIST_FILTERS,
    lang: ZLang,
    format: z.enum(INCIDENT_LIST_DOWNLOAD_FORMATS).default("csv"),
  },
  [periodInOrder],
);

/** Every parameter the download reads; any other is refused (400). */
export const INCIDENT_LIST_DOWNLOAD_PARAMS = paramsOf(ZIncidentListDownloadParams);

export const INCIDENT_LIST_DOWNLOAD_PATH = "/api/export/incidents";

/** The download link of a list: its filters (not its page or time zone, which do not change the rows), its language, the format. */
export function incidentListDownloadHref(filters: IncidentFilters, locale: string, format: IncidentListDownloadFormat): string {
  const query = filtersToSearchParams({ ...filters, page: 1, zone: "local" });
  query.set("lang", locale === "ru" ? "ru" : "en");
  query.set("format", format);
  return `${INCIDENT_LIST_DOWNLOAD_PATH}?${query.toString()}`;
}

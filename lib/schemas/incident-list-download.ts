import { filtersToQuery, type IncidentFilters } from "@/lib/schemas/incident-filters";

/**
 * The download of the public incident list (GET /api/export/incidents): the
 * list's own filters, read as the list page reads them (parseIncidentFilters),
 * plus the language and the format. Every matching incident, not one page.
 */
export const INCIDENT_LIST_DOWNLOAD_FORMATS = ["csv", "json"] as const;
export type IncidentListDownloadFormat = (typeof INCIDENT_LIST_DOWNLOAD_FORMATS)[number];

/** The list's filters, as /incidents names them (repeatable: year, operator, region, type, service, cause). */
export const INCIDENT_LIST_FILTER_PARAMS = ["year", "from", "to", "operator", "region", "type", "service", "cause", "status"] as const;

/** Every parameter the download reads; any other is refused (400). */
export const INCIDENT_LIST_DOWNLOAD_PARAMS = [...INCIDENT_LIST_FILTER_PARAMS, "lang", "format"] as const;

export const INCIDENT_LIST_DOWNLOAD_PATH = "/api/export/incidents";

/** The download link of a list: its filters (not its page or time zone, which do not change the rows), its language, the format. */
export function incidentListDownloadHref(filters: IncidentFilters, locale: string, format: IncidentListDownloadFormat): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filtersToQuery({ ...filters, page: 1, zone: "local" }))) {
    for (const entry of Array.isArray(value) ? value : [value]) query.append(name, entry);
  }
  query.set("lang", locale === "ru" ? "ru" : "en");
  query.set("format", format);
  return `${INCIDENT_LIST_DOWNLOAD_PATH}?${query.toString()}`;
}

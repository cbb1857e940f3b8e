import { createTranslator } from "next-intl";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { csvResponse } from "@/lib/api/csv";
import { apiGet, apiOptions } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/problem";
import { TRACKER_LICENCE } from "@/lib/credits/data-credits";
import { MESSAGES } from "@/lib/i18n/messages";
import { filtersOf, filtersToQuery, filtersToSearchParams, knownFilterValues } from "@/lib/schemas/incident-filters";
import { ZIncidentListDownloadParams } from "@/lib/schemas/incident-list-download";
import { exportPublishedIncidents } from "@/lib/server/incidents/export-published-incidents";
import { listOperators } from "@/lib/server/operators/list-operators";
import { listRegions } from "@/lib/server/regions/list-regions";
import { requestOrigin } from "@/lib/site-url";

export const dynamic = "force-dynamic";

const COLUMNS = [
  "slug",
  "title",
  "starts_at",
  "ends_at",
  "end_status",
  "last_checked_on",
  "last_reported_on",
  "scope",
  "type",
  "types",
  "services",
  "cause",
  "verification",
  "operators",
  "regions",
  "phase_count",
  "source_count",
  "url",
] as const;

/**
 * GET /api/export/incidents: the public incident list as a file, every
 * incident matching its filters (all pages), as CSV (the API's columns plus
 * each incident's address) or JSON (the same rows with the filters, the
 * list's address, the licence and when it was made). The filters are the
 * list page's parameters, read the same way; an unknown parameter or a value
 * the list would ignore is a 400 naming it, so a file never silently holds
 * more than was asked for.
 */
export const GET = apiGet(async (request: Request) => {
  const [operators, regions] = await Promise.all([listOperators({ caller: ANONYMOUS }), listRegions({ caller: ANONYMOUS, locale: "en" })]);
  const known = knownFilterValues({ operators: operators.map((entry) => entry.slug), regions: regions.map((entry) => entry.slug) });
  const { lang: locale, format, ...params } = parseQuery(ZIncidentListDownloadParams, new URL(request.url), { allowed: known });
  const filters = filtersOf(params);

  const incidents = await exportPublishedIncidents({ caller: ANONYMOUS, filters, locale });
  const origin = requestOrigin(request);
  const prefix = locale === "en" ? "" : `/${locale}`;
  const rows = incidents.map((incident) => ({ ...incident, url: `${origin}${prefix}/incidents/${incident.slug}` }));
  const day = new Date().toISOString().slice(0, 10);

  if (format === "csv") {
    // Lists (types, services, operators, regions) as space-separated values, as the API's CSV writes them.
    const cells = rows.map((row) => COLUMNS.map((column) => (Array.isArray(row[column]) ? (row[column] as string[]).join(" ") : (row[column] as string | number | null))));
    return csvResponse(`kst-incidents-${day}`, [...COLUMNS], cells);
  }

  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "incidentListDownloads" });
  const listQuery = filtersToSearchParams({ ...filters, page: 1, zone: "local" });
  const body = {
    title: t("title"),
    url: `${origin}${prefix}/incidents${listQuery.size > 0 ? `?${listQuery.toString()}` : ""}`,
    generated_at: new Date().toISOString(),
    filters: filtersToQuery({ ...filters, page: 1, zone: "local" }),
    licence: { name: TRACKER_LICENCE.name, url: TRACKER_LICENCE.url },
    count: rows.length,
    data: rows,
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": `attachment; filename="kst-incidents-${day}.json"` },
  });
});

export const OPTIONS = apiOptions;

import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { PUBLIC_CACHE_CONTROL } from "@/lib/http/cache-policy";
import { parseIncidentFilters } from "@/lib/schemas/incident-filters";
import { incidentListDownloadHref } from "@/lib/schemas/incident-list-download";
import { exportPublishedIncidents } from "@/lib/server/incidents/export-published-incidents";
import { listPublishedIncidents } from "@/lib/server/incidents/list-published-incidents";
import { createTestIncident } from "@/lib/testing/factories";
import { seedReferenceData } from "@/prisma/seed";
import { GET } from "./route";

/**
 * The public incident list's download against a real database: five
 * published incidents in 2062 (a year no other test uses) and a draft. The
 * file holds what the list shows for the same filters, across all its pages.
 */
const YEAR = "year=2062";
const COLUMNS = [
  "slug", "title", "starts_at", "ends_at", "end_status", "last_checked_on", "last_reported_on", "scope", "type", "types", "services", "cause", "verification", "operators", "regions", "phase_count", "source_count", "url",
] as const;

let ipCounter = 0;
const get = (query: string, headers: Record<string, string> = {}) =>
  GET(new Request(`http://localhost/api/export/incidents?${query}`, { headers: { "x-forwarded-for": `192.0.2.${++ipCounter}`, ...headers } }), undefined);

type CsvRow = Record<(typeof COLUMNS)[number], string>;
const csvRows = async (response: Response) => parse(await response.text(), { columns: true }) as CsvRow[];

const known = async () => ({
  operators: (await getDb().operator.findMany({ select: { slug: true } })).map((entry) => entry.slug),
  regions: (await getDb().region.findMany({ select: { slug: true } })).map((entry) => entry.slug),
});

beforeAll(async () => {
  await seedReferenceData(getDb());
  const incidents = [
    { startsAt: "2062-01-10T06:00:00Z", operators: ["kcell"], type: "THROTTLING" as const, title: "=HYPERLINK(\"http://evil.example\")" },
    { startsAt: "2062-02-10T06:00:00Z", operators: ["beeline"], translations: { ru: { title: "Отключение в феврале" } } },
    { startsAt: "2062-03-10T06:00:00Z", operators: ["kcell", "beeline"] },
    { startsAt: "2062-04-10T06:00:00Z", scope: "REGIONAL" as const, regions: ["almaty-city"] },
    { startsAt: "2062-05-10T06:00:00Z", cause: "ELECTION" as const },
  ];
  for (const overrides of incidents) await createTestIncident(overrides as Parameters<typeof createTestIncident>[0]);
  await createTestIncident({ startsAt: "2062-06-10T06:00:00Z", status: "DRAFT" });
}, 120_000);

describe("GET /api/export/incidents", () => {
  it("CSV: every published incident the list shows for the filters, newest first, with the API's columns and each incident's address", async () => {
    const response = await get(`${YEAR}&format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="kst-incidents-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get("cache-control")).toBe(PUBLIC_CACHE_CONTROL);
    const rows = await csvRows(response);
    const { filters } = parseIncidentFilters({ year: "2062" }, await known());
    const listed = await listPublishedIncidents({ caller: ANONYMOUS, filters, locale: "en", pageSize: "all" });
    expect(rows.map((row) => row.slug)).toEqual(listed.incidents.map((incident) => incident.slug));
    expect(rows).toHaveLength(5);
    expect(Object.keys(rows[0]!)).toEqual([...COLUMNS]);
    expect(rows.every((row) => row.url === `http://localhost/incidents/${row.slug}`)).toBe(true);
    // A title a spreadsheet would run is written as text.
    expect(rows.at(-1)!.title).toBe("'=HYPERLINK(\"http://evil.example\")");
    expect(rows.find((row) => row.starts_at.startsWith("2062-03"))!.operators).toBe("beeline kcell");
  });

  it("respects the list's filters as the list reads them (any case for types and causes)", async () => {
    const kcell = await csvRows(await get(`${YEAR}&operator=kcell&format=csv`));
    expect(kcell.map((row) => row.starts_at.slice(0, 7))).toEqual(["2062-03", "2062-01"]);
    const throttling = await csvRows(await get(`${YEAR}&type=throttling&format=csv`));
    expect(throttling.map((row) => row.type)).toEqual(["THROTTLING"]);
    const period = await csvRows(await get("from=2062-02-01&to=2062-04-30&cause=unrest&format=csv"));
    expect(period.map((row) => row.starts_at.slice(0, 7))).toEqual(["2062-04", "2062-03", "2062-02"]);
  });

  it("JSON: the same rows with the filters, the list's address, the count and the licence; in Russian with lang=ru", async () => {
    const response = await get(`${YEAR}&operator=beeline&format=json&lang=ru`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = await response.json();
    expect(body.count).toBe(2);
    expect(body.filters).toEqual({ year: ["2062"], operator: ["beeline"] });
    expect(body.url).toBe("http://localhost/ru/incidents?year=2062&operator=beeline");
    expect(body.licence.name).toMatch(/^CC BY/);
    expect(body.title).toBe("Инциденты, записанные трекером отключений интернета в Казахстане");
    expect(body.data.map((row: { title: string }) => row.title)).toContain("Отключение в феврале");
    expect(body.data.every((row: { url: string; slug: string }) => row.url === `http://localhost/ru/incidents/${row.slug}`)).toBe(true);
  });

  it("builds the incident addresses from the site's own origin, never from forwarded headers", async () => {
    const rows = await csvRows(await get(`${YEAR}&format=csv`, { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }));
    expect(rows.every((row) => row.url.startsWith("http://localhost/incidents/"))).toBe(true);
  });

  it("refuses unknown parameters and values the list would ignore with a 400 naming them, never cached", async () => {
    for (const [query, name] of [
      ["page=2", "page"],
      ["tz=utc", "tz"],
      ["year=abc", "year"],
      ["operator=nobody", "operator"],
      ["type=OUTAGE", "type"],
      ["from=2062-13-01", "from"],
      ["format=xml", "format"],
      ["format=csv&format=json", "format"],
      ["lang=kk", "lang"],
    ] as const) {
      const response = await get(query);
      expect(response.status, query).toBe(400);
      expect(response.headers.get("content-type"), query).toBe("application/problem+json");
      expect(response.headers.get("cache-control"), query).toBe("no-store");
      const body = await response.json();
      expect(body.invalid_params.map((param: { name: string }) => param.name), query).toEqual([name]);
    }
  });

  it("walks every page of the list: the same rows whatever the page size", async () => {
    const { filters } = parseIncidentFilters({ year: "2062" }, await known());
    const whole = await exportPublishedIncidents({ caller: ANONYMOUS, filters, locale: "en" });
    const inTwos = await exportPublishedIncidents({ caller: ANONYMOUS, filters, locale: "en", chunk: 2 });
    expect(inTwos.map((row) => row.slug)).toEqual(whole.map((row) => row.slug));
    expect(inTwos).toHaveLength(5);
  });

  it("the list page's link carries its filters, not its page or time zone", async () => {
    const { filters } = parseIncidentFilters({ year: "2062", operator: ["kcell", "beeline"], type: "throttling", page: "3", tz: "utc" }, await known());
    expect(incidentListDownloadHref(filters, "ru", "csv")).toBe("/api/export/incidents?year=2062&operator=kcell&operator=beeline&type=THROTTLING&lang=ru&format=csv");
    const rows = await csvRows(await get(incidentListDownloadHref(filters, "en", "csv").split("?")[1]!));
    expect(rows.map((row) => row.type)).toEqual(["THROTTLING"]);
  });
});

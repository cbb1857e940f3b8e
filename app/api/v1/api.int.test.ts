import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { getDb } from "@/lib/db/client";
import { closeChartCache } from "@/lib/server/cache/chart-cache";
import { createTestIncident } from "@/lib/testing/factories";
import { seedReferenceData } from "@/prisma/seed";
import { GET as getIncident } from "./incidents/[slug]/route";
import { GET as listIncidents, OPTIONS as incidentsOptions } from "./incidents/route";
import { GET as getOpenApi } from "./openapi.json/route";
import { GET as listOperators } from "./operators/route";
import { GET as listRegions } from "./regions/route";
import { GET as getSeries } from "./series/route";
import { PUBLIC_CACHE_CONTROL } from "@/lib/http/cache-policy";

/**
 * Contract tests of /api/v1: every answer is checked against the OpenAPI
 * document the API serves. The incidents here are dated 2061, a year no other
 * test uses, and every list query filters on it.
 */

const document = buildOpenApiDocument();
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(document, "openapi");

const pointer = (...parts: string[]) => parts.map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

/** Checks a body against the document's schema for the path's answer with this status. */
function expectMatchesDocument(path: string, status: number, body: unknown) {
  const contentType = status === 200 ? "application/json" : "application/problem+json";
  const validate = ajv.compile({ $ref: `openapi#/${pointer("paths", path, "get", "responses", String(status), "content", contentType, "schema")}` });
  const valid = validate(body);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

let ipCounter = 0;
/** A request from an address of its own, so the rate limit of one test never reaches another. */
function request(pathAndQuery: string, ip = `203.0.113.${++ipCounter}`): Request {
  return new Request(`http://localhost${pathAndQuery}`, { headers: { "x-forwarded-for": ip } });
}

const YEAR_QUERY = "from=2061-01-01&to=2061-12-31";
const slugs: string[] = [];

beforeAll(async () => {
  await seedReferenceData(getDb());
  // Seven incidents, two of them starting at the same instant (the cursor's tie-break on id).
  const starts = ["2061-01-10", "2061-02-10", "2061-03-10", "2061-03-10", "2061-04-10", "2061-05-10", "2061-06-10"];
  for (const [index, day] of starts.entries()) {
    const incident = await createTestIncident({
      startsAt: `${day}T06:00:00Z`,
      operators: index === 0 ? ["kcell"] : [],
      type: index === 0 ? "THROTTLING" : "FULL_BLACKOUT",
      title: index === 1 ? "=HYPERLINK(\"http://evil.example\")" : "Nationwide internet blackout",
    });
    slugs.push(incident.slug);
  }
  await createTestIncident({ startsAt: "2061-07-01T06:00:00Z", status: "DRAFT" });
  const series = await getDb().series.create({
    data: { source: "IODA", signal: "bgp", entityType: "ASN", entityCode: "9198", asn: 9198, stepSeconds: 3600, unit: "count" },
  });
  await getDb().seriesPoint.createMany({
    data: Array.from({ length: 48 }, (_, hour) => ({ seriesId: series.id, at: new Date(Date.UTC(2061, 1, 1, hour)), value: 100 + hour })),
  });
});

afterAll(async () => {
  await closeChartCache();
  delete process.env.API_RATE_LIMIT_PER_MINUTE;
});

describe("GET /api/v1/incidents", () => {
  it("answers published incidents matching the document, with CORS, rate-limit and cache headers", async () => {
    const response = await listIncidents(request(`/api/v1/incidents?${YEAR_QUERY}`), undefined);
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toBe(PUBLIC_CACHE_CONTROL);
    expect(response.headers.get("ratelimit-limit")).toBe("120");
    expect(response.headers.get("ratelimit-remaining")).toBe("119");
    expect(Number(response.headers.get("ratelimit-reset"))).toBeGreaterThan(0);
    expect(response.headers.get("ratelimit-policy")).toBe("120;w=60");
    const body = await response.json();
    expectMatchesDocument("/api/v1/incidents", 200, body);
    expect(body.data.map((incident: { slug: string }) => incident.slug).sort()).toEqual([...slugs].sort());
    expect(body.next_cursor).toBeNull();
  });

  it("walks every page with the cursor, newest first, without repeats or gaps", async () => {
    const seen: string[] = [];
    const starts: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `${YEAR_QUERY}&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const body = await (await listIncidents(request(`/api/v1/incidents?${query}`), undefined)).json();
      expectMatchesDocument("/api/v1/incidents", 200, body);
      expect(body.data.length).toBeLessThanOrEqual(2);
      seen.push(...body.data.map((incident: { slug: string }) => incident.slug));
      starts.push(...body.data.map((incident: { starts_at: string }) => incident.starts_at));
      cursor = body.next_cursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...slugs].sort());
    expect([...starts].sort().reverse()).toEqual(starts);
  });

  it("filters like the site's views", async () => {
    const body = await (await listIncidents(request(`/api/v1/incidents?${YEAR_QUERY}&operator=kcell&type=THROTTLING`), undefined)).json();
    expect(body.data.map((incident: { slug: string }) => incident.slug)).toEqual([slugs[0]]);
    expect(body.data[0].operators).toEqual(["kcell"]);
  });

  it("refuses bad parameters with a problem naming them", async () => {
    const cases: [string, string][] = [
      ["limit=0", "limit"],
      ["limit=abc", "limit"],
      ["from=2061-02-30", "from"],
      ["from=2061-05-01&to=2061-04-01", "to"],
      ["type=LOUD", "type"],
      ["operator=nobody", "operator"],
      ["region=atlantis", "region"],
      ["status=paused", "status"],
      ["cursor=bm9wZQ", "cursor"],
      ["colour=red", "colour"],
      ["format=xml", "format"],
      ["lang=en&lang=ru", "lang"],
    ];
    for (const [query, name] of cases) {
      const response = await listIncidents(request(`/api/v1/incidents?${query}`), undefined);
      expect(response.status, query).toBe(400);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      const body = await response.json();
      expectMatchesDocument("/api/v1/incidents", 400, body);
      expect(body.status).toBe(400);
      expect(body.invalid_params.map((param: { name: string }) => param.name), query).toContain(name);
    }
  });

  it("answers CSV with format=csv, guarded against spreadsheet formulas", async () => {
    const response = await listIncidents(request(`/api/v1/incidents?${YEAR_QUERY}&format=csv`), undefined);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.slug).sort()).toEqual([...slugs].sort());
    expect(rows.find((row) => row.slug === slugs[1])!.title).toBe("'=HYPERLINK(\"http://evil.example\")");
 
    const firstPage = await listIncidents(request(`/api/v1/incidents?${YEAR_QUERY}&format=csv&limit=2`), undefined);
    expect(parse(await firstPage.text(), { columns: true })).toHaveLength(2);
    expect(firstPage.headers.get("link")).toMatch(/^<\?from=2061-01-01&to=2061-12-31&format=csv&limit=2&cursor=[\w-]+>; rel="next"$/);
  });

  it("answers a CORS preflight for GET", async () => {
    const response = incidentsOptions();
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toBe("GET, OPTIONS");
  });

  it("answers 429 with Retry-After once an address has used up its limit", async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = "2";
    try {
      const ip = "198.51.100.7";
      expect((await listIncidents(request(`/api/v1/incidents?${YEAR_QUERY}`, ip), undefined)).status).toBe(200);
      const second = await listIncidents(request(`/api/v1/incidents?${YEAR_QUERY}`, ip), undefined);
      expect(second.headers.get("ratelimit-remaining")).toBe("0");
      const refused = await listIncidents(request(`/api/v1/incidents?${YEAR_QUERY}`, ip), undefined);
      expect(refused.status).toBe(429);
      expect(refused.headers.get("content-type")).toBe("application/problem+json");
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(refused.headers.get("ratelimit-limit")).toBe("2");
      expectMatchesDocument("/api/v1/incidents", 429, await refused.json());
      // Another address is not affected.
      expect((await listIncidents(request(`/api/v1/incidents?${YEAR_QUERY}`, "198.51.100.8"), undefined)).status).toBe(200);
    } finally {
      delete process.env.API_RATE_LIMIT_PER_MINUTE;
    }
  });
});

describe("GET /api/v1/incidents/{slug}", () => {
  const get = (slug: string, query = "") => getIncident(request(`/api/v1/incidents/${slug}${query}`), { params: Promise.resolve({ slug }) });

  it("answers one published incident with phases and sources", async () => {
    const response = await get(slugs[2]!);
    expect(response.status).toBe(200);
    const body = await response.json();
    expectMatchesDocument("/api/v1/incidents/{slug}", 200, body);
    expect(body.slug).toBe(slugs[2]);
    expect(body.phases).toHaveLength(1);
    expect(body.sources[0].phase_number).toBe(1);
  });

  it("answers the record's own text in Russian with lang=ru, falling back to English", async () => {
    const incident = await createTestIncident({
      // 2062: outside the year the list tests count.
      startsAt: "2062-08-01T06:00:00Z",
      legalBasis: "Article 41-1 of the Law on Communications.",
      translations: { ru: { title: "Отключение", summary: "Сети были отключены.", legalBasis: "Статья 41-1 Закона о связи." } },
      sources: [
        {
          kind: "NEWS",
          url: "https://example.org/2062/translated",
          title: "Kazakhstan goes offline",
          publisher: "Ministry of Digital Development",
          note: "Gives the start as 12:00.",
          translations: { ru: { publisher: "Министерство цифрового развития", note: "Называет время начала 12:00." } },
          phase: 0,
        },
      ],
    });
    const russian = await (await get(incident.slug, "?lang=ru")).json();
    expectMatchesDocument("/api/v1/incidents/{slug}", 200, russian);
    expect(russian).toMatchObject({ title: "Отключение", legal_basis: "Статья 41-1 Закона о связи.", untranslated: false });
    expect(russian.sources[0]).toMatchObject({ publisher: "Министерство цифрового развития", note: "Называет время начала 12:00.", title: "Kazakhstan goes offline" });
    // Phases have no Russian text here: English is the fallback.
    expect(russian.phases[0].label).toBe("Nationwide blackout");
    const english = await (await get(incident.slug)).json();
    expect(english).toMatchObject({ legal_basis: "Article 41-1 of the Law on Communications." });
    expect(english.sources[0]).toMatchObject({ publisher: "Ministry of Digital Development", note: "Gives the start as 12:00." });
  });

  it("answers 404 for unknown or unpublished slugs and 400 for bad parameters", async () => {
    const draft = await getDb().incident.findFirstOrThrow({ where: { status: "DRAFT", startsAt: new Date("2061-07-01T06:00:00Z") } });
    for (const slug of ["no-such-incident", draft.slug, "BAD SLUG"]) {
      const response = await get(slug);
      expect(response.status, slug).toBe(404);
      expectMatchesDocument("/api/v1/incidents/{slug}", 404, await response.json());
    }
    const bad = await get(slugs[2]!, "?lang=de");
    expect(bad.status).toBe(400);
    expect((await bad.json()).invalid_params).toEqual([{ name: "lang", reason: expect.any(String) }]);
  });
});

describe("GET /api/v1/operators and /api/v1/regions", () => {
  it("answer the reference data as JSON and CSV", async () => {
    const operators = await (await listOperators(request("/api/v1/operators"), undefined)).json();
    expectMatchesDocument("/api/v1/operators", 200, operators);
    expect(operators.data.find((operator: { slug: string }) => operator.slug === "kazakhtelecom").asns).toContain(9198);

    const regions = await (await listRegions(request("/api/v1/regions"), undefined)).json();
    expectMatchesDocument("/api/v1/regions", 200, regions);
    expect(regions.data.length).toBeGreaterThan(15);

    const csv = parse(await (await listRegions(request("/api/v1/regions?format=csv"), undefined)).text(), { columns: true }) as Record<string, string>[];
    expect(csv.map((row) => row.slug)).toEqual(regions.data.map((region: { slug: string }) => region.slug));
    const operatorCsv = parse(await (await listOperators(request("/api/v1/operators?format=csv"), undefined)).text(), { columns: true });
    expect(operatorCsv).toHaveLength(operators.data.length);
  });
});

describe("GET /api/v1/series", () => {
  it("answers the downsampled measured signals", async () => {
    const response = await getSeries(request("/api/v1/series?operator=kazakhtelecom&signal=ioda.bgp&from=2061-02-01&to=2061-02-02&max_points=12"), undefined);
    expect(response.status).toBe(200);
    const body = await response.json();
    expectMatchesDocument("/api/v1/series", 200, body);
    expect(body.lines).toHaveLength(1);
    expect(body.lines[0].points.length).toBeLessThanOrEqual(12);
    expect(body.lines[0].points.some((point: { value: number | null }) => point.value !== null)).toBe(true);

    const csv = parse(await (await getSeries(request("/api/v1/series?operator=kazakhtelecom&signal=ioda.bgp&from=2061-02-01&to=2061-02-02&max_points=12&format=csv"), undefined)).text(), { columns: true });
    expect(csv).toHaveLength(body.lines[0].points.length);
  });

  it("answers 404 for an unknown operator and 400 for bad parameters", async () => {
    const unknown = await getSeries(request("/api/v1/series?operator=nobody"), undefined);
    expect(unknown.status).toBe(404);
    expectMatchesDocument("/api/v1/series", 404, await unknown.json());
    for (const [query, name] of [["", "operator"], ["operator=kcell&max_points=1", "max_points"], ["operator=kcell&signal=ioda.nope", "signal"], ["operator=kcell&split=yes", "split"]]) {
      const response = await getSeries(request(`/api/v1/series?${query}`), undefined);
      expect(response.status, query).toBe(400);
      const body = await response.json();
      expectMatchesDocument("/api/v1/series", 400, body);
      expect(body.invalid_params.map((param: { name: string }) => param.name)).toContain(name);
    }
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("serves the document", async () => {
    const response = await getOpenApi(request("/api/v1/openapi.json"), undefined);
    expect(response.status).toBe(200);
    expect((await response.json()).openapi).toBe("3.1.0");
  });

  it("has response schemas strict enough to catch a wrong body", () => {
    const validate = ajv.compile({ $ref: `openapi#/${pointer("paths", "/api/v1/incidents", "get", "responses", "200", "content", "application/json", "schema")}` });
    expect(validate({ data: [], next_cursor: null })).toBe(true);
    expect(validate({ data: [{ slug: 1 }], next_cursor: null })).toBe(false);
    expect(validate({ data: [], next_cursor: null, extra: true })).toBe(false);
  });
});

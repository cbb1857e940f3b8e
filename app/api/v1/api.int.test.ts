import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { getDb } from "@/lib/db/client";
import { closeApiRateLimiter } from "@/lib/api/rate-limit";
import { closePgPools, getPgPool } from "@/lib/db/pg-pool";
import { closeChartCache } from "@/lib/server/cache/chart-cache";
import { createTestIncident } from "@/lib/testing/factories";
import { seedReferenceData } from "@/prisma/seed";
import { GET as getIncident } from "./incidents/[slug]/route";
import { GET as listIncidents, OPTIONS as incidentsOptions } from "./incidents/route";
import { GET as getOpenApi } from "./openapi.json/route";
import { GET as listOperators } from "./operators/route";
import { GET as listRegions } from "./regions/route";
import { GET as getSeries } from "./series/route";
import { GET as getDisruption } from "./disruption/route";
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
  // For /api/v1/disruption: a nationwide cut naming Kcell (10 h), a cut of Almaty only that affects all the
  // incident's operators (5 h), and blocking with no recorded end, last reported on 11 August (Kazakhstan, UTC+5).
  const august = await createTestIncident({
    startsAt: "2061-08-10T00:00:00Z",
    endsAt: undefined,
    endStatus: "NOT_RECORDED",
    lastReportedOn: "2061-08-11",
    operators: ["kcell"],
    regions: ["almaty-city"],
    phases: [
      { label: "Cut", type: "FULL_BLACKOUT", extent: "FULL", startsAt: "2061-08-10T00:00:00Z", startPrecision: "EXACT", endsAt: "2061-08-10T10:00:00Z", endPrecision: "EXACT", operators: ["kcell"] },
      { label: "Almaty cut", type: "FULL_BLACKOUT", extent: "FULL", startsAt: "2061-08-10T10:00:00Z", startPrecision: "EXACT", endsAt: "2061-08-10T15:00:00Z", endPrecision: "EXACT", allOperators: true, regions: ["almaty-city"] },
      { label: "Blocking", type: "SERVICE_BLOCKING", extent: "FULL", startsAt: "2061-08-10T00:00:00Z", startPrecision: "EXACT", endStatus: "NOT_RECORDED", lastReportedOn: "2061-08-11", allOperators: true },
    ],
  });
  slugs.push(august.slug);
  const series = await getDb().series.create({
    data: { source: "IODA", signal: "bgp", entityType: "ASN", entityCode: "9198", asn: 9198, stepSeconds: 3600, unit: "count" },
  });
  await getDb().seriesPoint.createMany({
    data: Array.from({ length: 48 }, (_, hour) => ({ seriesId: series.id, at: new Date(Date.UTC(2061, 1, 1, hour)), value: 100 + hour })),
  });
});

afterAll(async () => {
  await closeChartCache();
  await closeApiRateLimiter();
  await closePgPools();
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
    // The tracker's curated records: CC BY 4.0, named where a client (and a browser, through CORS) can read it.
    expect(response.headers.get("link")).toBe('<https://creativecommons.org/licenses/by/4.0/>; rel="license"');
    expect(response.headers.get("access-control-expose-headers")).toContain("Link");
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
      // The count is a row in PostgreSQL, which every app process on the database shares (e2e/two-instances.spec.ts).
      const { rows } = await getPgPool().query<{ points: number }>("SELECT points FROM rate_limits WHERE key = $1", ["api-v1:198.51.100.7"]);
      expect(rows).toEqual([{ points: 3 }]);
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
    // What the incident page shows: a six-hour nationwide cut, counted for no operator (it names none).
    expect(body).toMatchObject({ end_status: "RECORDED", last_checked_on: null, last_reported_on: null });
    expect(body.phases[0]).toMatchObject({ end_status: "RECORDED", counts_as: "full_blackout", all_operators: false });
    expect(body.figures.country.full_blackout).toEqual({ hours: 6, to_last_report_hours: 0, to_now_hours: 0, on_and_off_hours: 0 });
    expect(body.figures.operators).toEqual([]);
    expect(body.figures.other_regions.full_blackout.hours).toBe(6);
  });

  it("says what is known about open ends and how each phase counts", async () => {
    const body = await (await get(slugs.at(-1)!)).json();
    expectMatchesDocument("/api/v1/incidents/{slug}", 200, body);
    expect(body).toMatchObject({ ends_at: null, end_status: "NOT_RECORDED", last_reported_on: "2061-08-11" });
    expect(body.phases.map((phase: { counts_as: string; counted_until: string | null; all_operators: boolean }) => [phase.counts_as, phase.counted_until, phase.all_operators])).toEqual([
      ["full_blackout", "2061-08-10T10:00:00.000Z", false],
      ["partial_disruption", "2061-08-10T15:00:00.000Z", true],
      ["service_blocking", "2061-08-11T19:00:00.000Z", true],
    ]);
    expect(body.figures.operators).toEqual([
      {
        slug: "kcell",
        name: "Kcell",
        inferred: true,
        measures: {
          full_blackout: { hours: 10, to_last_report_hours: 0, to_now_hours: 0, on_and_off_hours: 0 },
          partial_disruption: { hours: 5, to_last_report_hours: 0, to_now_hours: 0, on_and_off_hours: 0 },
          service_blocking: { hours: 43, to_last_report_hours: 43, to_now_hours: 0, on_and_off_hours: 0 },
        },
      },
    ]);
    expect(body.figures.regions).toMatchObject([{ slug: "almaty-city", measures: { full_blackout: { hours: 15 }, partial_disruption: { hours: 0 } } }]);
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
    // Measured values keep their publisher's terms: IODA's line credits IODA, not the tracker's CC BY licence.
    expect(body.credits).toEqual([{ source: "IODA", licence: "© Georgia Tech Research Corporation", licence_url: "https://ioda.inetintel.cc.gatech.edu/" }]);
    expect(response.headers.get("link")).toBe('<https://ioda.inetintel.cc.gatech.edu/>; rel="license"');

    const csvResponse = await getSeries(request("/api/v1/series?operator=kazakhtelecom&signal=ioda.bgp&from=2061-02-01&to=2061-02-02&max_points=12&format=csv"), undefined);
    expect(csvResponse.headers.get("link")).toBe('<https://ioda.inetintel.cc.gatech.edu/>; rel="license"');
    const csv = parse(await csvResponse.text(), { columns: true });
    expect(csv).toHaveLength(body.lines[0].points.length);
  });

  it("credits nobody, and links no licence, when no line holds a value", async () => {
    const response = await getSeries(request("/api/v1/series?operator=kcell&from=2061-02-01&to=2061-02-02"), undefined);
    expect(response.status).toBe(200);
    const body = await response.json();
    expectMatchesDocument("/api/v1/series", 200, body);
    expect(body.lines.every((line: { points: { value: number | null }[] }) => line.points.every((point) => point.value === null))).toBe(true);
    expect(body.credits).toEqual([]);
    expect(response.headers.get("link")).toBeNull();
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

describe("GET /api/v1/series: the operator page's parameter names, and the first names as aliases", () => {
  const get = async (query: string) => {
    const response = await getSeries(request(`/api/v1/series?operator=kazakhtelecom&from=2061-02-01&to=2061-02-02&max_points=12&${query}`), undefined);
    return { status: response.status, body: await response.json() };
  };

  it("answers the page's signals, asns=split and norm=1 as it answers signal, split=true and normalised=true", async () => {
    const pages = await get("signals=ioda.bgp&asns=split&norm=1");
    expect(pages.status).toBe(200);
    expectMatchesDocument("/api/v1/series", 200, pages.body);
    expect(pages.body.normalised).toBe(true);
    expect(pages.body.lines.map((line: { signal: string; asn: number | null }) => [line.signal, line.asn])).toEqual([["ioda.bgp", 9198]]);
    expect(pages.body.lines[0].median).toEqual(expect.any(Number));
    const aliases = await get("signal=ioda.bgp&split=true&normalised=true");
    expectMatchesDocument("/api/v1/series", 200, aliases.body);
    expect(aliases.body).toEqual(pages.body);
    // The defaults, by either name: one line per signal, values as measured.
    const combined = await get("signals=ioda.bgp&asns=combined&norm=0");
    expect(combined.body.lines.map((line: { asn: number | null }) => line.asn)).toEqual([null]);
    expect(combined.body.normalised).toBe(false);
    expect((await get("signal=ioda.bgp&split=false&normalised=false")).body).toEqual(combined.body);
  });

  it("takes signals listed with commas, as the page writes them, or repeated", async () => {
    const listed = await get("signals=ioda.bgp,ooni.anomaly_rate");
    expectMatchesDocument("/api/v1/series", 200, listed.body);
    expect(listed.body.missing).toEqual(["ooni.anomaly_rate"]);
    expect((await get("signals=ioda.bgp&signals=ooni.anomaly_rate")).body).toEqual(listed.body);
  });

  it("refuses a name given with its alias, and bad values under the page's names, naming the parameter", async () => {
    for (const [query, name] of [
      ["signals=ioda.bgp&signal=ioda.bgp", "signal"],
      ["asns=split&split=true", "split"],
      ["norm=1&normalised=false", "normalised"],
      ["signals=ioda.nope", "signals"],
      ["asns=both", "asns"],
      ["norm=yes", "norm"],
      ["norm=1&norm=0", "norm"],
    ]) {
      const { status, body } = await get(query!);
      expect(status, query).toBe(400);
      expectMatchesDocument("/api/v1/series", 400, body);
      expect(body.invalid_params.map((param: { name: string }) => param.name), query).toEqual([name]);
    }
  });
});

describe("GET /api/v1/disruption", () => {
  const get = (query: string) => getDisruption(request(`/api/v1/disruption?${query}`), undefined);

  it("answers an operator's hours per month, each measure named with what it counts, and the open ends behind them", async () => {
    const response = await get(`operator=kcell&${YEAR_QUERY}&by=month`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe(PUBLIC_CACHE_CONTROL);
    const body = await response.json();
    expectMatchesDocument("/api/v1/disruption", 200, body);
    expect(body).toMatchObject({ entity: { kind: "operator", slug: "kcell", name: "Kcell" }, by: "month", time_zone: "Asia/Almaty" });
    const measures = Object.fromEntries(body.measures.map((measure: { key: string }) => [measure.key, measure]));
    expect(Object.keys(measures)).toEqual(["full_blackout", "partial_disruption", "service_blocking"]);
    expect(measures.full_blackout.counts).toContain("whole network");
    expect(measures.full_blackout.stacks_with).toEqual(["partial_disruption"]);
    expect(measures.service_blocking.stacks_with).toEqual([]);
    const month = (key: string, period: string) => measures[key].periods.find((entry: { period: string }) => entry.period === period);
    expect(measures.full_blackout.periods).toHaveLength(12);
    // January: the first incident's throttling (6 h); August: the cut, the Almaty-only cut (regional: partial), the blocking.
    expect([month("full_blackout", "2061-01").hours, month("partial_disruption", "2061-01").hours]).toEqual([0, 6]);
    expect([month("full_blackout", "2061-08").hours, month("partial_disruption", "2061-08").hours, month("service_blocking", "2061-08").hours]).toEqual([10, 5, 43]);
    expect(month("service_blocking", "2061-08").to_last_report_hours).toBe(43);
    expect(measures.service_blocking.total).toEqual({ hours: 43, to_last_report_hours: 43, to_now_hours: 0, on_and_off_hours: 0 });
    expect(body.open_ends).toEqual([
      { incident: slugs.at(-1), phase: 3, label: "Blocking", measure: "service_blocking", end_status: "NOT_RECORDED", last_checked_on: null, last_reported_on: "2061-08-11", counted_until: "2061-08-11T19:00:00.000Z" },
    ]);
    expect(body.inferred.map((entry: { incident: string; phase: number }) => [entry.incident, entry.phase])).toEqual([
      [slugs[0], 1],
      [slugs.at(-1), 2],
      [slugs.at(-1), 3],
    ]);

    const russian = await (await get(`operator=kcell&${YEAR_QUERY}&lang=ru`)).json();
    expect(russian.measures[0].name).toBe("Полное отключение");
  });

  it("answers a region's hours by the map's rules, by year", async () => {
    const body = await (await get(`region=almaty-city&${YEAR_QUERY}&by=year`)).json();
    expectMatchesDocument("/api/v1/disruption", 200, body);
    expect(body.entity).toEqual({ kind: "region", slug: "almaty-city", name: "Almaty" });
    const [full, partial, service] = body.measures;
    // Six nationwide six-hour cuts from February to June, two of them at the same time (counted once), the
    // August cut (10 h) and the Almaty cut (5 h, a full blackout in its region).
    expect(full.total.hours).toBe(5 * 6 + 10 + 5);
    expect(partial.total.hours).toBe(6);
    expect(service.total.hours).toBe(43);
    expect(full.periods.map((period: { period: string }) => period.period)).toEqual(["2061"]);
    expect(body.inferred).toEqual([]);
  });

  it("answers CSV: a row per period and measure with the open-end columns", async () => {
    const response = await get(`operator=kcell&${YEAR_QUERY}&by=month&format=csv`);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(36);
    expect(rows.find((row) => row.period === "2061-08" && row.measure === "service_blocking")).toMatchObject({ hours: "43", to_last_report_hours: "43" });
  });

  it("answers 404 for an unknown operator or region and 400 for bad parameters", async () => {
    for (const query of ["operator=nobody", "region=atlantis"]) {
      const response = await get(query);
      expect(response.status, query).toBe(404);
      expectMatchesDocument("/api/v1/disruption", 404, await response.json());
    }
    const cases: [string, string][] = [
      ["", "operator"],
      ["operator=kcell&region=astana", "region"],
      ["operator=kcell&by=week", "by"],
      ["operator=kcell&from=2061-05-01&to=2061-04-01", "to"],
      ["operator=kcell&measure=hours", "measure"],
    ];
    for (const [query, name] of cases) {
      const response = await get(query);
      expect(response.status, query).toBe(400);
      const body = await response.json();
      expectMatchesDocument("/api/v1/disruption", 400, body);
      expect(body.invalid_params.map((param: { name: string }) => param.name), query).toContain(name);
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

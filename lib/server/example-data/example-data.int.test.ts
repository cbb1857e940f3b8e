import { Readable } from "node:stream";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getSeries } from "@/app/api/v1/series/route";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { SYSTEM, ANONYMOUS } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { closePgPools } from "@/lib/db/pg-pool";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { FEEDS } from "@/lib/ingest/registry";
import { closeChartCache } from "@/lib/server/cache/chart-cache";
import { ingestItems } from "@/lib/server/ingest/ingest-items";
import { loadOperatorSignalChart } from "@/lib/server/series/get-operator-signal-chart";
import { summarizeMeasurementsInPeriod } from "@/lib/server/series/summarize-measurements-in-period";
import { seedReferenceData } from "@/prisma/seed";
import { loadExampleData } from "./load-example-data";

/**
 * Example data (decision 0018) against a real database, first without the
 * invented example files and then with them: a default start loads none; the
 * demo's loader marks everything they store; the chart, the incident page's
 * summary and GET /api/v1/series say "example data — invented" exactly where
 * it is drawn from them, and nowhere else.
 *
 * Real-looking data next to them, through the ordinary ingest path: IODA's
 * merit-nt signal for Kcell (AS29355) in January 2022, a signal the example
 * files do not have, and Kcell's bgp in March 2022, a series the example file
 * also writes (its January).
 */
const ROOT = path.resolve(import.meta.dirname, "../../..");
const JANUARY = { from: new Date("2021-12-31T18:00:00Z"), to: new Date("2022-01-31T18:00:00Z") };
const MARCH = { from: new Date("2022-03-01T00:00:00Z"), to: new Date("2022-03-02T00:00:00Z") };
const NOTICE = /^Example data — invented\./;

const document = buildOpenApiDocument();
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(document, "openapi");
const validateSeries = ajv.compile({ $ref: "openapi#/paths/~1api~1v1~1series/get/responses/200/content/application~1json/schema" });

let ipCounter = 0;
const seriesRequest = (query: string) =>
  getSeries(new Request(`http://localhost/api/v1/series?${query}`, { headers: { "x-forwarded-for": `198.51.100.${++ipCounter}` } }), undefined);

/** An IODA `signals/raw` envelope of one series of 3-hour buckets, as the feed sends it. */
function iodaEnvelope(asn: number, datasource: string, from: Date, values: number[]): string {
  const start = from.getTime() / 1000;
  return JSON.stringify({
    type: "signals",
    error: null,
    data: [[{ entityType: "asn", entityCode: String(asn), datasource, from: start, until: start + values.length * 10_800, step: 10_800, nativeStep: 10_800, values }]],
  });
}

async function exampleCounts() {
  const db = getDb();
  const [runs, series, measurements, events] = await Promise.all([
    db.ingestRun.count({ where: { example: true } }),
    db.series.count({ where: { example: true } }),
    db.ooniMeasurement.count({ where: { example: true } }),
    db.outageEvent.count({ where: { example: true } }),
  ]);
  return { runs, series, measurements, events };
}

beforeAll(async () => {
  await seedReferenceData(getDb());
  await ingestItems({
    caller: SYSTEM,
    source: "IODA",
    parameters: { fileName: "real-merit-nt.json" },
    items: FEEDS.ioda.parse(Readable.from([iodaEnvelope(29355, "merit-nt", new Date("2022-01-03T00:00:00Z"), [40, 41, 42, 43, 44, 45, 46, 47])])),
  });
  await ingestItems({
    caller: SYSTEM,
    source: "IODA",
    parameters: { fileName: "real-bgp.json" },
    items: FEEDS.ioda.parse(Readable.from([iodaEnvelope(29355, "bgp", MARCH.from, [210, 211, 212])])),
  });
}, 120_000);

afterAll(async () => {
  await closeChartCache();
  await closePgPools();
});

describe("without the example data", () => {
  it("a default start (seed if empty, no DEMO_DATA) loads none of it", async () => {
    await prepareDatabase({ url: process.env.DATABASE_URL!, ownerUrl: process.env.DATABASE_OWNER_URL! }, { seed: "if-empty", log: () => undefined });
    expect(await exampleCounts()).toEqual({ runs: 0, series: 0, measurements: 0, events: 0 });
    expect(await getDb().outageEvent.count()).toBe(0);
    expect(await getDb().series.count()).toBe(2);
  });

  it("charts, the incident summary and the API carry no notice", async () => {
    const chart = await loadOperatorSignalChart({ operatorSlug: "kcell", ...JANUARY });
    expect(chart.lines.map((line) => [line.signal, line.example])).toEqual([["ioda.merit-nt", false]]);
    expect(chart.example).toBe(false);
    const march = await loadOperatorSignalChart({ operatorSlug: "kcell", ...MARCH, signals: ["ioda.bgp"] });
    expect(march.lines.map((line) => line.example)).toEqual([false]);

    const summary = await summarizeMeasurementsInPeriod({ caller: ANONYMOUS, operatorSlugs: ["kcell"], ...JANUARY });
    expect(summary).toEqual([{ source: "IODA", series: 1, points: 8, example: false }]);

    const body = await (await seriesRequest("operator=kcell&from=2022-01-01&to=2022-01-31&max_points=50")).json();
    expect(validateSeries(body), JSON.stringify(validateSeries.errors)).toBe(true);
    expect(body).toMatchObject({ example: false, notice: null });
    const csv = parse(await (await seriesRequest("operator=kcell&from=2022-01-01&to=2022-01-31&max_points=50&format=csv")).text(), { columns: true }) as Record<string, string>[];
    expect(csv.length).toBeGreaterThan(0);
    expect(new Set(csv.map((row) => `${row.example}|${row.notice}`))).toEqual(new Set(["false|"]));
  });
});

describe("with the example data (npm run demo, DEMO_DATA=1)", () => {
  it("loads the three example files through the real ingest path and marks their runs", async () => {
    const log: string[] = [];
    await prepareDatabase({ url: process.env.DATABASE_URL!, ownerUrl: process.env.DATABASE_OWNER_URL! }, { seed: "never", log: (line) => log.push(line), exampleData: true });
    const runs = await getDb().ingestRun.findMany({ where: { example: true }, orderBy: { id: "asc" } });
    expect(runs.map((run) => [run.source, run.status, (run.parameters as { fileName: string }).fileName, (run.parameters as { trigger: string }).trigger])).toEqual([
      ["IODA", "SUCCEEDED", "e2e/fixtures/feeds/ioda-signals-2022-01.json", "example"],
      ["OONI", "SUCCEEDED", "e2e/fixtures/feeds/ooni-web-connectivity-kcell-2022-01.jsonl", "example"],
      ["CLOUDFLARE", "SUCCEEDED", "e2e/fixtures/feeds/cloudflare-annotations-2022-01.json", "example"],
    ]);
    expect(runs.every((run) => run.accepted > 0)).toBe(true);
    expect(log.filter((line) => line.includes("marked as example data"))).toHaveLength(3);
  });

  it("marks the series, measurements and events they stored, and leaves the real series alone", async () => {
    const series = await getDb().series.findMany({ orderBy: [{ source: "asc" }, { signal: "asc" }, { entityCode: "asc" }], select: { source: true, signal: true, entityCode: true, example: true } });
    expect(series).toEqual([
      { source: "OONI", signal: "web_connectivity.anomaly_rate", entityCode: "29355", example: true },
      { source: "IODA", signal: "bgp", entityCode: "29355", example: true },
      { source: "IODA", signal: "bgp", entityCode: "50482", example: true },
      { source: "IODA", signal: "bgp", entityCode: "9198", example: true },
      { source: "IODA", signal: "merit-nt", entityCode: "29355", example: false },
      { source: "IODA", signal: "ping-slash24", entityCode: "29355", example: true },
    ]);
    const measurements = await getDb().ooniMeasurement.groupBy({ by: ["example"], _count: true });
    expect(measurements).toEqual([{ example: true, _count: 45 }]);
    expect(await getDb().outageEvent.findMany({ select: { source: true, example: true } })).toEqual([{ source: "CLOUDFLARE", example: true }]);
  });

  it("the chart marks its example lines and events, and the real line stays unmarked", async () => {
    const chart = await loadOperatorSignalChart({ operatorSlug: "kcell", ...JANUARY });
    expect(chart.example).toBe(true);
    expect(Object.fromEntries(chart.lines.map((line) => [line.signal, line.example]))).toEqual({
      "ioda.bgp": true,
      "ioda.ping-slash24": true,
      "ioda.merit-nt": false,
      "ooni.anomaly_rate": true,
    });
    expect(chart.events.map((event) => [event.source, event.example])).toEqual([["CLOUDFLARE", true]]);
    // Kazakhtelecom's lines come from the example file alone.
    const kazakhtelecom = await loadOperatorSignalChart({ operatorSlug: "kazakhtelecom", ...JANUARY, split: true });
    expect(kazakhtelecom.lines.map((line) => [line.asn, line.example])).toEqual([
      [9198, true],
      [50482, true],
    ]);
  });

  it("the incident page's summary counts example series apart, marked", async () => {
    const summary = await summarizeMeasurementsInPeriod({ caller: ANONYMOUS, operatorSlugs: ["kcell"], ...JANUARY });
    expect(summary.map((row) => [row.source, row.example, row.series])).toEqual([
      ["IODA", false, 1],
      ["IODA", true, 2],
      ["OONI", true, 1],
    ]);
  });

  it("GET /api/v1/series says so in JSON (per line, and a notice) and in CSV (per row)", async () => {
    const body = await (await seriesRequest("operator=kcell&from=2022-01-01&to=2022-01-31&max_points=50")).json();
    expect(validateSeries(body), JSON.stringify(validateSeries.errors)).toBe(true);
    expect(body.example).toBe(true);
    expect(body.notice).toMatch(NOTICE);
    expect(Object.fromEntries(body.lines.map((line: { signal: string; example: boolean }) => [line.signal, line.example]))).toMatchObject({ "ioda.bgp": true, "ioda.merit-nt": false });

    const csv = parse(await (await seriesRequest("operator=kcell&from=2022-01-01&to=2022-01-31&max_points=50&format=csv")).text(), { columns: true }) as Record<string, string>[];
    const bgp = csv.filter((row) => row.signal === "ioda.bgp");
    const merit = csv.filter((row) => row.signal === "ioda.merit-nt");
    expect(bgp.length).toBeGreaterThan(0);
    expect(bgp.every((row) => row.example === "true" && NOTICE.test(row.notice!))).toBe(true);
    expect(merit.every((row) => row.example === "false" && row.notice === "")).toBe(true);
  });

  it("a replay stores nothing again and keeps everything marked", async () => {
    const before = await exampleCounts();
    const runs = await loadExampleData({ caller: SYSTEM, root: ROOT });
    expect(runs.map((run) => run.accepted)).toEqual([0, 0, 0]);
    expect(runs.every((run) => run.duplicates > 0)).toBe(true);
    expect(await exampleCounts()).toEqual({ ...before, runs: before.runs + 3 });
  });

  it("a real series that took invented points is marked as a whole: its chart is no longer only measurements", async () => {
    const march = await loadOperatorSignalChart({ operatorSlug: "kcell", ...MARCH, signals: ["ioda.bgp"] });
    expect(march.lines.map((line) => line.example)).toEqual([true]);
    expect(march.example).toBe(true);
  });
});

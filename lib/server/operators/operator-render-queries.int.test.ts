import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getEmbedNames } from "@/lib/server/embeds/get-embed-names";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { closePgPools } from "@/lib/db/pg-pool";
import { parseIncidentFilters, periodOfFilters } from "@/lib/schemas/incident-filters";
import { measuredPeriod, MEASURED_MAX_POINTS } from "@/lib/schemas/operator-view";
import { closeChartCache } from "@/lib/server/cache/chart-cache";
import { listOperators } from "@/lib/server/operators/list-operators";
import { summarizeOperatorDisruption } from "@/lib/server/operators/summarize-operator-disruption";
import { listRegions } from "@/lib/server/regions/list-regions";
import { getOperatorSignalChart } from "@/lib/server/series/get-operator-signal-chart";
import { createTestIncident } from "@/lib/testing/factories";
import { seedReferenceData } from "@/prisma/seed";

/*
 * What an uncached render of the operator embed or page asks of the database
 * (decision 0025): its metadata and page list the operators and regions
 * (three and two times), summarise the operator's disruption and draw its
 * signal chart, for a period no render asked for before.
 */
const now = new Date("2031-12-01T00:00:00Z");

async function operatorRender(to: string) {
  const query = { from: "2031-03-01", to };
  for (let i = 0; i < 3; i += 1) await listOperators({ caller: ANONYMOUS });
  const [operators, regions] = await Promise.all([listOperators({ caller: ANONYMOUS }), listRegions({ caller: ANONYMOUS, locale: "en" }), listRegions({ caller: ANONYMOUS, locale: "ru" })]);
  const filters = { ...parseIncidentFilters(query, { operators: operators.map((entry) => entry.slug), regions: regions.map((entry) => entry.slug) }).filters, operators: [] };
  const { from, to: end } = periodOfFilters(filters);
  const [summary, chart, names] = await Promise.all([
    summarizeOperatorDisruption({ caller: ANONYMOUS, filters, locale: "en", operatorSlugs: ["kcell"], now }),
    getOperatorSignalChart({ caller: ANONYMOUS, operatorSlug: "kcell", ...measuredPeriod(from, end, now), maxPoints: MEASURED_MAX_POINTS }),
    // The page's Embed button names the embed and each of its charts.
    getEmbedNames({ caller: ANONYMOUS, view: { kind: "isp", slug: "kcell", query } }),
    getEmbedNames({ caller: ANONYMOUS, view: { kind: "isp", slug: "kcell", query, chart: "signals" } }),
  ]);
  expect(names?.headings.en).toMatch(/^Kcell/);
  return { summary, chart };
}

let sent: string[] = [];
const originalQuery = pg.Client.prototype.query;

describe("an uncached operator render", () => {
  beforeAll(async () => {
    await seedReferenceData(getDb());
    await createTestIncident({ startsAt: "2031-03-10T10:00:00Z", operators: ["kcell"] });
    const series = await getDb().series.create({ data: { source: "IODA", signal: "bgp", entityType: "ASN", entityCode: "29355", asn: 29355, stepSeconds: 300, unit: "count" } });
    await getDb().$executeRaw`INSERT INTO series_points (series_id, at, value)
      SELECT ${series.id}, at, 100 FROM generate_series('2031-03-01'::timestamptz, '2031-05-01'::timestamptz, interval '5 minutes') AS at`;
    pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
      const text = typeof args[0] === "string" ? args[0] : (args[0] as { text?: string } | undefined)?.text;
      sent.push(String(text).replace(/\s+/g, " ").trim().slice(0, 80));
      return (originalQuery as (...args: unknown[]) => unknown).apply(this, args);
    } as typeof originalQuery;
  });

  afterEach(() => {
    sent = [];
  });

  afterAll(async () => {
    pg.Client.prototype.query = originalQuery;
    await closeChartCache();
    await closePgPools();
  });

  it("makes at most 3 database queries for a period nobody asked for, once the lookups that do not depend on it are kept", async () => {
    const first = await operatorRender("2031-03-31");
    expect(first.summary.operators[0]!.incidents).toHaveLength(1);
    expect(first.chart.lines.length).toBeGreaterThan(0);
    for (const to of ["2031-04-01", "2031-04-02", "2031-04-03"]) {
      sent = [];
      const { summary, chart } = await operatorRender(to);
      // The same incident and signal, from fewer queries.
      expect(summary.operators[0]!.incidents.map((incident) => incident.slug)).toEqual(first.summary.operators[0]!.incidents.map((incident) => incident.slug));
      expect(chart.lines.map((line) => line.signal)).toEqual(first.chart.lines.map((line) => line.signal));
      // Issue 15 allows 4; the incidents, the series and the outage events are 3.
      expect(sent.length, sent.join("\n")).toBeLessThanOrEqual(3);
    }
  });
});

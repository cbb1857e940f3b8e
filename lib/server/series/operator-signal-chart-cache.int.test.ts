import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { SYSTEM, ANONYMOUS } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { closePgPools } from "@/lib/db/pg-pool";
import { withClient } from "@/lib/db/connection";
import { NOTIFICATION_APPLICATION_NAME } from "@/lib/db/listen-for-notifications";
import type { IngestItem } from "@/lib/ingest/types";
import { parseIncidentFilters } from "@/lib/schemas/incident-filters";
import { CHART_DATA_CHANNEL } from "@/lib/db/chart-data-changes";
import { CHART_DATA_MAX_AGE_MS, chartCacheStats, closeChartCache } from "@/lib/server/cache/chart-cache";
import { listDashboardIncidents } from "@/lib/server/incidents/list-dashboard-incidents";
import { publishIncident } from "@/lib/server/incidents/publish-incident";
import { unpublishIncident } from "@/lib/server/incidents/unpublish-incident";
import { ingestItems } from "@/lib/server/ingest/ingest-items";
import { getOperatorSignalChart } from "@/lib/server/series/get-operator-signal-chart";
import { createTestIncident } from "@/lib/testing/factories";
import { seedReferenceData } from "@/prisma/seed";

const DAY = { from: new Date("2022-01-05T00:00:00Z"), to: new Date("2022-01-06T00:00:00Z") };
const kcellBgp = () => getOperatorSignalChart({ caller: ANONYMOUS, operatorSlug: "kcell", ...DAY, signals: ["ioda.bgp"] });
const valueAt = async (at: string) => (await kcellBgp()).lines[0]?.points.find((point) => point.at === at)?.value ?? null;

/** Another process, as far as this one can tell: its own connection to the database. */
const fromAnotherConnection = (sql: string, values: unknown[] = []) => withClient(process.env.DATABASE_URL!, (client) => client.query(sql, values));

async function eventually(check: () => boolean | Promise<boolean>, what: string) {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

describe("chart data cache", () => {
  let seriesId = 0;
  const setPoint = (at: string, value: number) =>
    fromAnotherConnection("INSERT INTO series_points (series_id, at, value) VALUES ($1, $2, $3) ON CONFLICT (series_id, at) DO UPDATE SET value = EXCLUDED.value", [
      seriesId,
      at,
      value,
    ]);

  beforeAll(async () => {
    await seedReferenceData(getDb());
    seriesId = (await getDb().series.create({ data: { source: "IODA", signal: "bgp", entityType: "ASN", entityCode: "29355", asn: 29355, stepSeconds: 300 } })).id;
    await setPoint("2022-01-05T11:15:00Z", 10);
  });

  afterAll(async () => {
    await closeChartCache();
    await closePgPools();
  });

  it("serves a repeated query from memory until another connection sends NOTIFY for its tag", async () => {
    const first = await kcellBgp();
    const { hits } = chartCacheStats();
    expect(chartCacheStats().listening).toBe(true);
    expect(await kcellBgp()).toBe(first);
    expect(chartCacheStats().hits).toBe(hits + 1);

    // A write nobody announces is not seen: the cache is really in use.
    await setPoint("2022-01-05T11:15:00Z", 20);
    expect(await valueAt("2022-01-05T11:15:00.000Z")).toBe(10);

    // Another tag leaves series entries alone.
    await fromAnotherConnection(`NOTIFY ${CHART_DATA_CHANNEL}, 'incidents'`);
    await fromAnotherConnection(`NOTIFY ${CHART_DATA_CHANNEL}, 'series'`);
    await eventually(() => chartCacheStats().entries === 0, "the series notification");
    expect(await valueAt("2022-01-05T11:15:00.000Z")).toBe(20);
  });

  it("is invalidated when an ingest run lands", async () => {
    expect(await valueAt("2022-01-05T12:00:00.000Z")).toBeNull();
    async function* items(): AsyncIterable<IngestItem> {
      yield { kind: "point", source: "IODA", signal: "bgp", entityType: "ASN", entityCode: "29355", asn: 29355, at: new Date("2022-01-05T12:00:00Z"), value: 7, stepSeconds: 300 };
    }
    await ingestItems({ caller: SYSTEM, source: "IODA", parameters: {}, items: items() });
    expect(await valueAt("2022-01-05T12:00:00.000Z")).toBe(7);
  });

  it("is invalidated when an incident is published or unpublished through the server functions, in every listening process", async () => {
    const filters = parseIncidentFilters({}, { operators: [], regions: [] }).filters;
    const listed = async () => (await listDashboardIncidents({ caller: ANONYMOUS, filters, locale: "en" })).map((incident) => incident.slug);
    const incident = await createTestIncident({ status: "DRAFT" });
    expect(await listed()).not.toContain(incident.slug);
    expect(await listed()).not.toContain(incident.slug);

    // What other processes hear: the NOTIFY is sent by the publishing transaction.
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const heard: string[] = [];
    listener.on("notification", (message) => heard.push(`${message.channel}:${message.payload}`));
    await listener.query(`LISTEN ${CHART_DATA_CHANNEL}`);
    try {
      const published = await publishIncident({ caller: SYSTEM, id: incident.id, baseVersion: incident.version });
      expect(await listed()).toContain(incident.slug);
      await unpublishIncident({ caller: SYSTEM, id: incident.id, baseVersion: published.version });
      expect(await listed()).not.toContain(incident.slug);
      await eventually(() => heard.length === 2, "two notifications");
      expect(heard).toEqual([`${CHART_DATA_CHANNEL}:incidents`, `${CHART_DATA_CHANNEL}:incidents`]);
    } finally {
      await listener.end();
    }
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("lets an entry go after CHART_DATA_MAX_AGE_MS even when no notification comes", async () => {
    await setPoint("2022-01-05T11:15:00Z", 50);
    // Start from an empty cache: the test before may leave an "incidents" entry (whether the unpublication's
    // notification reached the cache before or after its last read is a race), which a "series" notification keeps.
    await fromAnotherConnection(`NOTIFY ${CHART_DATA_CHANNEL}, 'incidents'`);
    await fromAnotherConnection(`NOTIFY ${CHART_DATA_CHANNEL}, 'series'`);
    await eventually(() => chartCacheStats().entries === 0, "the notifications");
    const computedAt = Date.now();
    expect(await valueAt("2022-01-05T11:15:00.000Z")).toBe(50);
    // A write nobody announces: the entry is served until it expires.
    await setPoint("2022-01-05T11:15:00Z", 60);
    expect(await valueAt("2022-01-05T11:15:00.000Z")).toBe(50);
    vi.useFakeTimers({ toFake: ["Date"], now: computedAt + CHART_DATA_MAX_AGE_MS - 1_000 });
    expect(await valueAt("2022-01-05T11:15:00.000Z")).toBe(50);
    vi.setSystemTime(Date.now() + 2_000);
    expect(await valueAt("2022-01-05T11:15:00.000Z")).toBe(60);
  });

  it("forgets everything and stops caching when its LISTEN connection is lost", async () => {
    await kcellBgp();
    expect(chartCacheStats().entries).toBeGreaterThan(0);
    await fromAnotherConnection(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`, [
      `${NOTIFICATION_APPLICATION_NAME}:${process.pid}`,
    ]);
    await eventually(() => !chartCacheStats().listening, "the lost connection");
    expect(chartCacheStats().entries).toBe(0);

    // Unannounced writes are seen at once: nothing is cached while nobody listens.
    await setPoint("2022-01-05T11:15:00Z", 30);
    expect(await valueAt("2022-01-05T11:15:00.000Z")).toBe(30);
    await setPoint("2022-01-05T11:15:00Z", 40);
    expect(await valueAt("2022-01-05T11:15:00.000Z")).toBe(40);
    expect(chartCacheStats().entries).toBe(0);
  });
});

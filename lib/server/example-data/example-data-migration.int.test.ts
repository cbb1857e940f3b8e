import { createReadStream, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { closePgPools } from "@/lib/db/pg-pool";
import { EXAMPLE_FEED_FILES } from "@/lib/example-data/example-feed-files";
import { FEEDS } from "@/lib/ingest/registry";
import { ingestItems } from "@/lib/server/ingest/ingest-items";
import { seedReferenceData } from "@/prisma/seed";

/**
 * Migration 20261208600000_example_data marks example data that a database
 * loaded before it existed (the old `npm run ingest:examples`: the files
 * through `npm run ingest`, recorded by their base name): it re-runs the
 * migration's UPDATE statements on such a database.
 */
const ROOT = path.resolve(import.meta.dirname, "../../..");
const MIGRATION = path.join(ROOT, "prisma/migrations/20261208600000_example_data/migration.sql");

beforeAll(async () => {
  await seedReferenceData(getDb());
  for (const example of EXAMPLE_FEED_FILES) {
    await ingestItems({
      caller: SYSTEM,
      source: FEEDS[example.feed].source,
      parameters: { fileName: path.basename(example.path) },
      items: FEEDS[example.feed].parse(createReadStream(path.join(ROOT, example.path))),
    });
  }
  await ingestItems({ caller: SYSTEM, source: "CSV", parameters: { fileName: "probes.csv" }, items: FEEDS.csv.parse(createReadStream(path.join(ROOT, "lib/ingest/csv/fixtures/coalition-probes.csv"))) });
}, 120_000);

afterAll(async () => {
  await closePgPools();
});

describe("the example-data migration on a database that loaded the example files unmarked", () => {
  it("marks their runs, measurements, events and series, and nothing else", async () => {
    expect(await getDb().series.count({ where: { example: true } })).toBe(0);
    const statements = readFileSync(MIGRATION, "utf8")
      .replace(/--.*$/gm, "")
      .split(";")
      .map((statement) => statement.trim())
      .filter((statement) => statement.startsWith("UPDATE"));
    expect(statements).toHaveLength(5);
    for (const statement of statements) await getDb().$executeRawUnsafe(statement);

    const runs = await getDb().ingestRun.findMany({ orderBy: { id: "asc" }, select: { source: true, example: true } });
    expect(runs).toEqual([
      { source: "IODA", example: true },
      { source: "OONI", example: true },
      { source: "CLOUDFLARE", example: true },
      { source: "CSV", example: false },
    ]);
    expect(await getDb().ooniMeasurement.count({ where: { example: false } })).toBe(0);
    expect(await getDb().outageEvent.count({ where: { example: false } })).toBe(0);
    const series = await getDb().series.findMany({ select: { source: true, signal: true, entityCode: true, example: true }, orderBy: { id: "asc" } });
    expect(series.filter((entry) => entry.example).map((entry) => `${entry.source} ${entry.signal} ${entry.entityCode}`).sort()).toEqual([
      "IODA bgp 29355",
      "IODA bgp 50482",
      "IODA bgp 9198",
      "IODA ping-slash24 29355",
      "OONI web_connectivity.anomaly_rate 29355",
    ]);
    expect(series.filter((entry) => entry.source === "COALITION").every((entry) => !entry.example)).toBe(true);
  });
});

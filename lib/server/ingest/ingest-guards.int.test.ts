import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { closePgPools, getPgPool } from "@/lib/db/pg-pool";
import { FEEDS } from "@/lib/ingest/registry";
import type { IngestItem, OoniMeasurementItem, OutageEventItem, SeriesPointItem } from "@/lib/ingest/types";
import { seedReferenceData } from "@/prisma/seed";
import { ingestItems } from "./ingest-items";
import { startIngestRun } from "./start-ingest-run";
import { sweepAbandonedIngestRuns } from "./sweep-abandoned-ingest-runs";

/**
 * What the bulk writer refuses or bounds, whatever a parser (or an attacker's
 * file) hands it: series of another source, oversized records and fields,
 * batches too big in bytes; and what it records: the run behind every row,
 * and a RUNNING status only while a process holds the run.
 */

async function* from(items: Iterable<IngestItem>): AsyncGenerator<IngestItem> {
  yield* items;
}

const query = async <T extends Record<string, unknown>>(sql: string, values: unknown[] = []) => (await getPgPool().query<T>(sql, values)).rows;

const point = (overrides: Partial<SeriesPointItem> & { at: Date }): SeriesPointItem => ({
  kind: "point",
  source: "COALITION",
  signal: "probe.reachability",
  entityType: "ASN",
  entityCode: "9198",
  asn: 9198,
  value: 0.5,
  ...overrides,
});

beforeAll(async () => {
  await seedReferenceData(getDb());
});

afterAll(async () => {
  await closePgPools();
});

describe("the generic CSV cannot forge a feed's data", () => {
  it("stores a CSV run's COALITION points and rejects points, measurements and events of IODA, OONI or Cloudflare", async () => {
    const forged: IngestItem[] = [
      point({ at: new Date("2021-02-01T00:00:00Z") }),
      point({ at: new Date("2021-02-01T00:00:00Z"), source: "IODA", signal: "bgp" }),
      point({ at: new Date("2021-02-01T00:00:00Z"), source: "OONI", signal: "web_connectivity.anomaly_rate" }),
      point({ at: new Date("2021-02-01T00:00:00Z"), source: "CLOUDFLARE", signal: "traffic" }),
      {
        kind: "ooni",
        uid: "forged-by-csv",
        reportId: "r",
        testName: "web_connectivity",
        input: null,
        probeAsn: 9198,
        probeCc: "KZ",
        startedAt: new Date("2021-02-01T00:00:00Z"),
        anomaly: true,
        confirmed: true,
        failure: false,
        blockingType: "dns",
      } satisfies OoniMeasurementItem,
      {
        kind: "event",
        source: "CLOUDFLARE",
        key: "forged-by-csv",
        eventKind: "CLOUDFLARE_OUTAGE",
        asns: [9198],
        locations: ["KZ"],
        startsAt: new Date("2021-02-01T00:00:00Z"),
        endsAt: null,
      } satisfies OutageEventItem,
    ];
    const result = await ingestItems({ caller: SYSTEM, source: "CSV", parameters: {}, items: from(forged) });
    expect(result).toMatchObject({ accepted: 1, rejected: 5 });
    const rejects = await getDb().ingestReject.findMany({ where: { runId: result.runId }, orderBy: { position: "asc" } });
    expect(rejects.map((reject) => [reject.position, reject.field])).toEqual([
      [2, "source"],
      [3, "source"],
      [4, "source"],
      [5, "kind"],
      [6, "source"],
    ]);
    expect(rejects[0]!.reason).toBe("a CSV run writes COALITION series only, not IODA series");
    expect(await query("SELECT source::text FROM series WHERE run_id = $1", [result.runId])).toEqual([{ source: "COALITION" }]);
    expect(await getDb().ooniMeasurement.count({ where: { uid: "forged-by-csv" } })).toBe(0);
    expect(await getDb().outageEvent.count({ where: { key: "forged-by-csv" } })).toBe(0);
  });

  it("rejects a file's rows that name another source, through the real parser and the registry", async () => {
    const csv = ["timestamp,asn,signal,value,source", "2021-02-02T00:00:00Z,9198,probe.reachability,0.1,ioda", "2021-02-02T00:00:00Z,9198,probe.reachability,0.1,"].join("\n");
    const result = await ingestItems({ caller: SYSTEM, source: "CSV", parameters: {}, items: FEEDS.csv.parse(Readable.from([Buffer.from(csv)])) });
    expect(result).toMatchObject({ accepted: 1, rejected: 1 });
    expect(await query("SELECT count(*)::integer AS count FROM series WHERE source <> 'COALITION' AND run_id = $1", [result.runId])).toEqual([{ count: 0 }]);
  });
});

describe("size limits in the writer", () => {
  it("keeps at most 4 KiB of a rejected record and 1 KiB of its reason", async () => {
    const huge = "Ж".repeat(2_000_000);
    const result = await ingestItems({
      caller: SYSTEM,
      source: "IODA",
      parameters: {},
      items: from([{ kind: "reject", position: 7, field: "data[0]", reason: `bad value ${huge}`, raw: huge }]),
    });
    const [reject] = await query<{ raw_bytes: number; reason_bytes: number; raw: string }>(
      "SELECT octet_length(raw) AS raw_bytes, octet_length(reason) AS reason_bytes, raw FROM ingest_rejects WHERE run_id = $1",
      [result.runId],
    );
    expect(reject!.raw_bytes).toBeLessThanOrEqual(4096);
    expect(reject!.reason_bytes).toBeLessThanOrEqual(1024);
    expect(reject!.raw).toMatch(/^ЖЖЖ.* … \[cut: 4,000,000 bytes in all\]$/);
  });

  it("rejects a text field over 64 KiB instead of storing it", async () => {
    const result = await ingestItems({
      caller: SYSTEM,
      source: "CLOUDFLARE",
      parameters: {},
      items: from([
        {
          kind: "event",
          source: "CLOUDFLARE",
          key: "long-description",
          eventKind: "CLOUDFLARE_ANNOTATION",
          asns: [],
          locations: ["KZ"],
          startsAt: new Date("2021-02-03T00:00:00Z"),
          endsAt: null,
          description: "x".repeat(70_000),
        },
        {
          kind: "event",
          source: "CLOUDFLARE",
          key: "fat-details",
          eventKind: "CLOUDFLARE_ANNOTATION",
          asns: [],
          locations: ["KZ"],
          startsAt: new Date("2021-02-03T00:00:00Z"),
          endsAt: null,
          details: { padding: "y".repeat(70_000) },
        },
      ]),
    });
    expect(result).toMatchObject({ accepted: 0, rejected: 2 });
    const rejects = await getDb().ingestReject.findMany({ where: { runId: result.runId }, orderBy: { position: "asc" } });
    expect(rejects.map((reject) => [reject.field, reject.reason])).toEqual([
      ["description", "description is longer than 64 KiB, the limit for one stored field"],
      ["details", "the event's other fields are longer than 64 KiB, the limit for one stored field"],
    ]);
  });

  it("ends a batch at its byte budget, not only at its item count", async () => {
    const rejects = Array.from({ length: 3_000 }, (_, index): IngestItem => ({ kind: "reject", position: index + 1, reason: "bad", raw: "r".repeat(4_000) }));
    const batches: number[] = [];
    const result = await ingestItems({
      caller: SYSTEM,
      source: "IODA",
      parameters: {},
      items: from(rejects),
      batchBytes: 1024 * 1024,
      onBatch: (progress) => batches.push(progress.items),
    });
    expect(result.rejected).toBe(3_000);
    // About 4 KB each: at most ~256 to a 1 MiB batch, however many the count limit (50,000) would allow.
    expect(batches.length).toBeGreaterThanOrEqual(11);
    const sizes = batches.map((items, index) => items - (batches[index - 1] ?? 0));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(260);
  });
});

describe("provenance: every stored row names its run", () => {
  it("records the run on points, series, networks, OONI measurements, roll-ups and events", async () => {
    const ioda = await ingestItems({
      caller: SYSTEM,
      source: "IODA",
      parameters: {},
      items: from([point({ at: new Date("2021-02-04T00:00:00Z"), source: "IODA", signal: "provenance", asn: 64_301, entityCode: "64301" })]),
    });
    const ooni = await ingestItems({
      caller: SYSTEM,
      source: "OONI",
      parameters: {},
      items: from([
        {
          kind: "ooni",
          uid: "provenance-1",
          reportId: "r",
          testName: "signal",
          input: null,
          probeAsn: 64_302,
          probeCc: "KZ",
          startedAt: new Date("2021-02-04T00:10:00Z"),
          anomaly: true,
          confirmed: false,
          failure: false,
          blockingType: null,
        },
      ]),
    });
    expect(await query("SELECT p.run_id FROM series_points p JOIN series s ON s.id = p.series_id WHERE s.signal = 'provenance'")).toEqual([{ run_id: ioda.runId }]);
    expect(await query("SELECT run_id FROM series WHERE signal = 'provenance'")).toEqual([{ run_id: ioda.runId }]);
    expect(await query("SELECT asn, run_id FROM networks WHERE asn IN (64301, 64302) ORDER BY asn")).toEqual([
      { asn: 64_301, run_id: ioda.runId },
      { asn: 64_302, run_id: ooni.runId },
    ]);
    expect(await query("SELECT run_id FROM ooni_measurements WHERE uid = 'provenance-1'")).toEqual([{ run_id: ooni.runId }]);
    expect(await query("SELECT p.run_id FROM series_points p JOIN series s ON s.id = p.series_id WHERE s.signal = 'signal.anomaly_rate' AND s.asn = 64302")).toEqual([
      { run_id: ooni.runId },
    ]);
    // Seeded networks were stored by no run.
    expect(await query("SELECT run_id FROM networks WHERE asn = 9198")).toEqual([{ run_id: null }]);
  });

  it("keeps series_points' covering primary key and adds only a BRIN index for runs", async () => {
    const indexes = await query<{ name: string; definition: string }>(
      "SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename = 'series_points' ORDER BY indexname",
    );
    expect(indexes.map((index) => index.name)).toEqual(["series_points_pkey", "series_points_run_id_idx"]);
    expect(indexes[0]!.definition).toContain("(series_id, at) INCLUDE (value)");
    expect(indexes[1]!.definition).toContain("USING brin (run_id)");
  });
});

describe("a run is RUNNING only while a process holds it", () => {
  it("is never swept while its process is alive, however slow, and is ended by its own process", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: (runId: number) => void;
    const runStarted = new Promise<number>((resolve) => (started = resolve));
    async function* slow(): AsyncGenerator<IngestItem> {
      yield point({ at: new Date("2021-02-05T00:00:00Z") });
      await gate;
      yield point({ at: new Date("2021-02-05T00:05:00Z") });
    }
    const running = ingestItems({ caller: SYSTEM, source: "CSV", parameters: {}, items: slow(), onRunStarted: (runId) => started(runId) });
    const runId = await runStarted;
    expect(await sweepAbandonedIngestRuns()).not.toContain(runId);
    expect(await query("SELECT status::text FROM ingest_runs WHERE id = $1", [runId])).toEqual([{ status: "RUNNING" }]);
    release();
    expect(await running).toMatchObject({ runId, accepted: 2 });
    expect(await query("SELECT status::text FROM ingest_runs WHERE id = $1", [runId])).toEqual([{ status: "SUCCEEDED" }]);
  });

  it("is marked ABANDONED by a sweep once the connection holding it is gone", async () => {
    const run = await startIngestRun({ source: "IODA", parameters: { test: "dropped" }, triggeredById: null });
    expect(await sweepAbandonedIngestRuns()).not.toContain(run.runId);
    // As if the process died: its connection ends without a word.
    const [holder] = await query<{ pid: number }>(
      "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2 AND objid::bigint = $1 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
      [run.runId],
    );
    await query("SELECT pg_terminate_backend($1)", [holder!.pid]);
    await expect.poll(async () => (await sweepAbandonedIngestRuns()).includes(run.runId) || (await query<{ status: string }>("SELECT status::text FROM ingest_runs WHERE id = $1", [run.runId]))[0]!.status === "ABANDONED", { timeout: 10_000 }).toBe(true);
    expect(await getDb().ingestRun.findUniqueOrThrow({ where: { id: run.runId } })).toMatchObject({
      status: "ABANDONED",
      error: expect.stringContaining("stopped before it finished"),
      finishedAt: expect.any(Date),
    });
    // Its owner, should it still be alive, cannot turn it back into a success silently: it records its outcome, or nothing.
    expect(run.lost).toBe(true);
    await run.release();
  });
});

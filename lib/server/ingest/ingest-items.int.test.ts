import { spawn } from "node:child_process";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { closePgPools, getPgPool } from "@/lib/db/pg-pool";
import { parseSeriesCsv } from "@/lib/ingest/csv/parse-series-csv";
import type { IngestItem, OoniMeasurementItem, OutageEventItem, SeriesPointItem } from "@/lib/ingest/types";
import { createTestActor } from "@/lib/testing/users";
import { seedReferenceData } from "@/prisma/seed";
import { RESUMABLE_PULL } from "./fixtures/resumable-pull-child";
import { ingestItems } from "./ingest-items";
import { readIngestCursor } from "./read-ingest-cursor";

const ROOT = path.resolve(import.meta.dirname, "../../..");

async function* from(items: Iterable<IngestItem>): AsyncGenerator<IngestItem> {
  yield* items;
}

const query = async <T extends Record<string, unknown>>(sql: string, values: unknown[] = []) => (await getPgPool().query<T>(sql, values)).rows;

/** Row counts of every table of the schema. */
async function countEveryTable(): Promise<Record<string, number>> {
  const tables = await query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [row] = await query<{ count: number }>(`SELECT count(*)::integer AS count FROM "${table_name}"`);
    counts[table_name] = row!.count;
  }
  return counts;
}

/** The current transaction id: rows written after it have a newer xmin. */
async function currentXid(): Promise<number> {
  const [row] = await query<{ xid: string }>("SELECT (pg_current_xact_id()::text::bigint % 4294967296)::text AS xid");
  return Number(row!.xid);
}

async function rowsWrittenSince(table: string, xid: number): Promise<number> {
  const [row] = await query<{ count: number }>(`SELECT count(*)::integer AS count FROM ${table} WHERE xmin::text::bigint > $1`, [xid]);
  return row!.count;
}

const point = (overrides: Partial<SeriesPointItem> & { at: Date }): SeriesPointItem => ({
  kind: "point",
  source: "IODA",
  signal: "bgp",
  entityType: "ASN",
  entityCode: "9198",
  asn: 9198,
  value: 1,
  ...overrides,
});

const measurement = (uid: string, startedAt: string, anomaly: boolean, overrides: Partial<OoniMeasurementItem> = {}): OoniMeasurementItem => ({
  kind: "ooni",
  uid,
  reportId: `report-${uid}`,
  testName: "web_connectivity",
  input: "https://example.org/",
  probeAsn: 9198,
  probeCc: "KZ",
  startedAt: new Date(startedAt),
  anomaly,
  confirmed: false,
  failure: false,
  blockingType: anomaly ? "dns" : null,
  ...overrides,
});

beforeAll(async () => {
  await seedReferenceData(getDb());
});

afterAll(async () => {
  await closePgPools();
});

describe("ingestItems", () => {
  it("stores N good rows and keeps M bad ones verbatim with line, field and reason", async () => {
    const good = Array.from({ length: 40 }, (_, index) => `2021-03-01T00:${String(index).padStart(2, "0")}:00Z,64100,probe.latency_ms,${index},`);
    const bad = [
      "2021-03-01T01:00:00Z,64100,probe.latency_ms,not-a-number,",
      "2021-03-01 25:00:00,64100,probe.latency_ms,1,",
      "2021-03-01T01:00:00Z,AS-what,probe.latency_ms,1,",
      "2021-03-01T01:00:00Z,64100,,1,",
      "2021-03-01T01:00:00Z,64100,probe.latency_ms,1,ripe atlas",
      "2021-03-01T01:00:00Z,64100,probe.latency_ms\t,1,extra,cells",
    ];
    const lines = ["timestamp,asn,signal,value,source", ...good.slice(0, 20), ...bad, ...good.slice(20)];
    const result = await ingestItems({
      caller: SYSTEM,
      source: "CSV",
      parameters: { fileName: "good-and-bad.csv" },
      items: parseSeriesCsv(Readable.from([Buffer.from(`${lines.join("\n")}\n`)])),
      batchSize: 7,
    });
    expect(result).toMatchObject({ accepted: 40, duplicates: 0, rejected: 6 });
    const [stored] = await query<{ count: number }>(
      "SELECT count(*)::integer AS count FROM series_points p JOIN series s ON s.id = p.series_id WHERE s.signal = 'probe.latency_ms' AND s.asn = 64100 AND s.source = 'COALITION'",
    );
    expect(stored!.count).toBe(40);
    const rejects = await getDb().ingestReject.findMany({ where: { runId: result.runId }, orderBy: { position: "asc" } });
    expect(rejects.map((reject) => reject.raw)).toEqual(bad);
    expect(rejects.map((reject) => reject.position)).toEqual([22, 23, 24, 25, 26, 27]);
    expect(rejects.map((reject) => reject.field)).toEqual(["value", "timestamp", "asn", "signal", "source", null]);
    expect(rejects.every((reject) => reject.reason.length > 0)).toBe(true);
    expect(await getDb().ingestRun.findUniqueOrThrow({ where: { id: result.runId } })).toMatchObject({
      source: "CSV",
      status: "SUCCEEDED",
      accepted: 40,
      duplicates: 0,
      rejected: 6,
      parameters: { fileName: "good-and-bad.csv" },
      finishedAt: expect.any(Date),
    });
  });

  it("rejects items the database could not hold instead of failing the batch", async () => {
    const result = await ingestItems({
      caller: SYSTEM,
      source: "IODA",
      parameters: {},
      items: from([
        point({ at: new Date("2021-04-01T00:00:00Z"), signal: "bad-items" }),
        point({ at: new Date("nonsense"), signal: "bad-items" }),
        point({ at: new Date("2021-04-01T00:05:00Z"), signal: "bad-items", value: Number.NaN }),
        point({ at: new Date("2021-04-01T00:10:00Z"), signal: "bad-items", asn: 4_200_000_000 }),
      ]),
    });
    expect(result).toMatchObject({ accepted: 1, duplicates: 0, rejected: 3 });
    const rejects = await getDb().ingestReject.findMany({ where: { runId: result.runId }, orderBy: { position: "asc" } });
    expect(rejects.map((reject) => [reject.position, reject.field])).toEqual([
      [2, "at"],
      [3, "value"],
      [4, "asn"],
    ]);
    expect(JSON.parse(rejects[2]!.raw)).toMatchObject({ kind: "point", asn: 4_200_000_000 });
  });

  it("keeps unknown ASNs as networks with no operator, and relabels their history when one is attached", async () => {
    const before = await getDb().network.findUniqueOrThrow({ where: { asn: 9198 } });
    await ingestItems({
      caller: SYSTEM,
      source: "IODA",
      parameters: {},
      items: from([
        point({ at: new Date("2021-05-01T00:00:00Z"), signal: "ping-slash24", asn: 9198 }),
        point({ at: new Date("2021-05-01T00:00:00Z"), signal: "ping-slash24", asn: 64_999, entityCode: "64999" }),
      ]),
    });
    await ingestItems({ caller: SYSTEM, source: "OONI", parameters: {}, items: from([measurement("unknown-asn-1", "2021-05-01T00:10:00Z", false, { probeAsn: 65_010 })]) });
    await ingestItems({
      caller: SYSTEM,
      source: "CLOUDFLARE",
      parameters: {},
      items: from([
        {
          kind: "event",
          source: "CLOUDFLARE",
          key: "unknown-asn-event",
          eventKind: "CLOUDFLARE_OUTAGE",
          asns: [65_020, 9198],
          locations: ["KZ"],
          startsAt: new Date("2021-05-01T00:00:00Z"),
          endsAt: null,
        },
      ]),
    });
    const networks = await getDb().network.findMany({ where: { asn: { in: [64_999, 65_010, 65_020] } }, orderBy: { asn: "asc" } });
    expect(networks.map((network) => [network.asn, network.name, network.operatorId])).toEqual([
      [64_999, "AS64999", null],
      [65_010, "AS65010", null],
      [65_020, "AS65020", null],
    ]);
    expect(await getDb().network.findUniqueOrThrow({ where: { asn: 9198 } })).toEqual(before);

    // Staff attach AS64999 to an operator: its series now reads as that operator's, with nothing re-ingested.
    await getDb().network.update({ where: { asn: 64_999 }, data: { operatorId: before.operatorId } });
    const labelled = await query<{ slug: string }>(
      "SELECT o.slug FROM series s JOIN networks n ON n.asn = s.asn JOIN operators o ON o.id = n.operator_id WHERE s.signal = 'ping-slash24' AND s.asn = 64999",
    );
    expect(labelled).toHaveLength(1);
  });

  it("rolls OONI measurements up into hourly anomaly rates, and a replay changes no row", async () => {
    const first = [
      measurement("rollup-1", "2022-01-05T10:05:00Z", true),
      measurement("rollup-2", "2022-01-05T10:15:00Z", false),
      measurement("rollup-3", "2022-01-05T10:45:00Z", false),
      measurement("rollup-4", "2022-01-05T10:59:59Z", false),
      measurement("rollup-5", "2022-01-05T11:00:00Z", true),
      measurement("rollup-6", "2022-01-05T11:30:00Z", true),
      measurement("rollup-7", "2022-01-05T11:30:00Z", false, { testName: "telegram", probeAsn: 29355 }),
    ];
    const rates = async () =>
      query<{ signal: string; entity_code: string; asn: number; step_seconds: number; at: Date; value: number }>(
        `SELECT s.signal, s.entity_code, s.asn, s.step_seconds, p.at, p.value FROM series s JOIN series_points p ON p.series_id = s.id
         WHERE s.source = 'OONI' AND p.at >= '2022-01-05' AND p.at < '2022-01-06' ORDER BY s.signal, s.entity_code, p.at`,
      );
    expect(await ingestItems({ caller: SYSTEM, source: "OONI", parameters: {}, items: from(first), batchSize: 3 })).toMatchObject({ accepted: 7, duplicates: 0 });
    expect((await rates()).map((row) => [row.signal, row.entity_code, row.at.toISOString(), row.value])).toEqual([
      ["telegram.anomaly_rate", "29355", "2022-01-05T11:00:00.000Z", 0],
      ["web_connectivity.anomaly_rate", "9198", "2022-01-05T10:00:00.000Z", 0.25],
      ["web_connectivity.anomaly_rate", "9198", "2022-01-05T11:00:00.000Z", 1],
    ]);
    expect((await rates())[1]).toMatchObject({ asn: 9198, step_seconds: 3600 });

    // One more anomalous measurement in the 10:00 hour: 2 of 5.
    await ingestItems({ caller: SYSTEM, source: "OONI", parameters: {}, items: from([measurement("rollup-8", "2022-01-05T10:30:00Z", true)]) });
    expect((await rates()).map((row) => row.value)).toEqual([0, 0.4, 1]);

    const xid = await currentXid();
    const replay = await ingestItems({ caller: SYSTEM, source: "OONI", parameters: {}, items: from([...first, measurement("rollup-8", "2022-01-05T10:30:00Z", true)]) });
    expect(replay).toMatchObject({ accepted: 0, duplicates: 8, rejected: 0 });
    expect(await rowsWrittenSince("series_points", xid)).toBe(0);
    expect(await rowsWrittenSince("series", xid)).toBe(0);
    expect(await rowsWrittenSince("ooni_measurements", xid)).toBe(0);
  });

  it("stores outage events once, with their arrays and details as given", async () => {
    const event: OutageEventItem = {
      kind: "event",
      source: "CLOUDFLARE",
      key: "event-with-quotes",
      eventKind: "CLOUDFLARE_ANNOTATION",
      entityType: "COUNTRY",
      entityCode: "KZ",
      asns: [9198, 21299],
      locations: ["KZ", 'odd "quoted"\\ location', "KZ-ALA"],
      startsAt: new Date("2022-01-05T11:15:00Z"),
      endsAt: new Date("2022-01-10T18:00:00Z"),
      datasource: "ALL",
      level: "NATIONWIDE",
      score: 0.9,
      description: "Tab\there, line\nthere, backslash \\ here",
      linkedUrl: "https://example.org/report",
      details: { outageCause: "GOVERNMENT_DIRECTED", nested: { text: "a\u0000b" } },
    };
    expect(await ingestItems({ caller: SYSTEM, source: "CLOUDFLARE", parameters: {}, items: from([event, event]) })).toMatchObject({ accepted: 1, duplicates: 1 });
    const stored = await getDb().outageEvent.findUniqueOrThrow({ where: { source_key: { source: "CLOUDFLARE", key: "event-with-quotes" } } });
    expect(stored).toMatchObject({
      kind: "CLOUDFLARE_ANNOTATION",
      asns: [9198, 21299],
      locations: event.locations,
      description: event.description,
      score: 0.9,
      details: { outageCause: "GOVERNMENT_DIRECTED", nested: { text: "a\uFFFDb" } },
    });
    expect(await ingestItems({ caller: SYSTEM, source: "CLOUDFLARE", parameters: {}, items: from([event]) })).toMatchObject({ accepted: 0, duplicates: 1 });
  });

  it("replays 200,000 points without changing a row or growing a table", async () => {
    const total = 200_000;
    const start = Date.UTC(2020, 0, 1);
    async function* many(): AsyncGenerator<IngestItem> {
      for (let index = 0; index < total; index += 1) {
        const series = index % 20;
        const step = Math.floor(index / 20);
        yield point({ signal: `bulk.${series % 4}`, asn: 64_600 + (series >> 2), entityCode: String(64_600 + (series >> 2)), at: new Date(start + step * 300_000), value: step % 97 });
      }
    }
    const first = await ingestItems({ caller: SYSTEM, source: "IODA", parameters: {}, items: many() });
    expect(first).toMatchObject({ accepted: total, duplicates: 0, rejected: 0 });

    const before = await countEveryTable();
    const xid = await currentXid();
    const replay = await ingestItems({ caller: SYSTEM, source: "IODA", parameters: {}, items: many() });
    expect(replay).toMatchObject({ accepted: 0, duplicates: total, rejected: 0 });
    const after = await countEveryTable();
    // The replay's own run record is the one new row.
    expect(after).toEqual({ ...before, ingest_runs: before.ingest_runs! + 1 });
    for (const table of ["series", "series_points", "networks", "ooni_measurements", "outage_events", "ingest_rejects", "ingest_cursors"]) {
      expect(await rowsWrittenSince(table, xid), table).toBe(0);
    }
  });

  it("marks the run FAILED with the error, keeps everything read before it, and completes on a re-run", async () => {
    const items = (fail: boolean) =>
      (async function* (): AsyncGenerator<IngestItem> {
        for (let index = 0; index < 10; index += 1) {
          if (fail && index === 6) throw new Error("the feed went away");
          yield point({ signal: "failing", at: new Date(Date.UTC(2021, 6, 1, 0, index)) });
        }
      })();
    await expect(ingestItems({ caller: SYSTEM, source: "IODA", parameters: {}, items: items(true), batchSize: 4 })).rejects.toThrow("the feed went away");
    const failed = await getDb().ingestRun.findFirstOrThrow({ orderBy: { id: "desc" } });
    // The full batch of four and the two items read after it, before the failure.
    expect(failed).toMatchObject({ status: "FAILED", error: "the feed went away", accepted: 6, finishedAt: expect.any(Date) });
    expect(await ingestItems({ caller: SYSTEM, source: "IODA", parameters: {}, items: items(false), batchSize: 4 })).toMatchObject({ accepted: 4, duplicates: 6 });
  });

  it("saves the cursor at each checkpoint and deletes it when the pull completes", async () => {
    const scope = "test=checkpoints";
    const seen: unknown[] = [];
    async function* paged(): AsyncGenerator<IngestItem> {
      yield point({ signal: "checkpointed", at: new Date("2021-08-01T00:00:00Z") });
      yield { kind: "checkpoint", cursor: { after: 1 } };
      yield point({ signal: "checkpointed", at: new Date("2021-08-01T00:05:00Z") });
      yield { kind: "checkpoint", cursor: { after: 2 } };
      // The writer reads one batch ahead: by now page 1 and its cursor are committed, page 2 may be.
      seen.push(await readIngestCursor({ source: "IODA", scope }));
      yield point({ signal: "checkpointed", at: new Date("2021-08-01T00:10:00Z") });
    }
    expect(await ingestItems({ caller: SYSTEM, source: "IODA", parameters: {}, items: paged(), scope })).toMatchObject({ accepted: 3 });
    expect([{ after: 1 }, { after: 2 }]).toContainEqual(seen[0]);
    expect(await readIngestCursor({ source: "IODA", scope })).toBeNull();
  });

  it("resumes a pull killed mid-run (SIGKILL): every row once, the cursor cleared", async () => {
    const runChild = () => {
      const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/server/ingest/fixtures/resumable-pull-child.ts"], {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: "test" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
        child.on("error", reject);
        child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
      });
      return { child, done };
    };
    const cursorPage = async () => ((await readIngestCursor({ source: "IODA", scope: RESUMABLE_PULL.scope })) as { page: number } | null)?.page ?? 0;

    const first = runChild();
    const deadline = Date.now() + 30_000;
    while ((await cursorPage()) < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    first.child.kill("SIGKILL");
    const killed = await first.done;
    expect(killed.signal, killed.stderr).toBe("SIGKILL");
    const savedPage = await cursorPage();
    expect(savedPage).toBeGreaterThanOrEqual(3);
    expect(savedPage).toBeLessThan(RESUMABLE_PULL.pages);
    const runOf = async (id?: number) =>
      (
        await query<{ id: number; status: string; error: string | null; finished_at: Date | null }>(
          `SELECT id, status::text AS status, error, finished_at FROM ingest_runs WHERE parameters->>'test' = 'resumable-pull' ${id ? "AND id = $1" : ""} ORDER BY id DESC LIMIT 1`,
          id ? [id] : [],
        )
      )[0]!;
    const killedRun = await runOf();
    // Nothing has looked since the kill: the run still says RUNNING.
    expect(killedRun.status).toBe("RUNNING");

    const second = await runChild().done;
    expect(second.code, second.stderr).toBe(0);
    // The next run found no process holding the killed run's lock, and said so.
    expect(await runOf(killedRun.id)).toMatchObject({ status: "ABANDONED", error: expect.stringMatching(/stopped before it finished/), finished_at: expect.any(Date) });
    const result = JSON.parse(second.stdout.trim().split("\n").at(-1)!) as { accepted: number; duplicates: number; resumedAfter: number };
    expect(result.resumedAfter).toBeGreaterThanOrEqual(savedPage);
    expect(result.accepted + result.duplicates).toBe((RESUMABLE_PULL.pages - result.resumedAfter) * RESUMABLE_PULL.pointsPerPage);

    const [stored] = await query<{ count: number; distinct_at: number }>(
      `SELECT count(*)::integer AS count, count(DISTINCT p.at)::integer AS distinct_at FROM series_points p JOIN series s ON s.id = p.series_id
       WHERE s.source = 'IODA' AND s.signal = 'bgp' AND s.entity_code = '9198' AND p.at >= '2022-01-01' AND p.at < '2022-02-01'`,
    );
    expect(stored).toEqual({ count: RESUMABLE_PULL.pages * RESUMABLE_PULL.pointsPerPage, distinct_at: RESUMABLE_PULL.pages * RESUMABLE_PULL.pointsPerPage });
    expect(await readIngestCursor({ source: "IODA", scope: RESUMABLE_PULL.scope })).toBeNull();
  });

  describe("authorisation", () => {
    const attempt = (by: Parameters<typeof ingestItems>[0]["caller"]) =>
      ingestItems({ caller: by, source: "IODA", parameters: {}, items: from([point({ signal: "authorised", at: new Date("2021-09-01T00:00:00Z") })]) });

    it("refuses anonymous callers and contributors, before creating a run", async () => {
      const runs = await getDb().ingestRun.count();
      await expect(attempt(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      await expect(attempt(await createTestActor({ role: "contributor" }))).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await getDb().ingestRun.count()).toBe(runs);
    });

    it("lets editors, administrators and SYSTEM ingest, recording who triggered the run", async () => {
      const editor = await createTestActor({ role: "editor" });
      const admin = await createTestActor({ role: "admin" });
      const byEditor = await attempt(editor);
      expect(byEditor.accepted).toBe(1);
      expect(await attempt(admin)).toMatchObject({ accepted: 0, duplicates: 1 });
      expect(await attempt(SYSTEM)).toMatchObject({ accepted: 0, duplicates: 1 });
      expect(await getDb().ingestRun.findUniqueOrThrow({ where: { id: byEditor.runId } })).toMatchObject({ triggeredById: editor.id });
    });
  });
});

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM, type Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { CHART_DATA_CHANNEL } from "@/lib/db/chart-data-changes";
import { closePgPools, getPgPool } from "@/lib/db/pg-pool";
import type { IngestItem, OoniMeasurementItem, SeriesPointItem } from "@/lib/ingest/types";
import { importStopFile } from "@/lib/server/imports/import-stop-file";
import { readStopFixture } from "@/lib/ingest/stop/fixtures/seed-reference";
import { createTestActor } from "@/lib/testing/users";
import { seedReferenceData } from "@/prisma/seed";
import { ingestItems } from "./ingest-items";
import { rollbackIngestRun } from "./rollback-ingest-run";
import { startIngestRun } from "./start-ingest-run";

/**
 * Rolling back a run against real PostgreSQL: it takes away exactly what the
 * run added (the tables end as they were before it, row for row), recomputes
 * the OONI roll-ups it touched, is refused to the wrong people and in the
 * wrong states, and is audited.
 */

async function* from(items: Iterable<IngestItem>): AsyncGenerator<IngestItem> {
  yield* items;
}

const query = async <T extends Record<string, unknown>>(sql: string, values: unknown[] = []) => (await getPgPool().query<T>(sql, values)).rows;

/** Every row of the measurement tables, in key order, without the columns that only say when or by which run. */
async function measurementState() {
  return {
    series: await query("SELECT source::text, signal, entity_type::text, entity_code, asn, unit, step_seconds FROM series ORDER BY source, signal, entity_type, entity_code"),
    points: await query(
      `SELECT s.source::text, s.signal, s.entity_code, p.at, p.value FROM series_points p JOIN series s ON s.id = p.series_id
       ORDER BY s.source, s.signal, s.entity_code, p.at`,
    ),
    networks: await query("SELECT asn, name, operator_id FROM networks ORDER BY asn"),
    measurements: await query("SELECT uid, test_name, probe_asn, started_at, anomaly FROM ooni_measurements ORDER BY uid"),
    events: await query("SELECT source::text, key, asns, starts_at FROM outage_events ORDER BY source, key"),
  };
}

const iodaPoint = (asn: number, minute: number, signal = "rollback.bgp"): SeriesPointItem => ({
  kind: "point",
  source: "IODA",
  signal,
  entityType: "ASN",
  entityCode: String(asn),
  asn,
  at: new Date(Date.UTC(2023, 2, 1, 0, minute)),
  value: minute,
});

const measurement = (uid: string, startedAt: string, anomaly: boolean, probeAsn = 64_501): OoniMeasurementItem => ({
  kind: "ooni",
  uid,
  reportId: `report-${uid}`,
  testName: "telegram",
  input: null,
  probeAsn,
  probeCc: "KZ",
  startedAt: new Date(startedAt),
  anomaly,
  confirmed: false,
  failure: false,
  blockingType: null,
});

let editor: Actor;

beforeAll(async () => {
  await seedReferenceData(getDb());
  editor = await createTestActor({ role: "editor", name: "Rollback Editor" });
});

afterAll(async () => {
  await closePgPools();
});

describe("rollbackIngestRun", () => {
  it("takes away exactly what each run added: later runs' rows, and rows a run only found, stay", async () => {
    const before = await measurementState();
    // Run A: a new network's series at minutes 0–2.
    const a = await ingestItems({ caller: SYSTEM, source: "IODA", parameters: {}, items: from([0, 1, 2].map((minute) => iodaPoint(64_401, minute))) });
    const afterA = await measurementState();
    // Run B: minutes 1–4 of the same series (1 and 2 already stored by A), and a series of its own on AS9198.
    const b = await ingestItems({
      caller: SYSTEM,
      source: "IODA",
      parameters: {},
      items: from([...[1, 2, 3, 4].map((minute) => iodaPoint(64_401, minute)), iodaPoint(9198, 0, "rollback.ping"), iodaPoint(64_402, 0)]),
    });
    expect(b).toMatchObject({ accepted: 4, duplicates: 2 });

    const rolledBackB = await rollbackIngestRun({ caller: editor, runId: b.runId });
    expect(rolledBackB).toEqual({ runId: b.runId, points: 4, measurements: 0, events: 0, series: 2, networks: 1, recomputedHours: 0 });
    expect(await measurementState()).toEqual(afterA);

    const rolledBackA = await rollbackIngestRun({ caller: editor, runId: a.runId });
    expect(rolledBackA).toMatchObject({ points: 3, series: 1, networks: 1 });
    expect(await measurementState()).toEqual(before);

    expect(await getDb().ingestRun.findUniqueOrThrow({ where: { id: b.runId } })).toMatchObject({
      status: "ROLLED_BACK",
      rolledBackById: editor.id,
      rolledBackAt: expect.any(Date),
      accepted: 4,
    });
  });

  it("recomputes the OONI hours the run had measurements in, from what is left", async () => {
    const rates = async () =>
      (
        await query<{ at: Date; value: number }>(
          `SELECT p.at, p.value FROM series_points p JOIN series s ON s.id = p.series_id
           WHERE s.source = 'OONI' AND s.signal = 'telegram.anomaly_rate' AND s.asn = 64501 ORDER BY p.at`,
        )
      ).map((row) => [row.at.toISOString().slice(11, 16), row.value]);
    // X: hours 10 and 11; Y: hours 11 and 12.
    const x = await ingestItems({
      caller: SYSTEM,
      source: "OONI",
      parameters: {},
      items: from([measurement("x-1", "2023-03-02T10:05:00Z", true), measurement("x-2", "2023-03-02T11:05:00Z", true), measurement("x-3", "2023-03-02T11:10:00Z", true)]),
    });
    const y = await ingestItems({
      caller: SYSTEM,
      source: "OONI",
      parameters: {},
      items: from([measurement("y-1", "2023-03-02T11:20:00Z", false), measurement("y-2", "2023-03-02T12:20:00Z", false)]),
    });
    expect(await rates()).toEqual([
      ["10:00", 1],
      ["11:00", 2 / 3],
      ["12:00", 0],
    ]);
    const summary = await rollbackIngestRun({ caller: editor, runId: x.runId });
    expect(summary).toMatchObject({ measurements: 3, recomputedHours: 2 });
    // Hour 10 had only X's measurement: gone. Hour 11 is Y's alone now. Hour 12 never involved X.
    expect(await rates()).toEqual([
      ["11:00", 0],
      ["12:00", 0],
    ]);
    // The recomputed hour now belongs to the run whose measurement it rests on.
    expect(await query("SELECT p.run_id FROM series_points p JOIN series s ON s.id = p.series_id WHERE s.signal = 'telegram.anomaly_rate' AND s.asn = 64501 AND p.at = '2023-03-02T11:00:00Z'")).toEqual([
      { run_id: y.runId },
    ]);
    await rollbackIngestRun({ caller: editor, runId: y.runId });
    expect(await rates()).toEqual([]);
    expect(await query("SELECT count(*)::integer AS count FROM networks WHERE asn = 64501")).toEqual([{ count: 0 }]);
  });

  it("removes a run's outage events, keeps a network staff attached meanwhile, and drops a pull's saved cursor", async () => {
    const scope = "rollback=cursor";
    const run = await ingestItems({
      caller: SYSTEM,
      source: "CLOUDFLARE",
      parameters: { scope },
      scope,
      items: (async function* (): AsyncGenerator<IngestItem> {
        yield { kind: "event", source: "CLOUDFLARE", key: "rollback-event", eventKind: "CLOUDFLARE_OUTAGE", asns: [64_601], locations: ["KZ"], startsAt: new Date("2023-03-03T00:00:00Z"), endsAt: null };
        yield { kind: "checkpoint", cursor: { page: 1 } };
        throw new Error("the feed went away");
      })(),
    }).catch((error: unknown) => error);
    expect(run).toBeInstanceOf(Error);
    const [failed] = await query<{ id: number }>("SELECT id FROM ingest_runs WHERE parameters->>'scope' = $1", [scope]);
    expect(await query("SELECT count(*)::integer AS count FROM ingest_cursors WHERE scope = $1", [scope])).toEqual([{ count: 1 }]);
    const kcell = await getDb().operator.findUniqueOrThrow({ where: { slug: "kcell" } });
    await getDb().network.update({ where: { asn: 64_601 }, data: { operatorId: kcell.id } });

    expect(await rollbackIngestRun({ caller: editor, runId: failed!.id })).toMatchObject({ events: 1, networks: 0 });
    expect(await getDb().outageEvent.count({ where: { key: "rollback-event" } })).toBe(0);
    expect(await getDb().network.findUnique({ where: { asn: 64_601 } })).toMatchObject({ operatorId: kcell.id });
    expect(await query("SELECT count(*)::integer AS count FROM ingest_cursors WHERE scope = $1", [scope])).toEqual([{ count: 0 }]);
  });

  it("tells every process's chart cache, and records the rollback in the audit log", async () => {
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const heard: string[] = [];
    listener.on("notification", (message) => heard.push(`${message.channel}:${message.payload}`));
    await listener.query(`LISTEN ${CHART_DATA_CHANNEL}`);
    try {
      const run = await ingestItems({ caller: SYSTEM, source: "IODA", parameters: {}, items: from([iodaPoint(9198, 30, "rollback.notify")]) });
      heard.length = 0;
      await rollbackIngestRun({ caller: editor, runId: run.runId });
      await expect.poll(() => heard).toContain(`${CHART_DATA_CHANNEL}:series`);
      const [event] = await getDb().auditEvent.findMany({ where: { action: "INGEST_RUN_ROLLED_BACK" }, orderBy: { id: "desc" }, take: 1 });
      expect(event).toMatchObject({ actorId: editor.id, email: editor.email, details: { runId: run.runId, points: 1, source: "IODA", previousStatus: "SUCCEEDED" } });
    } finally {
      await listener.end();
    }
  });

  it("is refused to anonymous callers and contributors (audited), and in states where it cannot be right", async () => {
    const run = await ingestItems({ caller: SYSTEM, source: "IODA", parameters: {}, items: from([iodaPoint(9198, 40, "rollback.refused")]) });
    const contributor = await createTestActor({ role: "contributor" });
    await expect(rollbackIngestRun({ caller: null, runId: run.runId })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(rollbackIngestRun({ caller: contributor, runId: run.runId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await getDb().auditEvent.count({ where: { action: "PERMISSION_DENIED", actorId: contributor.id } })).toBe(1);
    expect(await getDb().ingestRun.findUniqueOrThrow({ where: { id: run.runId } })).toMatchObject({ status: "SUCCEEDED" });

    await expect(rollbackIngestRun({ caller: editor, runId: 987_654 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await rollbackIngestRun({ caller: editor, runId: run.runId });
    await expect(rollbackIngestRun({ caller: editor, runId: run.runId })).rejects.toMatchObject({ code: "CONFLICT", details: { reason: "rolledBack" } });

    const running = await startIngestRun({ source: "IODA", parameters: {}, triggeredById: null });
    try {
      await expect(rollbackIngestRun({ caller: editor, runId: running.runId })).rejects.toMatchObject({ code: "CONFLICT", details: { reason: "running" } });
    } finally {
      await running.finish({ status: "SUCCEEDED", accepted: 0, duplicates: 0, rejected: 0 });
    }

    const stop = await importStopFile({ caller: editor, input: readStopFixture("stop-2022-kazakhstan.csv"), fileName: "stop.csv" });
    await expect(rollbackIngestRun({ caller: editor, runId: stop.runId })).rejects.toMatchObject({ code: "CONFLICT", details: { reason: "stop" } });
  });

  it("rolls back a run whose process died (ABANDONED), and a writer running meanwhile carries on", async () => {
    const dead = await startIngestRun({ source: "IODA", parameters: {}, triggeredById: null });
    await getPgPool().query("INSERT INTO series (source, signal, entity_type, entity_code, asn, run_id) VALUES ('IODA', 'rollback.dead', 'ASN', '9198', 9198, $1)", [dead.runId]);
    await getPgPool().query(
      "INSERT INTO series_points (series_id, at, value, run_id) SELECT id, '2023-03-04T00:00:00Z', 1, $1 FROM series WHERE signal = 'rollback.dead'",
      [dead.runId],
    );
    await dead.release();

    // Another run writes into the dead run's series while the rollback happens.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    async function* alongside(): AsyncGenerator<IngestItem> {
      yield { ...iodaPoint(9198, 0, "rollback.dead"), at: new Date("2023-03-04T00:00:00Z") };
      await gate;
      yield { ...iodaPoint(9198, 0, "rollback.dead"), at: new Date("2023-03-04T00:05:00Z") };
    }
    let firstBatch!: () => void;
    const firstBatchStored = new Promise<void>((resolve) => (firstBatch = resolve));
    const writing = ingestItems({ caller: SYSTEM, source: "IODA", parameters: {}, items: alongside(), batchSize: 1, onBatch: () => firstBatch() });
    await firstBatchStored;
    // Starting that run swept the dead one.
    expect(await getDb().ingestRun.findUniqueOrThrow({ where: { id: dead.runId } })).toMatchObject({ status: "ABANDONED" });

    const summary = await rollbackIngestRun({ caller: editor, runId: dead.runId });
    expect(summary).toMatchObject({ points: 1, series: 1 });
    expect(await getDb().ingestRun.findUniqueOrThrow({ where: { id: dead.runId } })).toMatchObject({ status: "ROLLED_BACK" });
    release();
    // The other run's first point was a duplicate of the dead run's (now gone); its writers forget the deleted series and store the next point.
    expect(await writing).toMatchObject({ accepted: 1, duplicates: 1 });
    expect(await query("SELECT count(*)::integer AS count FROM series_points p JOIN series s ON s.id = p.series_id WHERE s.signal = 'rollback.dead'")).toEqual([{ count: 1 }]);
  });
});

import { Readable } from "node:stream";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { closePgPools, getPgPool } from "@/lib/db/pg-pool";
import { isAppError } from "@/lib/errors";
import { readStopFixture } from "@/lib/ingest/stop/fixtures/seed-reference";
import { gzipBombStream } from "@/lib/ingest/testing/hostile-inputs";
import { createTestActor } from "@/lib/testing/users";
import { seedReferenceData } from "@/prisma/seed";
import { ingestUpload } from "./ingest-upload";

/**
 * Console uploads run in a worker process with its own memory limits: real
 * worker processes (scripts/ingest-upload-worker.ts), real PostgreSQL, and
 * inputs generated as streams (a gzip bomb of 4 GiB, a line of 3 GiB) that
 * never exist anywhere in full. While a worker chews on them, this process
 * (the web server's stand-in) and PostgreSQL keep answering.
 */

let editor: Actor;

beforeAll(async () => {
  await seedReferenceData(getDb());
  editor = await createTestActor({ role: "editor", name: "Upload Editor" });
});

afterAll(async () => {
  await closePgPools();
});

const text = (value: string) => Readable.from([Buffer.from(value, "utf8")]);

async function failureOf(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(isAppError(error), String(error)).toBe(true);
  return error as { code: string; message: string; details: { runId: number | null; reason?: string } };
}

/** Runs `work` while PostgreSQL is asked `SELECT 1` every 50 ms and this event loop is watched; returns the slowest answer and the loop's worst delay. */
async function whileServing<T>(work: () => Promise<T>) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let slowestQueryMs = 0;
  let queries = 0;
  let done = false;
  const probing = (async () => {
    while (!done) {
      const started = performance.now();
      await getPgPool().query("SELECT 1");
      slowestQueryMs = Math.max(slowestQueryMs, performance.now() - started);
      queries += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  try {
    const result = await work();
    return { result, slowestQueryMs, queries, worstLoopDelayMs: delay.max / 1e6 };
  } finally {
    done = true;
    await probing;
    delay.disable();
  }
}

describe("ingestUpload", () => {
  it("ingests a measurement file in the worker, records who uploaded it, and returns the first rejects", async () => {
    const csv = ["timestamp,asn,signal,value", "2022-01-05T11:00:00Z,9198,probe.reachability,0.25", "not-a-time,9198,probe.reachability,1", "2022-01-05T12:00:00Z,9198,bgp,1"].join("\n");
    const result = await ingestUpload({ caller: editor, job: { kind: "feed", feed: "csv", fileName: "probes.csv" }, input: text(csv) });
    expect(result).toMatchObject({ accepted: 1, duplicates: 0, rejected: 2 });
    expect(result.firstRejects.map((reject) => [reject.position, reject.field])).toEqual([
      [3, "timestamp"],
      [4, "signal"],
    ]);
    expect(await getDb().ingestRun.findUniqueOrThrow({ where: { id: result.runId } })).toMatchObject({
      source: "CSV",
      status: "SUCCEEDED",
      triggeredById: editor.id,
      parameters: { fileName: "probes.csv", trigger: "upload" },
    });
  });

  it("imports a STOP sheet in the worker, and reports a sheet that is not STOP's in one line", async () => {
    const result = await ingestUpload({ caller: editor, job: { kind: "stop", country: "Kazakhstan", fileName: "stop.csv" }, input: text(readStopFixture("stop-2022-kazakhstan.csv")) });
    expect(result.accepted).toBeGreaterThan(0);
    expect(await getDb().ingestRun.findUniqueOrThrow({ where: { id: result.runId } })).toMatchObject({ source: "STOP", status: "SUCCEEDED", triggeredById: editor.id });

    const error = await failureOf(ingestUpload({ caller: editor, job: { kind: "stop", country: "Kazakhstan", fileName: "other.csv" }, input: text("date,place\n1,2\n") }));
    expect(error).toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/^Not a #KeepItOn STOP export/) });
    expect(await getDb().ingestRun.findUniqueOrThrow({ where: { id: error.details.runId! } })).toMatchObject({ status: "FAILED", error: error.message });
  });

  it("ends a gzip bomb at the upload limit with a clear error, while this process and PostgreSQL keep answering", async () => {
    const served = await whileServing(() =>
      failureOf(ingestUpload({ caller: editor, job: { kind: "feed", feed: "ooni", fileName: "bomb.jsonl.gz" }, input: gzipBombStream(4 * 1024 ** 3) })),
    );
    const error = served.result;
    expect(error.message).toMatch(/^The input is larger than 256 MiB once decompressed \(the limit for files uploaded in the console\)/);
    expect(error.details).toMatchObject({ reason: "limit", limit: "uploadInputBytes", runId: expect.any(Number) });
    expect(await getDb().ingestRun.findUniqueOrThrow({ where: { id: error.details.runId! } })).toMatchObject({ status: "FAILED", error: error.message, triggeredById: editor.id });
    // Every probe was answered; generous bounds for a shared 2-core machine: the point is that nothing waits for the worker.
    expect(served.queries).toBeGreaterThan(3);
    expect(served.slowestQueryMs).toBeLessThan(5_000);
    expect(served.worstLoopDelayMs).toBeLessThan(1_000);
  }, 180_000);

  it("ends a file whose one line is 3 GiB with a clear error, never holding the line", async () => {
    const served = await whileServing(() =>
      failureOf(
        ingestUpload({
          caller: editor,
          job: { kind: "feed", feed: "csv", fileName: "long-line.csv.gz" },
          input: gzipBombStream(3 * 1024 ** 3, { prefix: "timestamp,asn,signal,value\n2022-01-05T11:00:00Z,9198,probe.reachability,", text: "9" }),
        }),
      ),
    );
    expect(served.result.message).toMatch(/larger than 256 MiB once decompressed/);
    // The row was rejected (its first 4 KiB kept) before the input limit ended the run.
    const rejects = await getDb().ingestReject.findMany({ where: { runId: served.result.details.runId! } });
    expect(rejects).toHaveLength(1);
    expect(rejects[0]!.reason).toContain("the limit for one CSV row");
    expect(Buffer.byteLength(rejects[0]!.raw)).toBeLessThanOrEqual(4096);
    expect(served.slowestQueryMs).toBeLessThan(5_000);
    expect(served.worstLoopDelayMs).toBeLessThan(1_000);
  }, 180_000);

  it("kills a worker over its memory limit, fails its run saying so, and the next upload works", async () => {
    // A limit below what any Node.js process needs: the watchdog must act.
    const error = await failureOf(
      ingestUpload({
        caller: editor,
        job: { kind: "feed", feed: "csv", fileName: "small.csv" },
        input: Readable.from(
          (async function* () {
            yield Buffer.from("timestamp,asn,signal,value\n");
            // Keep the worker busy reading until the watchdog looks.
            await new Promise((resolve) => setTimeout(resolve, 20_000));
          })(),
        ),
        limits: { rssBytes: 32 * 1024 * 1024 },
      }).catch((reason: unknown) => {
        throw reason;
      }),
    );
    expect(error).toMatchObject({ code: "VALIDATION", details: { reason: "memory" } });
    expect(error.message).toContain("took more than 32 MiB of memory, the limit for a console upload, and it was stopped");
    if (error.details.runId !== null) {
      expect(await getDb().ingestRun.findUniqueOrThrow({ where: { id: error.details.runId } })).toMatchObject({ status: "FAILED", error: expect.stringContaining("32 MiB") });
    }
    const next = await ingestUpload({ caller: editor, job: { kind: "feed", feed: "csv", fileName: "after.csv" }, input: text("timestamp,asn,signal,value\n2022-01-06T11:00:00Z,9198,probe.reachability,0.5\n") });
    expect(next.accepted).toBe(1);
  }, 120_000);

  it("stops a worker that takes longer than its time limit", async () => {
    const slow = new Readable({ read() {} });
    slow.push("timestamp,asn,signal,value\n");
    const error = await failureOf(ingestUpload({ caller: editor, job: { kind: "feed", feed: "csv", fileName: "slow.csv" }, input: slow, limits: { milliseconds: 8_000 } }));
    expect(error).toMatchObject({ code: "VALIDATION", details: { reason: "time", runId: expect.any(Number) } });
    expect(await getDb().ingestRun.findUniqueOrThrow({ where: { id: error.details.runId! } })).toMatchObject({ status: "FAILED" });
  }, 120_000);

  it("refuses anonymous callers and contributors before starting anything", async () => {
    const runs = await getDb().ingestRun.count();
    const contributor = await createTestActor({ role: "contributor" });
    expect(await failureOf(ingestUpload({ caller: null, job: { kind: "feed", feed: "csv", fileName: "x.csv" }, input: text("x") }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await failureOf(ingestUpload({ caller: contributor, job: { kind: "feed", feed: "csv", fileName: "x.csv" }, input: text("x") }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await getDb().ingestRun.count()).toBe(runs);
  });
});

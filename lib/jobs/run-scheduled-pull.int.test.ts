import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { readServerEnv } from "@/lib/env";
import { seedReferenceData } from "@/prisma/seed";
import { runScheduledPull } from "./run-scheduled-pull";

/**
 * A scheduled pull end to end: a local stand-in for the OONI API, the real
 * OONI pull, the bulk writer and PostgreSQL. The stand-in answers every
 * measurements query with the same page, as a quiet day would.
 */

const requests: string[] = [];
let server: http.Server;
let baseUrl: string;

const measurement = (uid: string, anomaly: boolean) => ({
  measurement_uid: uid,
  report_id: `20220105T111500Z_webconnectivity_KZ_9198_n1_${uid}`,
  test_name: "web_connectivity",
  input: "https://www.facebook.com/",
  probe_asn: "AS9198",
  probe_cc: "KZ",
  measurement_start_time: "2022-01-05T11:20:00.000000Z",
  anomaly,
  confirmed: false,
  failure: false,
  scores: { blocking_general: anomaly ? 1 : 0 },
});

beforeAll(async () => {
  await seedReferenceData(getDb());
  server = http.createServer((request, response) => {
    requests.push(request.url ?? "");
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ metadata: { count: -1, pages: -1, next_url: null }, results: [measurement("20220105.a", true), measurement("20220105.b", false)] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("a scheduled pull", () => {
  it("pulls the look-back window for the operators' ASNs, stores it once, and records the run", async () => {
    const env = readServerEnv({ ...process.env, OONI_API_URL: baseUrl });
    const context = { connectionString: process.env.DATABASE_URL!, env };
    const first = await runScheduledPull({ feed: "OONI", parameters: { country: "KZ", asns: [], lookbackHours: 24 }, ...context });
    if ("skipped" in first) throw new Error("the first pull was skipped");
    expect(first.accepted).toBe(2);
    expect(requests.some((url) => url.includes("probe_asn=9198") || url.includes("probe_asn=AS9198"))).toBe(true);
    expect(await getDb().ooniMeasurement.count()).toBe(2);

    const run = await getDb().ingestRun.findUniqueOrThrow({ where: { id: first.runId } });
    expect(run).toMatchObject({ source: "OONI", status: "SUCCEEDED", accepted: 2 });
    expect(run.parameters).toMatchObject({ trigger: "schedule", country: "KZ" });

    // The next run overlaps the window: nothing is stored twice.
    const second = await runScheduledPull({ feed: "OONI", parameters: { country: "KZ", asns: [9198], lookbackHours: 24 }, ...context });
    expect(second).toMatchObject({ accepted: 0 });
    expect(await getDb().ooniMeasurement.count()).toBe(2);
  });

  it("never runs two pulls of one feed at once, however long the first takes; other feeds are not held up", async () => {
    // A stand-in for IODA that holds its answers until released: a pull far longer than pg-boss's job expiry would be.
    let releaseAnswers!: () => void;
    const answers = new Promise<void>((resolve) => (releaseAnswers = resolve));
    const slowRequests: string[] = [];
    const slow = http.createServer((request, response) => {
      slowRequests.push(request.url ?? "");
      void answers.then(() => {
        response.setHeader("content-type", "application/json");
        response.end(JSON.stringify({ type: "signals", metadata: {}, requestParameters: {}, error: null, perf: {}, data: [] }));
      });
    });
    await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve));
    try {
      const env = readServerEnv({ ...process.env, IODA_API_URL: `http://127.0.0.1:${(slow.address() as AddressInfo).port}`, OONI_API_URL: baseUrl });
      const context = { connectionString: process.env.DATABASE_URL!, env };
      const runsBefore = await getDb().ingestRun.count({ where: { source: "IODA" } });
      const first = runScheduledPull({ feed: "IODA", parameters: { country: "KZ", asns: [9198], lookbackHours: 1 }, ...context });
      await expect.poll(() => slowRequests.length, { timeout: 15_000 }).toBeGreaterThan(0);

      // The first pull is still waiting on IODA: a second pull of IODA does not start, and makes no run.
      expect(await runScheduledPull({ feed: "IODA", parameters: { country: "KZ", asns: [9198], lookbackHours: 1 }, ...context })).toEqual({ skipped: true, feed: "IODA" });
      expect(await getDb().ingestRun.count({ where: { source: "IODA" } })).toBe(runsBefore + 1);
      // Another feed runs meanwhile.
      expect(await runScheduledPull({ feed: "OONI", parameters: { country: "KZ", asns: [9198], lookbackHours: 24 }, ...context })).toMatchObject({ runId: expect.any(Number) });

      releaseAnswers();
      expect(await first).toMatchObject({ runId: expect.any(Number), accepted: 0 });
      // Once it has ended, the next pull of IODA runs.
      expect(await runScheduledPull({ feed: "IODA", parameters: { country: "KZ", asns: [9198], lookbackHours: 1 }, ...context })).toMatchObject({ runId: expect.any(Number) });
    } finally {
      releaseAnswers();
      slow.closeAllConnections();
      await new Promise((resolve) => slow.close(resolve));
    }
  });

  it("refuses a Cloudflare pull without a token, before touching the network", async () => {
    const env = readServerEnv({ ...process.env, CLOUDFLARE_API_TOKEN: "" });
    await expect(runScheduledPull({ feed: "CLOUDFLARE", parameters: { country: "KZ", asns: [], lookbackHours: 1 }, connectionString: process.env.DATABASE_URL!, env })).rejects.toThrow(
      /CLOUDFLARE_API_TOKEN/,
    );
    // The same planning, and the same FEED error, as the command line's.
    await expect(
      runScheduledPull({ feed: "CLOUDFLARE", parameters: { country: "KZ", asns: [], lookbackHours: 1 }, connectionString: process.env.DATABASE_URL!, env }),
    ).rejects.toMatchObject({ code: "FEED" });
  });
});

import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import pg from "pg";
import { databaseUrlFor } from "@/lib/db/connection";
import { createDatabase, dropDatabase } from "@/lib/testing/test-database";
import { expect, runFixtureScript, signInThroughForm, test, type StaffAccount } from "./fixtures/test";
import { cleanUpProcessesAndDirs, freePort, runScript, temporaryDataDir, waitUntilServing, type RunningCommand } from "./fixtures/processes";
import { FIRST_SEED_LOG } from "./fixtures/seed-log";

/**
 * Two production app servers (`npm start`'s scripts/app.ts: migrations, seed,
 * feed scheduler, and scripts/serve-production.ts with its shared response
 * cache) on one PostgreSQL, as the README's production layout runs them behind
 * a load balancer, started together on an empty database. They must behave as
 * one: a session from one is good on the other, a publication through one
 * empties both caches within a second, the API's per-address limit counts
 * requests to both, and a scheduled pull runs once, not once per server.
 */

test.describe.configure({ timeout: 12 * 60_000 });
test.afterEach(cleanUpProcessesAndDirs);

const DATABASE = "kst_e2e_two_instances";
const API_LIMIT = 6;

/** A stand-in for the OONI API: every measurements query gets the same quiet page, and every request is counted. */
async function startOoniStandIn() {
  const requests: string[] = [];
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
  const server = http.createServer((request, response) => {
    requests.push(request.url ?? "");
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ metadata: { count: -1, pages: -1, next_url: null }, results: [measurement("20220105.a", true), measurement("20220105.b", false)] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function query<Row extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

async function stop(run: RunningCommand) {
  if (run.child.exitCode !== null || run.child.signalCode !== null) return;
  process.kill(run.child.pid!, "SIGTERM");
  await run.exited;
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

test("two app servers on one PostgreSQL behave as one", async ({ browser }) => {
  const e2eDatabase = JSON.parse(readFileSync(path.join(path.resolve(process.env.KST_DATA_DIR ?? ".data"), "e2e-database.json"), "utf8")) as { url: string; ownerUrl: string };
  // Created and migrated as the owner; the servers, like production, read and write as the app role.
  const serverUrl = databaseUrlFor(e2eDatabase.ownerUrl, "postgres");
  const ownerUrl = await createDatabase(serverUrl, DATABASE);
  const databaseUrl = databaseUrlFor(e2eDatabase.url, DATABASE);
  const ooni = await startOoniStandIn();
  const [portA, portB] = [await freePort(), await freePort()];
  const origin = { A: `http://127.0.0.1:${portA}`, B: `http://127.0.0.1:${portB}` };
  // What the README's production layout asks every server to share.
  const shared = {
    DATABASE_URL: databaseUrl,
    DATABASE_OWNER_URL: ownerUrl,
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    SITE_URL: "https://tracker.example",
    API_RATE_LIMIT_PER_MINUTE: String(API_LIMIT),
    OONI_API_URL: ooni.url,
  };
  const servers = {
    A: runScript("scripts/app.ts", ["start"], { ...shared, PORT: String(portA), KST_DATA_DIR: temporaryDataDir() }),
    B: runScript("scripts/app.ts", ["start"], { ...shared, PORT: String(portB), KST_DATA_DIR: temporaryDataDir() }),
  };
  const output = () => servers.A.output() + servers.B.output();

  try {
    await test.step("both start together on the empty database, which is migrated and seeded once", async () => {
      await Promise.all([waitUntilServing(servers.A, portA, 300_000), waitUntilServing(servers.B, portB, 300_000)]);
      expect(count(output(), FIRST_SEED_LOG)).toBe(1);
      expect(count(output(), "Seed skipped: the database already holds data")).toBe(1);
    });

    const editor = await runFixtureScript<StaffAccount>("e2e/fixtures/create-user.ts", { role: "editor", name: "Two Servers Editor" }, { E2E_DATABASE_URL: databaseUrl });
    const page = await browser.newPage();

    await test.step("a session created on one server is valid on the other", async () => {
      await signInThroughForm(page, editor, `${origin.A}/staff/sign-in`);
      const cookies = await page.context().cookies(origin.A);
      const session = cookies.find((cookie) => cookie.name.endsWith("kst.session_token"));
      expect(session, JSON.stringify(cookies.map((cookie) => cookie.name))).toBeDefined();
      const onB = await fetch(`${origin.B}/staff`, { headers: { cookie: `${session!.name}=${session!.value}` }, redirect: "manual" });
      expect(onB.status).toBe(200);
      const html = await onB.text();
      expect(html).toContain("Staff console");
      expect(html).toContain(editor.name);
      // Without it, B sends the visitor to sign in: the page above was the session's doing.
      const anonymous = await fetch(`${origin.B}/staff`, { redirect: "manual" });
      expect(anonymous.status).toBeGreaterThanOrEqual(300);
      expect(anonymous.headers.get("location")).toContain("/staff/sign-in");
    });

    // Switched on now, so that its first pull (two minutes after the save) comes while the other checks run.
    let firstPullAt = 0;
    await test.step("an editor switches the OONI pull on through server A", async () => {
      await page.goto(`${origin.A}/staff/feeds`);
      const form = page.getByRole("form", { name: "OONI" });
      await form.getByLabel("Pull on a schedule").check();
      await form.getByLabel("How often").selectOption("15");
      await form.getByLabel("Networks (ASNs)").fill("9198");
      await form.getByLabel("Look back (hours)").fill("1");
      await form.getByRole("button", { name: "Save" }).click();
      await expect(form.getByText("Saved. Scheduled pulls are on.")).toBeVisible();
      const [row] = await query<{ updated_at: Date }>(databaseUrl, "SELECT updated_at FROM feed_schedules WHERE source = 'OONI'");
      firstPullAt = (Math.floor(row!.updated_at.getTime() / 60_000) + 2) * 60_000;
    });

    await test.step("publishing an incident through server A changes the cached page on both servers within a second", async () => {
      const title = `Two servers probe ${Date.now()}`;
      const { slug } = await runFixtureScript<{ slug: string }>(
        "e2e/fixtures/create-incident.ts",
        { title, status: "DRAFT", startsAt: "2037-03-01T06:00:00Z" },
        { E2E_DATABASE_URL: databaseUrl },
      );
      const [incident] = await query<{ id: number }>(databaseUrl, "SELECT id FROM incidents WHERE slug = $1", [slug]);
      const list = "/incidents?year=2037";
      for (const server of [origin.A, origin.B]) {
        await fetch(`${server}${list}`).then((response) => response.text());
        const kept = await fetch(`${server}${list}`);
        expect(kept.headers.get("x-kst-cache"), server).toBe("hit");
        expect(await kept.text(), server).not.toContain(title);
      }

      await page.goto(`${origin.A}/staff/incidents/${incident!.id}`);
      // Publishing asks first (the console's confirmation).
      await page.getByRole("link", { name: "Publish…" }).click();
      await page.getByRole("dialog", { name: "Publish this incident?" }).getByRole("button", { name: "Publish now" }).click();
      await expect(page.getByText("Done. The incident is now at version 2.")).toBeVisible();
      const publishedAt = Date.now();

      await new Promise((resolve) => setTimeout(resolve, Math.max(0, publishedAt + 1_000 - Date.now())));
      const [fromA, fromB] = await Promise.all([fetch(`${origin.A}${list}`), fetch(`${origin.B}${list}`)]);
      for (const [name, response] of [["A", fromA], ["B", fromB]] as const) {
        expect(response.headers.get("x-kst-cache"), name).toBe("miss");
        expect(await response.text(), name).toContain(title);
      }
    });

    await test.step("the public API's per-address limit counts requests to both servers together", async () => {
      const answers: { status: number; remaining: string | null }[] = [];
      for (let index = 0; index < API_LIMIT + 2; index += 1) {
        const server = index % 2 === 0 ? origin.A : origin.B;
        // A new address each time: no answer comes from a cache, every request counts.
        const response = await fetch(`${server}/api/v1/incidents?from=2001-01-${String(index + 1).padStart(2, "0")}`);
        await response.arrayBuffer();
        answers.push({ status: response.status, remaining: response.headers.get("ratelimit-remaining") });
      }
      expect(answers).toEqual([
        ...Array.from({ length: API_LIMIT }, (_, index) => ({ status: 200, remaining: String(API_LIMIT - 1 - index) })),
        { status: 429, remaining: "0" },
        { status: 429, remaining: "0" },
      ]);
    });

    await test.step("the scheduled pull runs once, not once per server", async () => {
      const runs = () =>
        query<{ id: number; status: string }>(databaseUrl, "SELECT id, status FROM ingest_runs WHERE source = 'OONI' AND parameters->>'trigger' = 'schedule' ORDER BY id");
      await expect.poll(async () => (await runs()).length, { timeout: Math.max(0, firstPullAt - Date.now()) + 120_000, intervals: [2_000] }).toBeGreaterThan(0);
      // Any second pull of the same occurrence would start within its minute: wait that out, and more.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, firstPullAt + 100_000 - Date.now())));
      const finished = await runs();
      expect(finished).toHaveLength(1);
      await expect.poll(async () => (await runs())[0]?.status, { timeout: 60_000 }).toBe("SUCCEEDED");
      expect(await query(databaseUrl, "SELECT id FROM pgboss.job WHERE name = 'feeds.pull.ooni'")).toHaveLength(1);
      expect(count(output(), "Scheduled OONI pull started")).toBe(1);
      expect(ooni.requests.length).toBeGreaterThan(0);
    });
    await page.close();
  } finally {
    await Promise.all([stop(servers.A), stop(servers.B)]);
    await ooni.close();
    await dropDatabase(serverUrl, DATABASE);
  }
});

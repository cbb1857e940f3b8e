import { expect, test } from "@playwright/test";
import pg from "pg";
import { cleanUpProcessesAndDirs, freePort, runScript, temporaryDataDir, waitFor, waitUntilServing } from "./fixtures/processes";
import { e2eDatabaseUrl, rawGet } from "./fixtures/raw-http";
import { NOTIFICATION_APPLICATION_NAME } from "@/lib/db/listen-for-notifications";

/**
 * Production servers started by the test itself (scripts/serve-production.ts on
 * the end-to-end database, and `npm start`'s scripts/app.ts), for what needs
 * its own settings: the render budget and the SITE_URL requirement.
 */
test.afterEach(cleanUpProcessesAndDirs);

async function waitForListener(pid: number) {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    await waitFor(
      async () => (await client.query("SELECT 1 FROM pg_stat_activity WHERE application_name = $1", [`${NOTIFICATION_APPLICATION_NAME}:${pid}`])).rowCount === 1,
      30_000,
      "the server's LISTEN connection",
    );
  } finally {
    await client.end();
  }
}

test("renders are limited per client address (IPv6 by /64), with a clear 429; answers from the cache cost nothing", async () => {
  test.setTimeout(240_000);
  const port = await freePort();
  const server = runScript("scripts/serve-production.ts", ["--port", String(port)], {
    DATABASE_URL: e2eDatabaseUrl(),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    CACHE_MISS_RATE_LIMIT_PER_MINUTE: "4",
    // Clients are told apart by X-Forwarded-For, as behind one reverse proxy.
    TRUST_PROXY: "1",
    SITE_URL: "",
  });
  await waitUntilServing(server, port);
  // Until its LISTEN connection is up the server keeps answers only until it hears (then it empties itself): wait for it.
  await waitForListener(server.child.pid!);
  const base = `http://127.0.0.1:${port}`;
  const from = (address: string) => ({ "x-forwarded-for": address });

  const first = "198.51.100.7";
  for (let year = 2001; year <= 2004; year++) {
    const answer = await rawGet(base, `/incidents?year=${year}`, from(first));
    expect(answer.status, `year ${year}`).toBe(200);
  }
  const refused = await rawGet(base, "/incidents?year=2005", from(first));
  expect(refused.status).toBe(429);
  expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
  expect(refused.headers["content-type"]).toBe("text/plain; charset=utf-8");
  expect(refused.headers["cache-control"]).toContain("no-store");
  expect(refused.body).toMatch(/^Too many pages that are not in the cache were asked for from your address\. Please try again in \d+ seconds?\.\n$/);
  expect((await rawGet(base, "/ru/incidents?year=2006", from(first))).body).toMatch(/^С вашего адреса запрошено слишком много страниц/);
  // A kept page costs no render: still served.
  const kept = await rawGet(base, "/incidents?year=2001", from(first));
  expect(kept.status).toBe(200);
  expect(kept.headers["x-kst-cache"]).toBe("hit");
  // Unknown parameters do not make new renders either.
  expect((await rawGet(base, "/incidents?year=2002&utm_source=x", from(first))).headers["x-kst-cache"]).toBe("hit");
  // Another address has its own budget; an IPv6 subscriber's /64 is one address.
  expect((await rawGet(base, "/incidents?year=2007", from("203.0.113.50"))).status).toBe(200);
  for (let year = 2010; year <= 2013; year++) expect((await rawGet(base, `/incidents?year=${year}`, from(`2001:db8:1:2::${year}`))).status).toBe(200);
  expect((await rawGet(base, "/incidents?year=2014", from("2001:db8:1:2:ffff:ffff:ffff:ffff"))).status).toBe(429);
  expect((await rawGet(base, "/incidents?year=2014", from("2001:db8:1:3::1"))).status).toBe(200);
  // A session cookie skips the cache, so it costs a render too.
  for (let attempt = 0; attempt < 4; attempt++) await rawGet(base, "/incidents?year=2001", { ...from("192.0.2.33"), cookie: "kst.session_token=forged" });
  expect((await rawGet(base, "/incidents?year=2001", { ...from("192.0.2.33"), cookie: "kst.session_token=forged" })).status).toBe(429);
});

test("a production server will not start beyond loopback without SITE_URL, and says so in one line", async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  const server = runScript("scripts/serve-production.ts", ["--port", String(port), "--hostname", "0.0.0.0"], {
    DATABASE_URL: e2eDatabaseUrl(),
    NODE_ENV: "production",
    SITE_URL: "",
  });
  expect((await server.exited).code).toBe(1);
  expect(server.output().trim()).toMatch(/^SITE_URL must be set to the site's public address \(e\.g\. https:\/\/[^)]+\) when a production server listens on 0\.0\.0\.0, which is not loopback\.$/);

  const dataDir = temporaryDataDir();
  const app = runScript("scripts/app.ts", ["start"], { KST_DATA_DIR: dataDir, PORT: String(port), HOST: "0.0.0.0", DATABASE_URL: undefined, SITE_URL: "" });
  expect((await app.exited).code).toBe(1);
  expect(app.output().trim()).toMatch(/^\[tracker\] SITE_URL must be set .* listens on 0\.0\.0\.0, which is not loopback\.$/);
});

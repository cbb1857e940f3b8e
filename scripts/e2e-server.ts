/**
 * The server Playwright tests run against: the production build (`next start`, or `next dev` with E2E_NEXT_MODE=dev)
 * on E2E_PORT, with a fresh database `kst_e2e` on the shared embedded
 * PostgreSQL (or on TEST_DATABASE_URL's local server), migrated and seeded by
 * its owner and served as the app role, as `npm start` does. It writes the
 * database URLs (app role and owner) to <KST_DATA_DIR>/e2e-database.json so
 * that test fixtures can add their own records through the same server functions.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { databaseUrlFor } from "@/lib/db/connection";
import { openDatabase, prepareDatabase } from "@/lib/db/prepare-database";
import { readServerEnv } from "@/lib/env";
import { onShutdown } from "@/lib/process/shutdown";
import { assertLocalDatabase, createDatabase, ensureTestAppRole } from "@/lib/testing/test-database";
import { exitWithError, log } from "./lib/cli";
import { runNext } from "./lib/next-server";

const E2E_DATABASE = "kst_e2e";

async function main() {
  const env = readServerEnv({ ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL });
  const port = Number(process.env.E2E_PORT ?? 3100);
  const database = await openDatabase(env, log);
  onShutdown(database.release);
  const serverUrl = databaseUrlFor(database.ownerUrl, "postgres");
  assertLocalDatabase(serverUrl);
  // The embedded server comes with the app role; a TEST_DATABASE_URL server gets the test one.
  const appServerUrl = database.url === database.ownerUrl ? await ensureTestAppRole(serverUrl) : databaseUrlFor(database.url, "postgres");
  const ownerUrl = await createDatabase(serverUrl, E2E_DATABASE);
  const url = databaseUrlFor(appServerUrl, E2E_DATABASE);
  await prepareDatabase({ url, ownerUrl }, { seed: "always", log });
  const recordFile = path.join(path.resolve(env.KST_DATA_DIR), "e2e-database.json");
  await fs.writeFile(recordFile, JSON.stringify({ url, ownerUrl }), { mode: 0o600 });
  onShutdown(() => fs.rm(recordFile, { force: true }));
  log(`End-to-end server on http://127.0.0.1:${port} (database ${E2E_DATABASE})`);
  // Every spec asks from 127.0.0.1: the whole suite is one client to the render budget
  // (e2e/production-server.spec.ts tests the budget on a server of its own).
  process.env.CACHE_MISS_RATE_LIMIT_PER_MINUTE ??= "1000000";
  // E2E_NEXT_MODE=dev runs the tests against `next dev` (quicker to iterate; CI uses the production build).
  await runNext(process.env.E2E_NEXT_MODE === "dev" ? "dev" : "start", { port, hostname: "127.0.0.1", databaseUrl: url, dataDir: env.KST_DATA_DIR });
}

main().catch(exitWithError);

import type { TestProject } from "vitest/node";
import { databaseUrlFor, withClient } from "@/lib/db/connection";
import { acquireEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { provisionDatabase } from "@/lib/db/prepare-database";
import { readServerEnv } from "@/lib/env";
import { assertLocalDatabase, createDatabase, ensureTestAppRole, TEMPLATE_DATABASE, TEST_DATABASE_PREFIX } from "@/lib/testing/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of the test server's maintenance database, as its superuser (the owner of every test database). */
    databaseServerUrl: string;
    /** The same as the app role, which each test file's DATABASE_URL signs in as. */
    databaseAppServerUrl: string;
  }
}

/**
 * Integration tests run against real PostgreSQL: TEST_DATABASE_URL (local only)
 * or the checkout's shared embedded server. The template database is
 * provisioned once as the app is (migrations, the job queue and the app role's
 * privileges, by the owner); each test file then gets its own copy
 * (worker-database.ts) and connects to it as the app role, so every test runs
 * with exactly the privileges the app has.
 */
export default async function setup(project: TestProject) {
  const env = readServerEnv();
  let serverUrl: string;
  let appServerUrl: string;
  let release = async () => {};
  if (process.env.TEST_DATABASE_URL) {
    serverUrl = databaseUrlFor(process.env.TEST_DATABASE_URL, "postgres");
    assertLocalDatabase(serverUrl);
    appServerUrl = await ensureTestAppRole(serverUrl);
  } else {
    const lease = await acquireEmbeddedPostgres({ dataDir: env.KST_DATA_DIR, port: env.EMBEDDED_PG_PORT });
    serverUrl = lease.serverUrl;
    appServerUrl = lease.appServerUrl;
    release = lease.release;
  }

  // Leftovers of an interrupted run, then a freshly migrated template.
  await withClient(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1",
      [`${TEST_DATABASE_PREFIX}%`],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
    }
  });
  const templateUrl = await createDatabase(serverUrl, TEMPLATE_DATABASE);
  await provisionDatabase({ ownerUrl: templateUrl, url: databaseUrlFor(appServerUrl, TEMPLATE_DATABASE) });

  project.provide("databaseServerUrl", serverUrl);
  project.provide("databaseAppServerUrl", appServerUrl);
  return release;
}

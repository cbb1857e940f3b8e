import type { TestProject } from "vitest/node";
import { databaseUrlFor, withClient } from "@/lib/db/connection";
import { acquireEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate";
import { readServerEnv } from "@/lib/env";
import { assertLocalDatabase, createDatabase, TEMPLATE_DATABASE, TEST_DATABASE_PREFIX } from "@/lib/testing/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of the test server's maintenance database. */
    databaseServerUrl: string;
  }
}

/**
 * Integration tests run against real PostgreSQL: TEST_DATABASE_URL (local only)
 * or the checkout's shared embedded server. The migrations are applied once to
 * a template database; each test file then gets its own copy (worker-database.ts).
 */
export default async function setup(project: TestProject) {
  const env = readServerEnv();
  let serverUrl: string;
  let release = async () => {};
  if (process.env.TEST_DATABASE_URL) {
    serverUrl = databaseUrlFor(process.env.TEST_DATABASE_URL, "postgres");
    assertLocalDatabase(serverUrl);
  } else {
    const lease = await acquireEmbeddedPostgres({ dataDir: env.KST_DATA_DIR, port: env.EMBEDDED_PG_PORT });
    serverUrl = lease.serverUrl;
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
  await migrateDatabase(templateUrl);

  project.provide("databaseServerUrl", serverUrl);
  return release;
}

import { afterAll, inject } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { createDatabase, TEMPLATE_DATABASE, TEST_DATABASE_PREFIX } from "@/lib/testing/test-database";

/**
 * Each integration test file gets its own database, copied from the migrated
 * template and named after its worker, so files running in parallel never share
 * data. Tests seed what they need through the same functions the seed uses.
 */
const serverUrl = inject("databaseServerUrl");
const worker = process.env.VITEST_POOL_ID ?? "0";
process.env.DATABASE_URL = await createDatabase(serverUrl, `${TEST_DATABASE_PREFIX}w${worker}`, TEMPLATE_DATABASE);

afterAll(async () => {
  await disconnectDb();
});

import { afterAll, inject } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { databaseUrlFor } from "@/lib/db/connection";
import { createDatabase, TEMPLATE_DATABASE, TEST_DATABASE_PREFIX } from "@/lib/testing/test-database";

/**
 * Each integration test file gets its own database, copied from the
 * provisioned template and named after its worker, so files running in
 * parallel never share data. DATABASE_URL signs in as the app role, like the
 * app; DATABASE_OWNER_URL as the owner, for what only the owner may do (the
 * command-line tools migrate with it). Tests seed what they need through the
 * same functions the seed uses.
 */
const worker = process.env.VITEST_POOL_ID ?? "0";
const name = `${TEST_DATABASE_PREFIX}w${worker}`;
process.env.DATABASE_OWNER_URL = await createDatabase(inject("databaseServerUrl"), name, TEMPLATE_DATABASE);
process.env.DATABASE_URL = databaseUrlFor(inject("databaseAppServerUrl"), name);

afterAll(async () => {
  await disconnectDb();
});

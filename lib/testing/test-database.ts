import { randomBytes } from "node:crypto";
import { derivedAppRolePassword, ensureAppRole, urlWithRole } from "@/lib/db/app-role";
import { databaseUrlFor, withClient } from "@/lib/db/connection";

/** Database names the test suite owns; everything it creates starts with this. */
export const TEST_DATABASE_PREFIX = "kst_test_";
export const TEMPLATE_DATABASE = `${TEST_DATABASE_PREFIX}template`;

/** Refuses destructive test set-up against anything but a local server (as dub does). */
export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to create and drop test databases on ${host}: TEST_DATABASE_URL must point at a local server.`);
  }
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`));
}

/** A fresh database copied from a template (or empty); returns its URL. */
export async function createDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
  await dropDatabase(serverUrl, name);
  await withClient(serverUrl, (client) =>
    client.query(
      `CREATE DATABASE ${client.escapeIdentifier(name)}${template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : ""}`,
    ),
  );
  return databaseUrlFor(serverUrl, name);
}

/** An empty, unmigrated database for tests of the migrator itself; drop it with the returned function. */
export async function createScratchDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${TEST_DATABASE_PREFIX}scratch_${randomBytes(4).toString("hex")}`;
  const url = await createDatabase(serverUrl, name);
  return { url, drop: () => dropDatabase(serverUrl, name) };
}

/** The app role of a test server given by TEST_DATABASE_URL (the embedded server has its own, kst_app). */
export const TEST_APP_ROLE = "kst_test_app";

/**
 * The app role on a local test server named by TEST_DATABASE_URL, created (or
 * brought in line) through its superuser URL: tests and the end-to-end server
 * connect as it, as the app does in production. Returns its URL for the
 * server's maintenance database.
 */
export async function ensureTestAppRole(superuserServerUrl: string): Promise<string> {
  const password = derivedAppRolePassword(decodeURIComponent(new URL(superuserServerUrl).password), TEST_APP_ROLE);
  await ensureAppRole(superuserServerUrl, { role: TEST_APP_ROLE, password });
  return urlWithRole(superuserServerUrl, TEST_APP_ROLE, password);
}

/**
 * Runs SQL as the owner of this test file's database (DATABASE_OWNER_URL), for
 * tests that change the schema (a trigger, say), which the app role that
 * DATABASE_URL signs in as may not.
 */
export async function runAsDatabaseOwner(sql: string): Promise<void> {
  const ownerUrl = process.env.DATABASE_OWNER_URL;
  if (!ownerUrl) throw new Error("DATABASE_OWNER_URL is not set: runAsDatabaseOwner is for integration tests (lib/testing/worker-database.ts).");
  await withClient(ownerUrl, (client) => client.query(sql));
}

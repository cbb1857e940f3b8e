import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { afterAll, describe, expect, inject, it } from "vitest";
import { EMBEDDED_APP_ROLE, roleOf, urlWithRole } from "@/lib/db/app-role";
import { getDb } from "@/lib/db/client";
import { databaseUrlFor, withClient } from "@/lib/db/connection";
import { stopServer } from "@/lib/db/embedded-postgres";
import { closePgPools, getPgPool } from "@/lib/db/pg-pool";
import { openDatabase, prepareDatabase } from "@/lib/db/prepare-database";
import { readServerEnv } from "@/lib/env";
import { createScratchDatabase } from "@/lib/testing/test-database";

/**
 * The app connects as a role that is no superuser and owns nothing: the
 * pools the app uses (Prisma's and the bulk writer's) can read and write rows
 * but not change the schema, the server or other roles. This test file's
 * DATABASE_URL is the app role's, as for every integration test.
 */

afterAll(closePgPools);

/** The SQLSTATE a statement fails with, or "ok". */
async function outcomeOf(client: pg.ClientBase | pg.Pool, sql: string): Promise<string> {
  return client.query(sql).then(
    () => "ok",
    (error: { code?: string }) => error.code ?? String(error),
  );
}

const INSUFFICIENT_PRIVILEGE = "42501";

describe("the app's connections", () => {
  it("sign in as a role that is no superuser and may not create databases or roles", async () => {
    const [role] = await getDb().$queryRaw<{ name: string; rolsuper: boolean; rolcreatedb: boolean; rolcreaterole: boolean; rolbypassrls: boolean }[]>`
      SELECT current_user AS name, rolsuper, rolcreatedb, rolcreaterole, rolbypassrls FROM pg_roles WHERE rolname = current_user`;
    expect(role).toMatchObject({ rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolbypassrls: false });
    expect(role!.name).toBe(roleOf(process.env.DATABASE_URL!));
    expect(role!.name).not.toBe(roleOf(process.env.DATABASE_OWNER_URL!));
  });

  it("cannot change the server, read password hashes, run programs or change the schema", async () => {
    const pool = getPgPool();
    const refused = {
      "ALTER SYSTEM": "ALTER SYSTEM SET work_mem = '64MB'",
      "read pg_authid": "SELECT rolpassword FROM pg_authid",
      "COPY TO PROGRAM": "COPY (SELECT 1) TO PROGRAM 'true'",
      "read a server file": "SELECT pg_read_file('postgresql.conf')",
      "CREATE ROLE": "CREATE ROLE kst_intruder LOGIN SUPERUSER",
      "CREATE DATABASE": "CREATE DATABASE kst_intruder",
      "CREATE TABLE": "CREATE TABLE public.kst_intruder (id int)",
      "DROP TABLE": "DROP TABLE incidents",
      "ALTER TABLE": "ALTER TABLE users ADD COLUMN kst_intruder text",
      TRUNCATE: "TRUNCATE audit_events",
      "rewrite the migration history": "DELETE FROM _prisma_migrations",
      "change the job queue's schema": "DROP TABLE pgboss.job",
    };
    const outcomes = Object.fromEntries(await Promise.all(Object.entries(refused).map(async ([what, sql]) => [what, await outcomeOf(pool, sql)] as const)));
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(refused).map((what) => [what, INSUFFICIENT_PRIVILEGE])));
  });

  it("can do all the app does: rows, temporary staging tables with COPY FROM STDIN, LISTEN/NOTIFY, the job queue, the migration history", async () => {
    const client = await getPgPool().connect();
    try {
      await client.query("BEGIN");
      await client.query("CREATE TEMP TABLE kst_stage_check (n integer) ON COMMIT DELETE ROWS");
      await new Promise<void>((resolve, reject) => {
        const stream = client.query(copyFrom("COPY kst_stage_check FROM STDIN"));
        stream.on("finish", resolve);
        stream.on("error", reject);
        stream.end("1\n2\n3\n");
      });
      expect((await client.query("SELECT count(*)::int AS n FROM kst_stage_check")).rows[0]).toEqual({ n: 3 });
      await client.query("INSERT INTO rate_limits (key, points) VALUES ('app-role-check', 1)");
      await client.query("DELETE FROM rate_limits WHERE key = 'app-role-check'");
      await client.query("LISTEN kst_app_role_check");
      await client.query("SELECT pg_notify('kst_app_role_check', 'x')");
      await client.query("COMMIT");
      expect(await outcomeOf(client, "SELECT count(*) FROM pgboss.queue")).toBe("ok");
      expect(await outcomeOf(client, "SELECT count(*) FROM _prisma_migrations")).toBe("ok");
      expect(await outcomeOf(client, "SELECT pg_advisory_xact_lock(1)")).toBe("ok");
    } finally {
      client.release();
    }
  });
});

describe("preparing a database for the app", () => {
  it("creates the app role on an embedded cluster made before it existed, and grants it what it needs", async () => {
    // A data directory of its own (PostgreSQL, run as "postgres" under root, must be able to enter it).
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "kst-app-role-"));
    chmodSync(dataDir, 0o755);
    const env = readServerEnv({ KST_DATA_DIR: dataDir, NODE_ENV: "test" });
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    try {
      const first = await openDatabase(env, log);
      await prepareDatabase(first, { seed: "never", log });
      expect(roleOf(first.url)).toBe(EMBEDDED_APP_ROLE);
      expect(roleOf(first.ownerUrl)).toBe("postgres");
      expect(lines).toContain(`Created the PostgreSQL role ${EMBEDDED_APP_ROLE}, which the app connects as (no superuser)`);

      // An installation from before: no such role. (Dropped while the server runs, as the superuser.)
      await withClient(first.ownerUrl, async (client) => {
        await client.query(`DROP OWNED BY ${EMBEDDED_APP_ROLE}`);
        await client.query(`DROP ROLE ${EMBEDDED_APP_ROLE}`);
      });
      await first.release(); // the last lease: the server stops
      lines.length = 0;

      const next = await openDatabase(env, log);
      try {
        await prepareDatabase(next, { seed: "never", log });
        expect(lines).toContain(`Created the PostgreSQL role ${EMBEDDED_APP_ROLE}, which the app connects as (no superuser)`);
        await withClient(next.url, async (client) => {
          expect((await client.query("SELECT current_user AS name")).rows[0]).toEqual({ name: EMBEDDED_APP_ROLE });
          expect(await outcomeOf(client, "INSERT INTO rate_limits (key, points) VALUES ('after-upgrade', 1)")).toBe("ok");
          expect(await outcomeOf(client, "SELECT count(*) FROM incidents")).toBe("ok");
          expect(await outcomeOf(client, "CREATE TABLE kst_intruder (id int)")).toBe(INSUFFICIENT_PRIVILEGE);
        });
      } finally {
        await next.release();
      }
    } finally {
      // Whatever happened above, no server of this directory outlives the test.
      const state = existsSync(path.join(dataDir, "postgres.json")) ? (JSON.parse(readFileSync(path.join(dataDir, "postgres.json"), "utf8")) as { pid: number }) : null;
      if (state) await stopServer(state.pid);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("with DATABASE_URL and DATABASE_OWNER_URL, migrates as the owner and grants the app role; refuses two different databases", async () => {
    const serverUrl = inject("databaseServerUrl");
    const scratch = await createScratchDatabase(serverUrl);
    const role = `kst_test_deploy_${Math.random().toString(36).slice(2, 8)}`;
    await withClient(serverUrl, (client) => client.query(`CREATE ROLE ${role} LOGIN PASSWORD 'deploy-check'`));
    try {
      const appUrl = urlWithRole(scratch.url, role, "deploy-check");
      const lines: string[] = [];
      const database = await openDatabase(readServerEnv({ DATABASE_URL: appUrl, DATABASE_OWNER_URL: scratch.url }), (line) => lines.push(line));
      expect(database).toMatchObject({ url: appUrl, ownerUrl: scratch.url });
      await prepareDatabase(database, { seed: "never", log: (line) => lines.push(line) });
      expect(lines.some((line) => line.includes("superuser"))).toBe(false);
      await withClient(appUrl, async (client) => {
        expect(await outcomeOf(client, "SELECT count(*) FROM incidents")).toBe("ok");
        expect(await outcomeOf(client, "INSERT INTO rate_limits (key, points) VALUES ('deploy', 1)")).toBe("ok");
        expect(await outcomeOf(client, "DROP TABLE incidents")).toBe(INSUFFICIENT_PRIVILEGE);
      });

      // The app connecting as the superuser gets a warning at every start.
      const warned: string[] = [];
      await prepareDatabase({ url: scratch.url, ownerUrl: scratch.url }, { seed: "never", log: (line) => warned.push(line) });
      expect(warned.some((line) => line.startsWith("Warning: DATABASE_URL signs in as the superuser"))).toBe(true);

      await expect(
        openDatabase(readServerEnv({ DATABASE_URL: appUrl, DATABASE_OWNER_URL: databaseUrlFor(scratch.url, "postgres") }), () => undefined),
      ).rejects.toThrow(/DATABASE_OWNER_URL .* must name the same server and database as DATABASE_URL/);
    } finally {
      await scratch.drop();
      await withClient(serverUrl, (client) => client.query(`DROP ROLE IF EXISTS ${role}`));
    }
  });
});

import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, inject, it } from "vitest";
import { withClient } from "@/lib/db/connection";
import { checksumOf, migrateDatabase, readMigrationFiles } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/lib/testing/test-database";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function scratchDatabase() {
  const database = await createScratchDatabase(inject("databaseServerUrl"));
  cleanups.push(database.drop);
  return database.url;
}

async function migrationsDir(migrations: Record<string, string>) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kst-migrations-"));
  cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
  for (const [name, sql] of Object.entries(migrations)) {
    await fs.mkdir(path.join(dir, name));
    await fs.writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

type MigrationRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
  logs: string | null;
};

const recorded = (url: string) =>
  withClient(url, async (client) => {
    const { rows } = await client.query<MigrationRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs
       FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    return rows;
  });

function runScript(args: string[], env: Record<string, string | undefined>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", ...args], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe("migrator", () => {
  it("applies every migration once and records it as Prisma does", async () => {
    const url = await scratchDatabase();
    const files = await readMigrationFiles();
    expect(files.length).toBeGreaterThan(0);

    const first = await migrateDatabase(url);
    expect(first.applied).toEqual(files.map((file) => file.name));

    const rows = await recorded(url);
    expect(rows.map((row) => row.migration_name)).toEqual(files.map((file) => file.name));
    for (const [index, row] of rows.entries()) {
      const file = files[index]!;
      expect(row.checksum).toBe(checksumOf(await fs.readFile(path.join("prisma/migrations", file.name, "migration.sql"), "utf8")));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }

    const second = await migrateDatabase(url);
    expect(second).toEqual({ applied: [], alreadyApplied: files.length });
    expect(await recorded(url)).toHaveLength(files.length);
  });

  it("two concurrent runs apply a slow migration exactly once", async () => {
    const url = await scratchDatabase();
    const dir = await migrationsDir({
      "20260101000000_slow": `SELECT pg_sleep(0.5); CREATE TABLE "counter" ("n" INTEGER NOT NULL); INSERT INTO "counter" VALUES (1);`,
      "20260102000000_next": `INSERT INTO "counter" VALUES (2);`,
    });
    const results = await Promise.all([migrateDatabase(url, { migrationsDir: dir }), migrateDatabase(url, { migrationsDir: dir })]);
    // One run applied both; the other waited on the advisory lock and found nothing to do.
    expect(results.map((result) => result.applied.length).sort()).toEqual([0, 2]);
    const counter = await withClient(url, (client) => client.query<{ n: number }>(`SELECT n FROM "counter" ORDER BY n`));
    expect(counter.rows.map((row) => row.n)).toEqual([1, 2]);
    expect(await recorded(url)).toHaveLength(2);
  });

  it("two processes starting at once apply each migration exactly once", async () => {
    const url = await scratchDatabase();
    const runs = await Promise.all(
      [1, 2, 3].map(() => runScript(["scripts/db.ts", "migrate"], { DATABASE_URL: url, DATABASE_OWNER_URL: undefined })),
    );
    for (const run of runs) expect(run.code, run.output).toBe(0);
    const applyingLines = runs.flatMap((run) => run.output.split("\n").filter((line) => line.includes("Applying migration")));
    const files = await readMigrationFiles();
    expect(applyingLines).toHaveLength(files.length);
    expect(await recorded(url)).toHaveLength(files.length);
  });

  it("refuses a migration edited after it was applied, naming the file", async () => {
    const url = await scratchDatabase();
    const dir = await migrationsDir({ "20260101000000_first": `CREATE TABLE "a" ("id" INTEGER);` });
    await migrateDatabase(url, { migrationsDir: dir });
    await fs.writeFile(path.join(dir, "20260101000000_first", "migration.sql"), `CREATE TABLE "a" ("id" BIGINT);`);
    await expect(migrateDatabase(url, { migrationsDir: dir })).rejects.toThrow(
      /20260101000000_first\/migration\.sql was edited after it was applied/,
    );
  });

  it("refuses when an applied migration's folder is gone", async () => {
    const url = await scratchDatabase();
    const dir = await migrationsDir({ "20260101000000_first": `CREATE TABLE "a" ("id" INTEGER);` });
    await migrateDatabase(url, { migrationsDir: dir });
    await fs.rm(path.join(dir, "20260101000000_first"), { recursive: true });
    await expect(migrateDatabase(url, { migrationsDir: dir })).rejects.toThrow(/20260101000000_first is applied to the database but its folder is missing/);
  });

  it("rolls back a failing migration entirely and records nothing", async () => {
    const url = await scratchDatabase();
    const dir = await migrationsDir({
      "20260101000000_good": `CREATE TABLE "a" ("id" INTEGER);`,
      "20260102000000_bad": `CREATE TABLE "b" ("id" INTEGER); INSERT INTO "missing" VALUES (1);`,
    });
    await expect(migrateDatabase(url, { migrationsDir: dir })).rejects.toThrow(
      /20260102000000_bad\/migration\.sql failed and was rolled back: relation "missing" does not exist/,
    );
    expect((await recorded(url)).map((row) => row.migration_name)).toEqual(["20260101000000_good"]);
    const tables = await withClient(url, (client) =>
      client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`),
    );
    expect(tables.rows.map((row) => row.tablename)).toEqual(["_prisma_migrations", "a"]);
  });
});

import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { withClient } from "@/lib/db/connection";
import { AppError } from "@/lib/errors";

/**
 * Applies the hand-written migrations in prisma/migrations, the way
 * `prisma migrate deploy` would, without Prisma's schema engine (which cannot be
 * downloaded here; see docs/decisions/0001-own-migrator.md).
 *
 * - Pending migrations run in name order, each in its own transaction.
 * - The whole run holds the same advisory lock Prisma uses, so concurrent
 *   starters (and a real `prisma migrate deploy`) apply each migration once.
 * - Each migration is recorded in `_prisma_migrations` with Prisma's columns and
 *   the sha256 of its file, so `prisma migrate status` agrees with this table.
 * - A migration edited after it was applied is refused, naming the file.
 */

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
/** The key `prisma migrate` itself locks on (backups take it shared, restores take it too). */
export const PRISMA_ADVISORY_LOCK_KEY = 72707369;

export const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export type MigrationFile = { name: string; file: string; sql: string; checksum: string };

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

export async function readMigrationFiles(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name, "migration.sql");
      const sql = await fs.readFile(file, "utf8").catch(() => {
        throw new AppError("MIGRATION", `Migration folder ${name} has no migration.sql (${file}).`);
      });
      return { name, file: path.relative(process.cwd(), file), sql, checksum: checksumOf(sql) };
    }),
  );
}

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

function checkHistory(files: MigrationFile[], applied: AppliedRow[]) {
  const byName = new Map(files.map((file) => [file.name, file]));
  for (const row of applied) {
    if (row.rolled_back_at) continue;
    const file = byName.get(row.migration_name);
    if (!file) {
      throw new AppError(
        "MIGRATION",
        `Migration ${row.migration_name} is applied to the database but its folder is missing from prisma/migrations. Restore it; applied migrations are never deleted.`,
      );
    }
    if (!row.finished_at) {
      throw new AppError(
        "MIGRATION",
        `Migration ${file.file} started earlier but never finished. Inspect the database, then mark it rolled back in _prisma_migrations.`,
      );
    }
    if (row.checksum !== file.checksum) {
      throw new AppError(
        "MIGRATION",
        `Migration ${file.file} was edited after it was applied (checksum ${file.checksum.slice(0, 12)}… differs from the recorded ${row.checksum.slice(0, 12)}…). Revert the edit and add a new migration instead.`,
      );
    }
  }
}

async function applyOne(client: pg.Client, migration: MigrationFile) {
  await client.query("BEGIN");
  try {
    const id = randomUUID();
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 0)`,
      [id, migration.checksum, migration.name],
    );
    await client.query(migration.sql);
    await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw new AppError("MIGRATION", `Migration ${migration.file} failed and was rolled back: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

export type MigrateResult = { applied: string[]; alreadyApplied: number };

export async function migrateDatabase(
  connectionString: string,
  options: { migrationsDir?: string; log?: (line: string) => void } = {},
): Promise<MigrateResult> {
  const files = await readMigrationFiles(options.migrationsDir);
  const log = options.log ?? (() => undefined);
  return withClient(connectionString, async (client) => {
    // Quiet the NOTICE PostgreSQL sends for CREATE TABLE IF NOT EXISTS.
    await client.query("SET client_min_messages = warning");
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const { rows } = await client.query<AppliedRow>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
      );
      checkHistory(files, rows);
      const done = new Set(rows.filter((row) => !row.rolled_back_at).map((row) => row.migration_name));
      const pending = files.filter((file) => !done.has(file.name));
      for (const migration of pending) {
        log(`Applying migration ${migration.name}`);
        await applyOne(client, migration);
      }
      return { applied: pending.map((file) => file.name), alreadyApplied: done.size };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]).catch(() => undefined);
    }
  });
}

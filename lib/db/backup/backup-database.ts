import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { withClient } from "@/lib/db/connection";
import { PRISMA_ADVISORY_LOCK_KEY } from "@/lib/db/migrate";
import { AppError } from "@/lib/errors";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupWriter, sidecarFile, type BackupHeader, type SectionSummary } from "./backup-file";
import { JOB_QUEUE_SCHEMA, listForeignKeys, listSequences, listTables, qualified, readMigrationHistory, readSequence, type TableColumns } from "./database-catalog";
import { findPgTool, libpqConnection, type PgTool } from "./pg-tools";
import { orderTablesForLoad } from "./table-order";

/**
 * `npm run db:backup`: one consistent snapshot of the tracker's database in
 * one file (format: backup-file.ts; choices: docs/decisions/0010-backups.md).
 *
 * - Method "pg_dump" when the PATH has a pg_dump at least as new as the
 *   server, else "copy": the tracker's own logical dump, every table of the
 *   `public` schema through COPY inside one REPEATABLE READ, READ ONLY
 *   transaction, with the applied migrations of that same snapshot. pg_dump
 *   runs on that snapshot too (`--snapshot`), so both methods record exactly
 *   the migrations their data belongs to.
 * - The migrator's advisory lock is held shared, so no migration runs during
 *   a backup; the tables are locked ACCESS SHARE, so their shape cannot change
 *   either. Writes go on as usual (the snapshot does not see them).
 * - The file is written beside its destination and renamed into place once
 *   complete and flushed, readable by its owner only (it holds password
 *   hashes), with `<file>.sha256` beside it for checking copies.
 */

export type BackupMethod = "copy" | "pg_dump";

export type BackupResult = {
  file: string;
  method: BackupMethod;
  database: string;
  migrations: number;
  sections: SectionSummary[];
  /** Size of the (compressed) file and its sha256, as in the .sha256 file. */
  bytes: number;
  sha256: string;
};

const SKIPPED_SCHEMAS: BackupHeader["skipped"] = [
  {
    schema: JOB_QUEUE_SCHEMA,
    reason: "pg-boss's job queue: pending and past jobs and the cron schedules it derives from feed_schedules (which is kept); pg-boss recreates it on start",
  },
];

/** A directory (existing, or written with a trailing slash) gets a file named after the time. */
async function resolveOutputFile(out: string, now: Date): Promise<string> {
  const stat = await fs.stat(out).catch(() => null);
  if (stat?.isDirectory() || /[\\/]$/.test(out)) {
    await fs.mkdir(out, { recursive: true });
    const stamp = now.toISOString().replace(/[:.]/g, "").replace(/\d{3}Z$/, "Z");
    return path.join(out, `tracker-${stamp}.kst-backup.gz`);
  }
  return path.resolve(out);
}

async function serverVersion(client: pg.ClientBase): Promise<{ text: string; major: number; database: string }> {
  const { rows } = await client.query<{ version: string; number: string; database: string }>(
    "SELECT current_setting('server_version') AS version, current_setting('server_version_num') AS number, current_database() AS database",
  );
  const row = rows[0]!;
  return { text: `PostgreSQL ${row.version}`, major: Math.floor(Number(row.number) / 10_000), database: row.database };
}

async function chooseMethod(requested: BackupMethod | "auto", serverMajor: number): Promise<{ method: BackupMethod; pgDump: PgTool | null }> {
  if (requested === "copy") return { method: "copy", pgDump: null };
  const pgDump = await findPgTool("pg_dump");
  if (pgDump && pgDump.major >= serverMajor) return { method: "pg_dump", pgDump };
  if (requested === "pg_dump") {
    throw new AppError(
      "BACKUP",
      pgDump
        ? `pg_dump on the PATH is version ${pgDump.version}, older than the server (PostgreSQL ${serverMajor}); put pg_dump ${serverMajor} or newer first on the PATH, or leave out --method to use the tracker's own dump.`
        : "There is no pg_dump on the PATH; install PostgreSQL's client tools, or leave out --method to use the tracker's own dump.",
    );
  }
  return { method: "copy", pgDump: null };
}

/**
 * Starts the snapshot: REPEATABLE READ, READ ONLY, every table locked before
 * the first query takes the snapshot, and the table list checked again.
 */
async function beginSnapshot(client: pg.ClientBase): Promise<TableColumns[]> {
  const before = await listTables(client);
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  if (before.length > 0) await client.query(`LOCK TABLE ${before.map((table) => qualified(client, table.name)).join(", ")} IN ACCESS SHARE MODE`);
  const tables = await listTables(client);
  if (JSON.stringify(tables) !== JSON.stringify(before)) {
    throw new AppError("BACKUP", "The database's tables changed just as the backup started; run it again.");
  }
  return tables;
}

async function headerBase(client: pg.ClientBase, server: { text: string; major: number; database: string }, method: BackupMethod) {
  const migrations = await readMigrationHistory(client);
  if (!migrations || migrations.length === 0) {
    throw new AppError("BACKUP", `The database ${server.database} has no applied migrations: it is not a tracker database, or it was never started.`);
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    method,
    source: { database: server.database, server: server.text, serverMajor: server.major },
    migrations,
    skipped: SKIPPED_SCHEMAS,
  } as const;
}

/** Writes the header and one section per table; returns how many migrations the snapshot holds. */
async function writeCopySnapshot(client: pg.ClientBase, writer: BackupWriter, server: { text: string; major: number; database: string }): Promise<number> {
  const tables = await beginSnapshot(client);
  const base = await headerBase(client, server, "copy");
  const order = orderTablesForLoad(
    tables.map((table) => table.name),
    await listForeignKeys(client),
  );
  const byName = new Map(tables.map((table) => [table.name, table]));
  const sequences = [];
  for (const name of await listSequences(client)) sequences.push(await readSequence(client, name));
  await writer.start({ ...base, tables: order.map((name) => byName.get(name)!), sequences });
  for (const name of order) {
    const { columns } = byName.get(name)!;
    await writer.beginSection({ kind: "table", name });
    const rows = client.query(copyTo(`COPY ${qualified(client, name)} (${columns.map((column) => client.escapeIdentifier(column)).join(", ")}) TO STDOUT`));
    for await (const chunk of rows) await writer.data(chunk as Buffer);
    await writer.endSection();
  }
  await client.query("COMMIT");
  return base.migrations.length;
}

async function writePgDumpSnapshot(
  client: pg.ClientBase,
  writer: BackupWriter,
  server: { text: string; major: number; database: string },
  pgDump: PgTool,
  connectionString: string,
): Promise<number> {
  await beginSnapshot(client);
  const base = await headerBase(client, server, "pg_dump");
  const { rows } = await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id");
  await writer.start({ ...base, tables: [], sequences: [], pgDump: { version: pgDump.version, major: pgDump.major } });
  await writer.beginSection({ kind: "archive", name: "pg_dump" });
  const { dbname, env } = libpqConnection(connectionString);
  const child = spawn(
    pgDump.path,
    [
      "--format=custom",
      "--compress=0", // the whole file is gzip'd once
      `--snapshot=${rows[0]!.id}`,
      `--exclude-schema=${JOB_QUEUE_SCHEMA}`,
      "--no-owner",
      "--no-privileges",
      `--dbname=${dbname}`,
    ],
    { env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const exited = once(child, "close") as Promise<[number | null]>;
  for await (const chunk of child.stdout) await writer.data(chunk as Buffer);
  const [code] = await exited;
  if (code !== 0) throw new AppError("BACKUP", `pg_dump ${pgDump.version} failed (exit code ${code}): ${stderr.trim().split("\n").at(-1) ?? "no message"}`);
  await writer.endSection();
  await client.query("COMMIT");
  return base.migrations.length;
}

export async function backupDatabase(options: {
  connectionString: string;
  out: string;
  method?: BackupMethod | "auto";
  log?: (line: string) => void;
}): Promise<BackupResult> {
  const log = options.log ?? (() => undefined);
  const file = await resolveOutputFile(options.out, new Date());
  const partial = `${file}.partial-${process.pid}`;
  return withClient(options.connectionString, async (client) => {
    const server = await serverVersion(client);
    const { method, pgDump } = await chooseMethod(options.method ?? "auto", server.major);
    log(
      method === "pg_dump"
        ? `Backing up ${server.database} (${server.text}) with pg_dump ${pgDump!.version}`
        : `Backing up ${server.database} (${server.text}) with the tracker's own dump (COPY of every table in one snapshot)`,
    );

    await client.query("SELECT pg_advisory_lock_shared($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    const gzip = createGzip({ level: 6 });
    const fileHash = createHash("sha256");
    let bytes = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        fileHash.update(chunk);
        bytes += chunk.length;
        callback(null, chunk);
      },
    });
    const written = pipeline(gzip, measure, createWriteStream(partial, { flags: "wx", mode: 0o600 }));
    const writer = new BackupWriter(gzip);
    try {
      const migrations =
        method === "pg_dump"
          ? await writePgDumpSnapshot(client, writer, server, pgDump!, options.connectionString)
          : await writeCopySnapshot(client, writer, server);
      const trailer = await writer.finish();
      gzip.end();
      await written;
      const handle = await fs.open(partial, "r+");
      await handle.sync().finally(() => handle.close());
      await fs.rename(partial, file);
      const sha256 = fileHash.digest("hex");
      await fs.writeFile(sidecarFile(file), `${sha256}  ${path.basename(file)}\n`, { mode: 0o600 });
      return { file, method, database: server.database, migrations, sections: trailer.sections, bytes, sha256 };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      gzip.destroy();
      await written.catch(() => undefined);
      await fs.rm(partial, { force: true });
      if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "EACCES") {
        throw new AppError("BACKUP", `Cannot write ${file}: ${(error as Error).message}`, { cause: error });
      }
      throw error;
    } finally {
      await client.query("SELECT pg_advisory_unlock_shared($1)", [PRISMA_ADVISORY_LOCK_KEY]).catch(() => undefined);
    }
  });
}

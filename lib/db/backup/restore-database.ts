import { spawn } from "node:child_process";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { withClient } from "@/lib/db/connection";
import { CREATE_MIGRATIONS_TABLE, PRISMA_ADVISORY_LOCK_KEY, readMigrationFiles, type MigrationFile } from "@/lib/db/migrate";
import { AppError } from "@/lib/errors";
import { readBackupFileBytes, readBackupRecords, verifyBackupRecords, verifySidecarChecksum, type BackupHeader, type BackupTrailer } from "./backup-file";
import { describeContents, dropContents, inspectContents, isEmptyDatabase, listForeignKeys, listTables, qualified, type DatabaseContents } from "./database-catalog";
import { findPgTool, libpqConnection } from "./pg-tools";
import { foreignKeysToDefer } from "./table-order";

/**
 * `npm run db:restore`: puts a backup back into an empty database.
 *
 * 1. The whole file is read and checked first (gzip CRC, every section's
 *    length, rows and sha256, the trailer, and `<file>.sha256` when it is
 *    there). A damaged file is refused in one line before the database is touched.
 * 2. The migrations the backup was taken at must be this checkout's, unedited.
 * 3. The database must be empty, and nobody else connected to it. `force`
 *    replaces what it holds instead (everything in the `public` schema, and
 *    pg-boss's schema).
 * 4. Method "copy", in ONE transaction (so a failure leaves the database as it
 *    was): the migrations up to exactly the backup's, the check that every
 *    table has the backup's columns, each table's rows through COPY in the
 *    file's dependency order (foreign keys the order cannot satisfy are
 *    dropped for the load and added back, checking every row), then every
 *    sequence as it was. Method "pg_dump": pg_restore, at least as new as the
 *    pg_dump that wrote the archive, in a single transaction.
 * 5. ANALYZE, so the planner knows the tables' sizes at once.
 *
 * Migrations newer than the backup are left for the app's start-up.
 */

export type RestoreResult = { database: string; header: BackupHeader; trailer: BackupTrailer; replaced: string | null; rows: number };

export type VerifiedBackup = { header: BackupHeader; trailer: BackupTrailer; sidecarChecked: boolean };

/** Reads the whole file and checks every checksum; throws one AppError line when anything is off. */
export async function verifyBackupFile(file: string): Promise<VerifiedBackup> {
  const sidecarChecked = await verifySidecarChecksum(file);
  const { header, trailer } = await verifyBackupRecords(readBackupFileBytes(file), file);
  return { header, trailer, sidecarChecked };
}

/** The migration files to apply, in the order the backup's database applied them. */
async function migrationsOfBackup(header: BackupHeader, file: string, migrationsDir?: string): Promise<MigrationFile[]> {
  const local = new Map((await readMigrationFiles(migrationsDir)).map((migration) => [migration.name, migration]));
  const applied = header.migrations.filter((migration) => migration.finishedAt !== null && migration.rolledBackAt === null);
  return applied.map((migration) => {
    const found = local.get(migration.name);
    if (!found) {
      throw new AppError(
        "BACKUP",
        `The backup ${file} was taken at migration ${migration.name}, which this checkout does not have; restore it with the version of the tracker that made it, or a later one.`,
      );
    }
    if (found.checksum !== migration.checksum) {
      throw new AppError("BACKUP", `Migration ${migration.name} in this checkout differs from the one the backup ${file} was taken at; restore it with the version of the tracker that made it.`);
    }
    return found;
  });
}

async function refuseWhileInUse(client: pg.ClientBase, database: string) {
  const { rows } = await client.query<{ count: number; applications: string | null }>(
    `SELECT count(*)::int AS count, string_agg(DISTINCT nullif(application_name, ''), ', ') AS applications
       FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
  );
  const { count, applications } = rows[0]!;
  if (count > 0) {
    throw new AppError(
      "BACKUP",
      `${count} other connection${count === 1 ? " is" : "s are"} open to ${database}${applications ? ` (${applications})` : ""}; stop the tracker's app servers (and anything else using it) before restoring.`,
    );
  }
}

function write(stream: Writable, piece: Buffer): Promise<void> {
  return new Promise((resolve, reject) => stream.write(piece, (error) => (error ? reject(error) : resolve())));
}

/** Compares the tables the migrations made with the tables the backup holds: same names, same columns. */
async function checkSchemaMatches(client: pg.ClientBase, header: BackupHeader) {
  const restored = new Map((await listTables(client)).map((table) => [table.name, table.columns]));
  for (const table of header.tables) {
    const columns = restored.get(table.name);
    if (!columns) throw new AppError("BACKUP", `The migrations did not create table ${table.name}, which the backup holds; the backup's database had been changed by hand.`);
    const missing = table.columns.filter((column) => !columns.includes(column));
    const extra = columns.filter((column) => !table.columns.includes(column));
    if (missing.length > 0 || extra.length > 0) {
      throw new AppError(
        "BACKUP",
        `Table ${table.name} after the migrations ${missing.length > 0 ? `lacks ${missing.join(", ")}` : ""}${missing.length > 0 && extra.length > 0 ? " and " : ""}${extra.length > 0 ? `has ${extra.join(", ")} besides` : ""} compared with the backup; the backup's database had been changed by hand.`,
      );
    }
    restored.delete(table.name);
  }
  if (restored.size > 0) {
    throw new AppError("BACKUP", `The migrations created table${restored.size === 1 ? "" : "s"} ${[...restored.keys()].join(", ")}, which the backup does not hold; the backup's database had been changed by hand.`);
  }
}

async function restoreCopyBackup(
  client: pg.ClientBase,
  options: { file: string; header: BackupHeader; migrations: MigrationFile[]; contents: DatabaseContents; log: (line: string) => void },
): Promise<number> {
  const { file, header, migrations, contents, log } = options;
  let rows = 0;
  await client.query("BEGIN");
  try {
    await client.query("SET LOCAL client_min_messages = warning");
    // An app starting meanwhile waits here instead of migrating the half-restored database.
    await client.query("SELECT pg_advisory_xact_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    if (!isEmptyDatabase(contents)) await dropContents(client, contents);
    await client.query(CREATE_MIGRATIONS_TABLE);
    for (const migration of migrations) await client.query(migration.sql);
    log(`Created the schema: ${migrations.length} migrations, up to ${migrations.at(-1)?.name ?? "none"}`);
    await checkSchemaMatches(client, header);

    const order = header.tables.map((table) => table.name);
    const deferred = foreignKeysToDefer(order, await listForeignKeys(client));
    for (const key of deferred) await client.query(`ALTER TABLE ${qualified(client, key.table)} DROP CONSTRAINT ${client.escapeIdentifier(key.name)}`);

    const columnsOf = new Map(header.tables.map((table) => [table.name, table.columns]));
    let copy: { stream: Writable; done: Promise<void> } | null = null;
    for await (const event of readBackupRecords(readBackupFileBytes(file), file)) {
      if (event.type === "section") {
        const columns = columnsOf.get(event.section.name)!;
        const stream = client.query(
          copyFrom(`COPY ${qualified(client, event.section.name)} (${columns.map((column) => client.escapeIdentifier(column)).join(", ")}) FROM STDIN`),
        );
        // Listening from the start: PostgreSQL may refuse a row while the next piece is still being read.
        const done = finished(stream);
        done.catch(() => undefined);
        copy = { stream, done };
      } else if (event.type === "data") {
        await write(copy!.stream, event.piece);
      } else if (event.type === "end") {
        copy!.stream.end();
        await copy!.done;
        copy = null;
        rows += event.summary.rows;
      }
    }

    for (const key of deferred) {
      await client.query(`ALTER TABLE ${qualified(client, key.table)} ADD CONSTRAINT ${client.escapeIdentifier(key.name)} ${key.definition}`);
    }
    for (const sequence of header.sequences) {
      await client.query("SELECT setval($1::regclass, $2::bigint, $3)", [qualified(client, sequence.name), sequence.lastValue, sequence.isCalled]);
    }
    await client.query("COMMIT");
    return rows;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    if (error instanceof AppError) throw error;
    throw new AppError("BACKUP", `The restore failed and was rolled back, leaving the database as it was: ${(error as Error).message}`, { cause: error });
  }
}

async function restorePgDumpArchive(options: { connectionString: string; file: string; header: BackupHeader }): Promise<void> {
  const { connectionString, file, header } = options;
  const needed = header.pgDump!;
  const pgRestore = await findPgTool("pg_restore");
  if (!pgRestore || pgRestore.major < needed.major) {
    throw new AppError(
      "BACKUP",
      `The backup ${file} is a pg_dump ${needed.version} archive; restoring it needs pg_restore ${needed.major} or newer on the PATH (${pgRestore ? `found ${pgRestore.version}` : "found none"}).`,
    );
  }
  const { dbname, env } = libpqConnection(connectionString);
  const child = spawn(pgRestore.path, ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${dbname}`], {
    env,
    stdio: ["pipe", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  child.stdin.on("error", () => undefined); // an early exit is reported through its exit code
  const exited = once(child, "close") as Promise<[number | null]>;
  try {
    for await (const event of readBackupRecords(readBackupFileBytes(file), file)) {
      if (event.type === "data" && !child.stdin.destroyed) await write(child.stdin, event.piece);
      if (event.type === "end") child.stdin.end();
    }
  } catch (error) {
    child.kill("SIGTERM");
    throw error;
  }
  const [code] = await exited;
  if (code !== 0) throw new AppError("BACKUP", `pg_restore ${pgRestore.version} failed (exit code ${code}) and rolled back: ${stderr.trim().split("\n").at(-1) ?? "no message"}`);
}

export async function restoreDatabase(options: {
  connectionString: string;
  from: string;
  force?: boolean;
  log?: (line: string) => void;
  migrationsDir?: string;
}): Promise<RestoreResult> {
  const log = options.log ?? (() => undefined);
  const file = options.from;
  const { header, trailer, sidecarChecked } = await verifyBackupFile(file);
  log(
    `Checked ${file}: ${header.method === "pg_dump" ? `a pg_dump ${header.pgDump?.version} archive` : `${header.tables.length} tables`} of ${header.source.database} (${header.source.server}) taken ${header.createdAt}; every checksum matches${sidecarChecked ? ", and so does its .sha256 file" : ""}`,
  );
  const migrations = await migrationsOfBackup(header, file, options.migrationsDir);

  return withClient(options.connectionString, async (client) => {
    const database = (await client.query<{ name: string }>("SELECT current_database() AS name")).rows[0]!.name;
    await refuseWhileInUse(client, database);
    const contents = await inspectContents(client);
    const empty = isEmptyDatabase(contents);
    if (!empty && !options.force) {
      throw new AppError(
        "BACKUP",
        `The database ${database} is not empty: it holds ${describeContents(contents)}. Restore into an empty database, or add --force to replace everything in it with the backup.`,
      );
    }
    const replaced = empty ? null : describeContents(contents);
    if (replaced) {
      log(
        header.method === "copy"
          ? `--force: replacing ${replaced} in ${database}, in the restore's own transaction (if the restore fails, the database stays as it was)`
          : `--force: dropping ${replaced} in ${database} before pg_restore runs`,
      );
    }

    let rows = 0;
    if (header.method === "copy") {
      rows = await restoreCopyBackup(client, { file, header, migrations, contents, log });
    } else {
      if (!empty) {
        await client.query("BEGIN");
        await dropContents(client, contents);
        await client.query("COMMIT");
      }
      await restorePgDumpArchive({ connectionString: options.connectionString, file, header });
    }
    await client.query("ANALYZE");
    return { database, header, trailer, replaced, rows };
  });
}

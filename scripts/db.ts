/**
 * `npm run db:migrate` applies pending migrations.
 * `npm run db:seed` loads the reference data and documented incidents (idempotent).
 * `npm run db:seed -- --update-reviewed` also brings seeded incidents nobody has
 *   edited up to the reviewed seed, as new versions (decision 0013).
 * `npm run db:backup -- --out <file | directory/> [--method auto|copy|pg_dump]`
 *   writes one consistent backup file, and <file>.sha256 beside it.
 * `npm run db:restore -- --from <file> [--force]` restores it into an empty
 *   database (--force: replace what the database holds); `--check` only reads
 *   and checks the file.
 * `npm run ingest:examples` loads the invented example feed files, marked as
 *   example data (decision 0018), into a migrated database.
 * All of them use DATABASE_URL (as DATABASE_OWNER_URL's role when it is set),
 * or the shared embedded PostgreSQL as its superuser.
 *
 * Exit codes: 0 done, 1 failed or refused (one line says why), 2 bad usage.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { readServerEnv } from "@/lib/env";
import { openDatabase, prepareDatabase, provisionDatabase, type OpenDatabase } from "@/lib/db/prepare-database";
import { onShutdown, shutdown } from "@/lib/process/shutdown";
import { exitWithError, loadDotEnv, log } from "./lib/cli";

const USAGE = `Usage:
  npm run db:migrate
  npm run db:seed [-- --update-reviewed]
  npm run db:backup -- --out <file, or directory/> [--method auto|copy|pg_dump]
  npm run db:restore -- --from <file> [--force]
  npm run db:restore -- --from <file> --check
  npm run ingest:examples`;

const BACKUP_METHODS = ["auto", "copy", "pg_dump"] as const;

class UsageError extends Error {}

/**
 * The database these commands use, signed in (ownerUrl) as its owner, as
 * migrations are: a restore creates the schema and a backup must read every
 * table (decision record 0009).
 */
async function ownerDatabase(): Promise<OpenDatabase> {
  const database = await openDatabase(readServerEnv(), log);
  onShutdown(database.release);
  log(`Database: ${database.description}${database.created ? ", created the database" : ""}`);
  return database;
}

function parse(args: string[], options: NonNullable<ParseArgsConfig["options"]>) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function backup(args: string[]) {
  const values = parse(args, { out: { type: "string" }, method: { type: "string", default: "auto" } });
  const out = values.out as string | undefined;
  const method = values.method as string;
  if (!out) throw new UsageError("--out <file or directory/> is required");
  if (!(BACKUP_METHODS as readonly string[]).includes(method)) throw new UsageError(`--method must be one of ${BACKUP_METHODS.join(", ")}`);
  const database = await ownerDatabase();
  const { backupDatabase } = await import("@/lib/db/backup/backup-database");
  const started = Date.now();
  const result = await backupDatabase({ connectionString: database.ownerUrl, out, method: method as (typeof BACKUP_METHODS)[number], log });
  const rows = result.sections.reduce((sum, section) => sum + section.rows, 0);
  const what = result.method === "copy" ? `${result.sections.length} tables, ${rows.toLocaleString("en")} rows` : "pg_dump archive";
  log(`Wrote ${result.file} (${megabytes(result.bytes)}; ${what}; ${result.migrations} migrations) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  log(`sha256 ${result.sha256}, also in ${result.file}.sha256`);
}

async function restore(args: string[]) {
  const values = parse(args, { from: { type: "string" }, force: { type: "boolean", default: false }, check: { type: "boolean", default: false } });
  const from = values.from as string | undefined;
  if (!from) throw new UsageError("--from <file> is required");
  const { restoreDatabase, verifyBackupFile } = await import("@/lib/db/backup/restore-database");
  if (values.check) {
    const { header, trailer, sidecarChecked } = await verifyBackupFile(from);
    const rows = trailer.sections.reduce((sum, section) => sum + section.rows, 0);
    log(
      `${from} is intact: a ${header.method} backup of ${header.source.database} (${header.source.server}) taken ${header.createdAt}, ${header.migrations.length} migrations, ${header.method === "copy" ? `${header.tables.length} tables, ${rows.toLocaleString("en")} rows` : `pg_dump ${header.pgDump?.version} archive`}${sidecarChecked ? "; its .sha256 matches" : ""}`,
    );
    return;
  }
  const database = await ownerDatabase();
  const started = Date.now();
  const result = await restoreDatabase({ connectionString: database.ownerUrl, from, force: values.force as boolean, log });
  // The restored tables belong to the owner: give the app role its rights on them again (and the job queue its tables).
  await provisionDatabase(database, { log });
  const what =
    result.header.method === "copy" ? `${result.header.tables.length} tables, ${result.rows.toLocaleString("en")} rows and ${result.header.sequences.length} sequences` : "the pg_dump archive";
  log(`Restored ${what} into ${result.database} in ${((Date.now() - started) / 1000).toFixed(1)} s. Starting the app applies any migrations newer than the backup.`);
}

async function main() {
  loadDotEnv();
  const [command, ...args] = process.argv.slice(2);
  try {
    if (command === "backup") await backup(args);
    else if (command === "restore") await restore(args);
    else if (command === "migrate") {
      if (args.length > 0) throw new UsageError("migrate takes no arguments");
      const database = await ownerDatabase();
      await prepareDatabase(database, { seed: "never", log });
    } else if (command === "seed") {
      const values = parse(args, { "update-reviewed": { type: "boolean", default: false } });
      const database = await ownerDatabase();
      await prepareDatabase(database, { seed: values["update-reviewed"] ? "update-reviewed" : "always", log });
    } else if (command === "examples") {
      if (args.length > 0) throw new UsageError("examples takes no arguments");
      const database = await ownerDatabase();
      await prepareDatabase(database, { seed: "never", log, exampleData: true });
    } else throw new UsageError(command ? `unknown command "${command}"` : "no command");
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`[tracker] ${error.message}\n${USAGE}`);
    return shutdown(2);
  }
  return shutdown(0);
}

main().catch(exitWithError);

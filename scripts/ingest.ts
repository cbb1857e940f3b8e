/**
 * `npm run ingest -- <source> [options]` imports outside data into the tracker.
 *
 *   stop --file <path.csv | -> [--country <name>]
 *       Access Now's #KeepItOn STOP spreadsheet, any year's layout, exported as
 *       CSV ("-" reads standard input). Rows of Kazakhstan (or --country)
 *       become draft incidents or proposed updates (see lib/server/imports).
 *
 * Uses DATABASE_URL, or the shared embedded PostgreSQL, and applies pending
 * migrations first (no seeding). Progress lines start with "[tracker]"; the
 * last line of output is the JSON summary, e.g.
 * {"source":"stop","accepted":2,"duplicates":0,"rejected":1}.
 * Exit status: 0 when the file was read (rejected rows included), 1 on a
 * fatal error (unreadable file, unrecognisable header, database), 2 on bad
 * arguments. Each source is one entry in SOURCES; the next ones (ooni, ioda,
 * cloudflare, csv) plug in the same way.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { parseArgs } from "node:util";
import { SYSTEM } from "@/lib/auth/permissions";
import { createDb, type Database } from "@/lib/db/client";
import { openDatabase, prepareDatabase } from "@/lib/db/prepare-database";
import { readServerEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { onShutdown, shutdown } from "@/lib/process/shutdown";
import { ZCountryFilter } from "@/lib/schemas/import";
import { importStopFile, type StopImportProgress } from "@/lib/server/imports/import-stop-file";
import { loadDotEnv, log } from "./lib/cli";

/** What every source's import reports; printed as the last line. */
type IngestSummary = { accepted: number; duplicates: number; rejected: number };

type IngestSource = {
  usage: string;
  /** Checks the arguments before the database is opened; returns the job to run, or throws UsageError. */
  prepare: (args: string[]) => Promise<(db: Database) => Promise<IngestSummary>>;
};

/** Bad arguments: reported in one line with exit status 2. */
class UsageError extends Error {}

const STOP: IngestSource = {
  usage: "stop --file <path.csv | -> [--country <name>]",
  async prepare(args) {
    const { values } = parseArgs({ args, options: { file: { type: "string" }, country: { type: "string" } }, strict: true, allowPositionals: false });
    if (!values.file) throw new UsageError("stop needs --file <path.csv> (or --file - to read standard input).");
    const country = ZCountryFilter.safeParse(values.country ?? "Kazakhstan");
    if (!country.success) throw new UsageError(`--country: ${country.error.issues[0]?.message ?? "not a country name"}.`);
    const input = await openInput(values.file);
    return async (db) => {
      const rejects: string[] = [];
      let skipped = 0;
      const summary = await importStopFile({
        by: SYSTEM,
        db,
        input: input.stream,
        fileName: input.name,
        country: country.data,
        onProgress: (event) => {
          if (event.kind === "skipped") skipped += 1;
          else if (event.kind === "rejected") rejects.push(...event.problems.map((problem) => `  line ${event.line}, column ${problem.column ?? "-"}: ${problem.message}`));
          const line = describeProgress(event);
          if (line) log(line);
        },
      });
      if (skipped > 0) log(`Skipped ${skipped} row(s) of other countries`);
      if (rejects.length > 0) {
        log(`Rejected rows (run ${summary.runId}; line, column, reason):`);
        for (const reject of rejects) console.log(reject);
      }
      log(`Run ${summary.runId} finished: ${summary.accepted} accepted, ${summary.duplicates} duplicate(s), ${summary.rejected} rejected`);
      return summary;
    };
  },
};

const SOURCES: Record<string, IngestSource> = { stop: STOP };

function describeProgress(event: StopImportProgress): string | null {
  switch (event.kind) {
    case "reference":
      return event.operators === 0 || event.regions === 0
        ? "Warning: the database holds no operators or regions to match rows against; run `npm run db:seed` first"
        : `Matching rows against ${event.operators} operators and ${event.regions} regions`;
    case "header":
      return `Reading a STOP ${event.variant} sheet${event.ignoredColumns.length > 0 ? `; ignoring unknown columns: ${event.ignoredColumns.join(", ")}` : ""}`;
    case "created":
      return `line ${event.line}: new draft incident ${event.incidentId} (${event.slug})`;
    case "proposed":
      return `line ${event.line}: proposed update ${event.proposalId} to incident ${event.incidentId}`;
    case "duplicate":
      return `line ${event.line}: duplicate of incident ${event.incidentId} (${event.reason})`;
    case "rejected":
      return `line ${event.line}: rejected`;
    case "skipped":
      return null;
  }
}

async function openInput(file: string): Promise<{ stream: Readable; name: string }> {
  if (file === "-") return { stream: process.stdin, name: "stdin" };
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`Cannot read ${file}: ${error.code === "ENOENT" ? "no such file" : error.code === "EACCES" ? "permission denied" : error.message}.`);
  });
  if (!info.isFile()) throw new UsageError(`Cannot read ${file}: not a file.`);
  const stream = createReadStream(file);
  // Opening can still fail (permissions); the import reports it as a fatal error.
  return { stream, name: path.basename(file) };
}

/** Released before the last line is printed, so that nothing follows it. */
let releaseDatabase: () => Promise<void> = async () => {};

async function main(): Promise<never> {
  loadDotEnv();
  const [name, ...args] = process.argv.slice(2);
  const known = Object.keys(SOURCES);
  const source = name ? SOURCES[name] : undefined;
  if (!source) {
    const usage = known.map((key) => `npm run ingest -- ${SOURCES[key]!.usage}`).join(" | ");
    throw new UsageError(`${name ? `Unknown source "${name}"` : "Name a source"}. Known sources: ${known.join(", ")}. Usage: ${usage}`);
  }
  let job: (db: Database) => Promise<IngestSummary>;
  try {
    job = await source.prepare(args);
  } catch (error) {
    // parseArgs reports unknown or malformed options with a TypeError and a code.
    if ((error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) throw new UsageError(`${(error as Error).message}. Usage: npm run ingest -- ${source.usage}`);
    throw error;
  }

  const database = await openDatabase(readServerEnv(), log);
  onShutdown(database.release);
  releaseDatabase = database.release;
  log(`Database: ${database.description}`);
  await prepareDatabase(database.url, { seed: "never", log });
  const db = createDb(database.url, { max: 4 });
  let summary: IngestSummary;
  try {
    summary = await job(db);
  } finally {
    await db.$disconnect();
  }
  await database.release();
  console.log(JSON.stringify({ source: name, accepted: summary.accepted, duplicates: summary.duplicates, rejected: summary.rejected }));
  return shutdown(0);
}

main().catch(async (error: unknown) => {
  await releaseDatabase().catch(() => undefined);
  const message = error instanceof UsageError || isAppError(error) ? error.message : `Unexpected error: ${(error as Error)?.message ?? String(error)}`;
  console.error(`[tracker] ${message.replace(/\s*\n\s*/g, " ")}`);
  return shutdown(error instanceof UsageError ? 2 : 1);
});

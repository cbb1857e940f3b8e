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
 * arguments. Each source is one entry in SOURCES.
 *
 *   ooni | ioda | cloudflare | csv --file <path | ->
 *       A feed's payload from a file or standard input (gzip or not), parsed
 *       by the feed's parser (lib/ingest/registry.ts) and stored by the bulk
 *       writer (lib/server/ingest/ingest-items.ts). csv is the generic
 *       timestamp,asn,signal,value[,source] file.
 *   ooni --file <path | -> [--country KZ] [--asn N] [--test <name>]
 *       The options say which request an OONI aggregation file answered.
 *   ooni | ioda | cloudflare --since <date> --until <date> [--asn N …] [--country KZ]
 *       A live pull from the feed's API (OONI_API_URL, IODA_API_URL,
 *       CLOUDFLARE_API_URL; Cloudflare needs CLOUDFLARE_API_TOKEN). An
 *       interrupted pull of the same request resumes from its saved cursor.
 *
 * Feeds print a progress line per stored batch, the first rejected records,
 * and their peak memory, before the JSON summary.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { parseArgs } from "node:util";
import { SYSTEM } from "@/lib/auth/permissions";
import { createDb, type Database } from "@/lib/db/client";
import { openDatabase, prepareDatabase, provisionDatabase, type DatabaseUrls } from "@/lib/db/prepare-database";
import { readServerEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { isExampleFeedFile } from "@/lib/example-data/is-example-feed-file";
import { onShutdown, shutdown } from "@/lib/process/shutdown";
import { ZCountryFilter } from "@/lib/schemas/import";
import { closePgPools } from "@/lib/db/pg-pool";
import { FEED_NAMES, isLiveFeedName, type FeedName } from "@/lib/ingest/feed-names";
import { planPull, type PullPlan } from "@/lib/ingest/plan-pull";
import { FEEDS, type FeedEntry, type FileContext } from "@/lib/ingest/registry";
import { importStopFile, type StopImportProgress } from "@/lib/server/imports/import-stop-file";
import { ingestItems, type IngestItemsResult, type IngestProgress } from "@/lib/server/ingest/ingest-items";
import { listIngestRejects } from "@/lib/server/ingest/list-ingest-rejects";
import { runPull } from "@/lib/server/ingest/run-pull";
import { loadDotEnv, log } from "./lib/cli";

/** What every source's import reports; printed as the last line. */
type IngestSummary = { accepted: number; duplicates: number; rejected: number };

type IngestSource = {
  usage: string;
  /** Checks the arguments before the database is opened; returns the job to run, or throws UsageError. */
  prepare: (args: string[]) => Promise<IngestJob>;
};

/**
 * What a source runs once the database is open. The STOP importer prepares it
 * as the app does and works through Prisma; the feeds only provision it
 * (migrations, as the owner) and write through the bulk writer's pg pool, so
 * their process never loads Prisma's query engine (flat, small memory). Both
 * write as the app role, like the console's uploads.
 */
type IngestJob = (database: DatabaseUrls) => Promise<IngestSummary>;

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
    return async (database) => {
      await prepareDatabase(database, { seed: "never", log });
      const db = createDb(database.url, { max: 4 });
      try {
        return await importStop(db, input, country.data);
      } finally {
        await db.$disconnect();
      }
    };
  },
};

/** Runs the STOP importer, printing a line per row and the rejected rows. */
async function importStop(db: Database, input: { stream: Readable; name: string }, country: string): Promise<IngestSummary> {
  const rejects: string[] = [];
  let skipped = 0;
  const summary = await importStopFile({
    caller: SYSTEM,
    db,
    input: input.stream,
    fileName: input.name,
    country,
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
}

/** How many rejected records the command prints; the run keeps them all. */
const REJECTS_SHOWN = 20;

/** A calendar day (midnight UTC) or an ISO instant with a zone. */
function parseDateOption(name: string, text: string): Date {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const date = new Date(day ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(date.getTime()) || (!day && !/(Z|[+-]\d{2}:?\d{2})$/i.test(text))) {
    throw new UsageError(`--${name}: "${text}" is not a date (YYYY-MM-DD, or an ISO time with a zone).`);
  }
  return date;
}

function parseAsnOption(text: string): number {
  const match = /^(?:AS)?(\d{1,10})$/i.exec(text.trim());
  const asn = match ? Number(match[1]) : NaN;
  if (!match || asn < 1 || asn > 2_147_483_647) throw new UsageError(`--asn: "${text}" is not an AS number.`);
  return asn;
}

/** A measurement feed: a file (any feed) or a live pull (feeds with an API). */
/** --country, --asn and --test given with --file (OONI aggregation files). */
function fileContext(values: { asn?: string[]; country?: string; test?: string }): FileContext {
  const context: FileContext = {};
  if (values.country !== undefined) {
    const country = values.country.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(country)) throw new UsageError(`--country: "${values.country}" is not a two-letter country code such as KZ.`);
    context.country = country;
  }
  if (values.asn !== undefined) {
    if (values.asn.length > 1) throw new UsageError("--asn: an aggregation file answers one request; give one ASN.");
    context.asn = parseAsnOption(values.asn[0]!);
  }
  if (values.test !== undefined) {
    if (!/^[a-z_]{2,50}$/.test(values.test)) throw new UsageError(`--test: "${values.test}" is not an OONI test name such as web_connectivity.`);
    context.test = values.test;
  }
  return context;
}

function feedSource(name: FeedName, feed: FeedEntry): IngestSource {
  const fileUsage = feed.takesFileContext ? `${name} --file <path | -> [--country KZ] [--asn N] [--test <name>]` : `${name} --file <path | ->`;
  const usage = feed.pull ? `${fileUsage} | ${name} --since <date> --until <date> [--asn N …] [--country KZ]` : fileUsage;
  return {
    usage,
    async prepare(args) {
      const { values } = parseArgs({
        args,
        options: {
          file: { type: "string" },
          since: { type: "string" },
          until: { type: "string" },
          asn: { type: "string", multiple: true },
          country: { type: "string" },
          test: { type: "string" },
        },
        strict: true,
        allowPositionals: false,
      });
      // A file of a feed that takes a context (OONI aggregation) may say which request it answered.
      const contextFlags = feed.takesFileContext ? ["asn", "country", "test"] : [];
      const pullFlags = ["since", "until", "asn", "country", "test"].filter((flag) => values[flag as keyof typeof values] !== undefined);
      if (values.file !== undefined) {
        const misplaced = pullFlags.find((flag) => !contextFlags.includes(flag));
        if (misplaced) throw new UsageError(`--file reads a file; --${misplaced} is for live pulls. Usage: npm run ingest -- ${usage}`);
        const context = fileContext(values);
        const input = await openInput(values.file);
        if (values.file !== "-" && (await isExampleFeedFile(values.file))) {
          input.stream.destroy();
          throw new UsageError(`${values.file} is one of the tracker's invented example files; load them with \`npm run ingest:examples\` (or \`npm run demo\`), which marks them as example data.`);
        }
        return (database) =>
          runFeed(name, database, (onBatch) =>
            ingestItems({
              caller: SYSTEM,
              source: feed.source,
              parameters: { fileName: input.name, ...context },
              items: feed.parse(input.stream, context),
              connectionString: database.url,
              onBatch,
            }),
          );
      }
      if (values.test !== undefined) throw new UsageError(`--test describes an OONI aggregation file: npm run ingest -- ooni --file <path> --test <test_name>`);
      if (!isLiveFeedName(name)) throw new UsageError(`${name} reads files only: npm run ingest -- ${fileUsage}`);
      if (!values.since || !values.until) throw new UsageError(`${name} needs --file, or --since and --until for a live pull. Usage: npm run ingest -- ${usage}`);
      const since = parseDateOption("since", values.since);
      const until = parseDateOption("until", values.until);
      if (until <= since) throw new UsageError(`--until (${values.until}) must be after --since (${values.since}).`);
      const asns = (values.asn ?? []).flatMap((text) => text.split(",")).map(parseAsnOption);
      const country = values.country?.trim().toUpperCase();
      if (country !== undefined && !/^[A-Z]{2}$/.test(country)) throw new UsageError(`--country: "${values.country}" is not a two-letter country code such as KZ.`);
      // The feed's own wiring (address, token, scope), as the scheduler plans it; a missing token is the caller's to fix.
      let plan: PullPlan;
      try {
        plan = planPull(name, { since, until, country, asns }, readServerEnv());
      } catch (error) {
        if (isAppError(error)) throw new UsageError(error.message);
        throw error;
      }
      return (database) =>
        runFeed(name, database, (onBatch) =>
          runPull({
            caller: SYSTEM,
            plan,
            connectionString: database.url,
            onStart: ({ resuming }) =>
              log(resuming ? `Resuming the interrupted pull of ${name} for ${plan.scope}` : `Pulling ${name} for ${plan.scope} from ${plan.baseUrl}`),
            onBatch,
          }),
        );
    },
  };
}

/** Provisions the database, then stores the feed's items (`store`: a file through ingestItems, a live pull through runPull), printing progress and the first rejects. */
async function runFeed(
  name: FeedName,
  database: DatabaseUrls,
  store: (onBatch: (progress: IngestProgress) => void) => Promise<IngestItemsResult>,
): Promise<IngestSummary> {
  const migrations = await provisionDatabase(database, { log });
  if (migrations.applied.length > 0) log(`Applied ${migrations.applied.length} migration(s)`);
  const result = await store((progress) =>
    log(`${progress.items} records read: ${progress.accepted} stored, ${progress.duplicates} already stored, ${progress.rejected} rejected`),
  );
  if (result.rejected > 0) {
    const rejects = await listIngestRejects({ runId: result.runId, limit: REJECTS_SHOWN, connectionString: database.url });
    log(`Rejected records (run ${result.runId}; position, field, reason)${result.rejected > REJECTS_SHOWN ? `, first ${REJECTS_SHOWN} of ${result.rejected}` : ""}:`);
    for (const reject of rejects) console.log(`  ${reject.position}, ${reject.field ?? "-"}: ${reject.reason}`);
  }
  log(`Run ${result.runId} (${name}) finished: ${result.accepted} stored, ${result.duplicates} already stored, ${result.rejected} rejected`);
  log(`Peak memory (RSS): ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  return result;
}

const SOURCES: Record<string, IngestSource> = {
  stop: STOP,
  ...Object.fromEntries(FEED_NAMES.map((name) => [name, feedSource(name, FEEDS[name])])),
};

function describeProgress(event: StopImportProgress): string | null {
  switch (event.kind) {
    case "reference":
      return event.operators === 0 || event.regions === 0
        ? "Warning: the database holds no operators or regions to match rows against; run `npm run db:seed` first"
        : `Matching rows against ${event.operators} operators and ${event.regions} regions`;
    case "header":
      return (
        `Reading a STOP ${event.variant} sheet` +
        (event.rowsAbove > 0 ? ` (header on line ${event.line}; ${event.rowsAbove} title or note row(s) above it skipped)` : "") +
        (event.ignoredColumns.length > 0 ? `; ignoring unknown columns: ${event.ignoredColumns.join(", ")}` : "")
      );
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
  let job: IngestJob;
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
  let summary: IngestSummary;
  try {
    summary = await job(database);
  } finally {
    await closePgPools();
  }
  await database.release();
  console.log(JSON.stringify({ source: name, accepted: summary.accepted, duplicates: summary.duplicates, rejected: summary.rejected }));
  return shutdown(0);
}

main().catch(async (error: unknown) => {
  await releaseDatabase().catch(() => undefined);
  // Known failures (bad arguments, AppErrors: a feed's API, a file's shape, a limit) print as themselves.
  const message = error instanceof UsageError || isAppError(error) ? error.message : `Unexpected error: ${(error as Error)?.message ?? String(error)}`;
  console.error(`[tracker] ${message.replace(/\s*\n\s*/g, " ")}`);
  return shutdown(error instanceof UsageError ? 2 : 1);
});

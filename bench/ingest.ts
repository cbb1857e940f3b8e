/**
 * `npm run bench:ingest -- [--points N]` (default 1,000,000): the measurement
 * ingest path against a raw COPY, on a fresh database.
 *
 * 1. Writes N synthetic points (4 operators' ASNs × 3 signals at 5-minute
 *    steps) as a CSV file in a temporary folder.
 * 2. Runs `scripts/ingest.ts csv --file …` as a child process with the node
 *    flags of `npm run ingest` (the CLI path: parser, bulk writer, COPY into
 *    staging, INSERT … ON CONFLICT) and prints its rate and the child's peak
 *    RSS.
 * 3. COPYs the same rows into an identical empty table (series_points'
 *    columns, primary-key index, BRIN index on run_id and foreign key to
 *    series; run_id filled as the writer fills it) and prints that
 *    raw rate and the ratio (target: at least 0.5); then the same into a
 *    table without the foreign key, whose per-row check is a large part of
 *    any insert into series_points, and prints that ratio too.
 * 4. Replays the file through the CLI and prints the rows it added (target:
 *    0) and its time (target: no longer than the first load).
 *
 * Uses the embedded PostgreSQL (KST_DATA_DIR), or the server of DATABASE_URL;
 * the database it creates is dropped at the end.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, readFileSync } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { from as copyFrom } from "pg-copy-streams";
import { databaseUrlFor, withClient } from "@/lib/db/connection";
import { acquireEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate";
import { readServerEnv } from "@/lib/env";
import { createDatabase, dropDatabase } from "@/lib/testing/test-database";

const ROOT = path.resolve(import.meta.dirname, "..");

/** Four operators' networks, as in the seed: Kazakhtelecom, Kcell, Kar-Tel (Beeline), Tele2/Altel. */
const ASNS = [9198, 50482, 29355, 21299, 206026, 48503, 29555];
/** Three of the coalition CSV's signals (the only ones it takes), whose ranges hold the synthetic values. */
const SIGNALS = ["probe.latency_ms", "probe.download_mbps", "probe.upload_mbps"];
const START = Date.UTC(2022, 0, 1);
const STEP_MS = 5 * 60_000;

type SyntheticPoint = { asn: number; signal: string; at: number; value: number };

/** The same N points every time: every series advances one 5-minute step per round. */
function* syntheticPoints(total: number): Generator<SyntheticPoint> {
  const perRound = ASNS.length * SIGNALS.length;
  for (let index = 0; index < total; index += 1) {
    const round = Math.floor(index / perRound);
    const slot = index % perRound;
    yield { asn: ASNS[slot % ASNS.length]!, signal: SIGNALS[Math.floor(slot / ASNS.length)]!, at: START + round * STEP_MS, value: (round * 7 + slot) % 1000 };
  }
}

function* chunked<T>(rows: Iterable<T>, toLine: (row: T) => string, header?: string): Generator<string> {
  let lines: string[] = header ? [header] : [];
  for (const row of rows) {
    lines.push(toLine(row));
    if (lines.length >= 5_000) {
      yield `${lines.join("\n")}\n`;
      lines = [];
    }
  }
  if (lines.length > 0) yield `${lines.join("\n")}\n`;
}

/** The node arguments of `npm run ingest` (package.json), so the benchmark runs the CLI exactly as users do, memory settings included. */
function ingestScriptArguments(): string[] {
  const script = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.ingest!;
  const [command, ...args] = script.trim().split(/\s+/);
  if (command !== "node") throw new Error(`Expected the ingest script to run node, not: ${script}`);
  return args;
}

type CliRun = { wallSeconds: number; runSeconds: number; peakRssMb: number | null; summary: Record<string, number> };

function runCli(databaseUrl: string, file: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...ingestScriptArguments(), "csv", "--file", file], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", async (code) => {
      const wallSeconds = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`The ingest CLI exited with ${code}: ${stderr.trim() || stdout.trim().split("\n").at(-1)}`));
      const lines = stdout.trim().split("\n");
      const rss = /Peak memory \(RSS\): (\d+) MB/.exec(stdout);
      const runSeconds = await withClient(databaseUrl, async (client) => {
        const { rows } = await client.query<{ seconds: number }>(
          "SELECT extract(epoch FROM finished_at - started_at)::float8 AS seconds FROM ingest_runs ORDER BY id DESC LIMIT 1",
        );
        return rows[0]!.seconds;
      });
      resolve({ wallSeconds, runSeconds, peakRssMb: rss ? Number(rss[1]) : null, summary: JSON.parse(lines.at(-1)!) as Record<string, number> });
    });
  });
}

const rate = (points: number, seconds: number) => `${Math.round(points / seconds).toLocaleString("en")} points/s`;
const print = (line: string) => console.log(`[bench] ${line}`);

async function main() {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { points: { type: "string" } }, strict: true });
  const total = Number(values.points ?? 1_000_000);
  if (!Number.isInteger(total) || total < 1) throw new Error(`--points must be a positive integer, not ${values.points}`);

  const env = readServerEnv();
  const lease = env.DATABASE_URL ? null : await acquireEmbeddedPostgres({ dataDir: env.KST_DATA_DIR, port: env.EMBEDDED_PG_PORT });
  const serverUrl = lease ? lease.serverUrl : databaseUrlFor(env.DATABASE_URL!, "postgres");
  const databaseName = `kst_bench_${randomBytes(4).toString("hex")}`;
  const folder = await mkdtemp(path.join(tmpdir(), "kst-bench-"));
  try {
    const file = path.join(folder, "points.csv");
    await pipeline(
      Readable.from(chunked(syntheticPoints(total), (p) => `${new Date(p.at).toISOString()},${p.asn},${p.signal},${p.value}`, "timestamp,asn,signal,value")),
      createWriteStream(file),
    );
    print(`${total.toLocaleString("en")} points (${ASNS.length} ASNs × ${SIGNALS.length} signals, 5-minute steps) in ${file} (${Math.round((await stat(file)).size / 1e6)} MB)`);

    const databaseUrl = await createDatabase(serverUrl, databaseName);
    await migrateDatabase(databaseUrl);
    print(`fresh database ${databaseName}`);

    const first = await runCli(databaseUrl, file);
    if (first.summary.accepted !== total) throw new Error(`The first load accepted ${first.summary.accepted} of ${total} points`);
    print(`CLI load: ${rate(total, first.runSeconds)} (run ${first.runSeconds.toFixed(2)} s; ${first.wallSeconds.toFixed(2)} s with process start-up and migrations check)`);
    print(`CLI peak RSS: ${first.peakRssMb ?? "?"} MB`);

    /** COPYs the same rows, mapped to their series ids, into a new empty table made by `definition`. */
    const rawCopySeconds = (table: string, definition: string) =>
      withClient(databaseUrl, async (client) => {
        const { rows } = await client.query<{ id: number; asn: number; signal: string }>("SELECT id, asn, signal FROM series WHERE signal = ANY ($1)", [SIGNALS]);
        const seriesIds = new Map(rows.map((row) => [`${row.asn}|${row.signal}`, row.id]));
        await client.query(`CREATE TABLE ${table} ${definition}`);
        const started = performance.now();
        await pipeline(
          Readable.from(chunked(syntheticPoints(total), (p) => `${seriesIds.get(`${p.asn}|${p.signal}`)}\t${new Date(p.at).toISOString()}\t${p.value}\t1`)),
          client.query(copyFrom(`COPY ${table} (series_id, at, value, run_id) FROM STDIN`)),
        );
        const seconds = (performance.now() - started) / 1000;
        const { rows: counted } = await client.query<{ count: string }>(`SELECT count(*) AS count FROM ${table}`);
        if (Number(counted[0]!.count) !== total) throw new Error(`The raw COPY stored ${counted[0]!.count} rows`);
        await client.query(`DROP TABLE ${table}`);
        return seconds;
      });
    // series_points as the migration defines it: the columns, the primary key (series_id, at) and the foreign key to series.
    const identicalSeconds = await rawCopySeconds("bench_raw_points", "(LIKE series_points INCLUDING ALL, FOREIGN KEY (series_id) REFERENCES series (id) ON DELETE CASCADE)");
    // The same without the foreign key: the index alone.
    const bareSeconds = await rawCopySeconds("bench_raw_points_bare", "(LIKE series_points INCLUDING ALL)");
    const cliRate = total / first.runSeconds;
    print(`raw COPY into an identical empty table (columns, primary key, foreign key to series): ${rate(total, identicalSeconds)} (${identicalSeconds.toFixed(2)} s)`);
    print(`raw COPY into the same without the foreign key (primary key only): ${rate(total, bareSeconds)} (${bareSeconds.toFixed(2)} s)`);
    const ratio = cliRate / (total / identicalSeconds);
    print(`ratio CLI / raw COPY (identical table): ${ratio.toFixed(2)} (target ≥ 0.5: ${ratio >= 0.5 ? "met" : "NOT met"})`);
    print(`ratio CLI / raw COPY (no foreign key): ${(cliRate / (total / bareSeconds)).toFixed(2)}; counting process start-up: ${(identicalSeconds / first.wallSeconds).toFixed(2)} (identical table)`);

    const countPoints = () =>
      withClient(databaseUrl, async (client) => Number((await client.query<{ count: string }>("SELECT count(*) AS count FROM series_points")).rows[0]!.count));
    const before = await countPoints();
    const replay = await runCli(databaseUrl, file);
    const added = (await countPoints()) - before;
    print(
      `replay: added ${added} rows (accepted ${replay.summary.accepted}, duplicates ${replay.summary.duplicates}) in ${replay.runSeconds.toFixed(2)} s ` +
        `(first load ${first.runSeconds.toFixed(2)} s; target ≤: ${replay.runSeconds <= first.runSeconds ? "met" : "NOT met"}); peak RSS ${replay.peakRssMb ?? "?"} MB`,
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
    await dropDatabase(serverUrl, databaseName).catch(() => undefined);
    await lease?.release();
  }
}

main().catch((error: unknown) => {
  console.error(`[bench] ${(error as Error)?.message ?? String(error)}`);
  process.exitCode = 1;
});

/**
 * `npm run bench:query -- [--points N] [--iterations N]` (default 10,000,000
 * points, 200 iterations): the chart-data query against hand-written SQL, on
 * a fresh database.
 *
 * 1. Loads N points with generate_series: the seed's four operators' seven
 *    ASNs × four IODA signals at 5-minute steps over the years it takes,
 *    written time-major (all series per step) as a feed writes them, then
 *    VACUUM ANALYZE.
 * 2. Asks for "one operator (Kazakhtelecom, two ASNs), one signal (bgp), the
 *    last whole year of data → at most 1,000 buckets", interleaved, each
 *    iteration in alternating order:
 *    - through the project's function, uncached (loadOperatorSignalChart:
 *      operator lookup, series lookup, events, the downsampling query, gap
 *      filling), and its downsampling query alone (downsampleSeries);
 *    - as the same query written by hand over a plain `pg` Pool.
 *    It prints p50/p95 for each, checks "function p95 ≤ 1.5 × SQL p95 + 3 ms"
 *    (exit code 1 when not met), the cached figure (getOperatorSignalChart
 *    answered from memory) and EXPLAIN (ANALYZE, BUFFERS) of both queries.
 *
 * Uses the embedded PostgreSQL (KST_DATA_DIR), or the server of DATABASE_URL;
 * never the app's database: it creates its own and drops it at the end.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { databaseUrlFor } from "@/lib/db/connection";
import { acquireEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate";
import { readServerEnv } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { SIGNAL_KEYS, SIGNALS as REGISTRY } from "@/lib/signals/signal-registry";
import { createDatabase, dropDatabase } from "@/lib/testing/test-database";

const ASNS = [9198, 50482, 29355, 21299, 206026, 48503, 29555];
/** IODA's chart signals, by the names their series are stored under (the signal registry). */
const SIGNALS = SIGNAL_KEYS.flatMap((key) => (REGISTRY[key].stored.source === "IODA" && REGISTRY[key].stored.name ? [REGISTRY[key].stored.name] : []));
const BGP = REGISTRY["ioda.bgp"];
const STEP_SECONDS = 300;
const START = "2020-01-01T00:00:00Z";
const OPERATOR = "kazakhtelecom";

const print = (line: string) => console.log(`[bench] ${line}`);
const ms = (value: number) => `${value.toFixed(2)} ms`;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** The seed's operators and networks, and one series per ASN and signal; then the points, time-major. */
async function load(databaseUrl: string, total: number): Promise<{ from: Date; to: Date; points: number }> {
  const { createDb } = await import("@/lib/db/client");
  const { seedReferenceData } = await import("@/prisma/seed");
  const db = createDb(databaseUrl, { max: 1 });
  try {
    await seedReferenceData(db);
  } finally {
    await db.$disconnect();
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO series (source, signal, entity_type, entity_code, asn, unit, step_seconds)
       SELECT 'IODA', signal, 'ASN', asn::text, asn, 'count', $3 FROM unnest($1::int[]) asn CROSS JOIN unnest($2::text[]) signal`,
      [ASNS, SIGNALS, STEP_SECONDS],
    );
    const steps = Math.floor(total / (ASNS.length * SIGNALS.length));
    const end = new Date(new Date(START).getTime() + steps * STEP_SECONDS * 1000);
    // Loading without the per-row foreign-key trigger (a benchmark database only); the primary key is maintained as on any insert.
    await client.query("SET session_replication_role = replica");
    const chunkSteps = 30 * 288;
    const started = performance.now();
    for (let first = 0; first < steps; first += chunkSteps) {
      await client.query(
        `INSERT INTO series_points (series_id, at, value)
         SELECT s.id, $1::timestamptz + n * $2 * interval '1 second',
                -- A level per series with a daily swing, as measured counts look.
                1000 + s.id * 10 + 100 * sin(2 * pi() * (n % 288) / 288.0)
         FROM generate_series($3::int, $4::int) n CROSS JOIN (SELECT id FROM series ORDER BY id) s
         ORDER BY n, s.id`,
        [START, STEP_SECONDS, first, Math.min(steps, first + chunkSteps) - 1],
      );
      if (process.stdout.isTTY) process.stdout.write(`\r[bench] loading: ${Math.round((Math.min(steps, first + chunkSteps) / steps) * 100)}%`);
    }
    if (process.stdout.isTTY) process.stdout.write("\n");
    await client.query("SET session_replication_role = DEFAULT");
    const loadSeconds = (performance.now() - started) / 1000;
    const vacuumStarted = performance.now();
    await client.query("VACUUM ANALYZE series_points");
    await client.query("VACUUM ANALYZE series");
    const { rows } = await client.query<{ count: string; size: string }>(
      "SELECT count(*) AS count, pg_size_pretty(pg_relation_size('series_points_pkey')) AS size FROM series_points",
    );
    const points = Number(rows[0]!.count);
    print(
      `${points.toLocaleString("en")} points (${ASNS.length} ASNs × ${SIGNALS.length} signals, 5-minute steps, ${START.slice(0, 10)} → ${end.toISOString().slice(0, 10)}) ` +
        `loaded in ${loadSeconds.toFixed(1)} s; VACUUM ANALYZE ${((performance.now() - vacuumStarted) / 1000).toFixed(1)} s; primary key ${rows[0]!.size}`,
    );
    // The last whole calendar year of data, or the last 365 days when there is less.
    const lastYear = end.getUTCFullYear() - 1;
    if (Date.UTC(lastYear, 0, 1) >= new Date(START).getTime()) {
      return { from: new Date(Date.UTC(lastYear, 0, 1)), to: new Date(Date.UTC(lastYear + 1, 0, 1)), points };
    }
    return { from: new Date(end.getTime() - 365 * 86_400_000), to: end, points };
  } finally {
    await client.end();
  }
}

/** The same question, written by hand: the operator's bgp series, 12-hour buckets, networks summed. */
const HAND_WRITTEN_SQL = `
  SELECT b.bucket, sum(b.value) AS value
  FROM (
    SELECT p.series_id, date_bin(interval '12 hours', p.at, timestamptz '2000-01-03 00:00:00+00') AS bucket, avg(p.value) AS value
    FROM series_points p
    WHERE p.series_id IN (
        SELECT s.id FROM series s
        JOIN networks n ON n.asn = s.asn
        JOIN operators o ON o.id = n.operator_id
        WHERE o.slug = $1 AND s.source = 'IODA' AND s.signal = 'bgp' AND s.entity_type = 'ASN')
      AND p.at >= $2 AND p.at < $3
    GROUP BY 1, 2
  ) b
  GROUP BY b.bucket
  ORDER BY b.bucket`;

async function main() {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { points: { type: "string" }, iterations: { type: "string" } }, strict: true });
  const total = Number(values.points ?? 10_000_000);
  const iterations = Number(values.iterations ?? 200);
  if (!Number.isInteger(total) || total < ASNS.length * SIGNALS.length * 288) throw new Error(`--points must be a whole number of at least a day of data, not ${values.points}`);
  if (!Number.isInteger(iterations) || iterations < 10) throw new Error(`--iterations must be a whole number of at least 10, not ${values.iterations}`);

  const env = readServerEnv();
  const lease = env.DATABASE_URL ? null : await acquireEmbeddedPostgres({ dataDir: env.KST_DATA_DIR, port: env.EMBEDDED_PG_PORT });
  const serverUrl = lease ? lease.serverUrl : databaseUrlFor(env.DATABASE_URL!, "postgres");
  const databaseName = `kst_bench_${randomBytes(4).toString("hex")}`;
  let failed = false;
  let pool: pg.Pool | null = null;
  try {
    const databaseUrl = await createDatabase(serverUrl, databaseName);
    await migrateDatabase(databaseUrl);
    print(`fresh database ${databaseName}`);
    const period = await load(databaseUrl, total);
    print(`query: operator "${OPERATOR}", signal ${BGP.key}, ${period.from.toISOString().slice(0, 10)} → ${period.to.toISOString().slice(0, 10)}, at most 1,000 buckets`);

    // The project's functions read DATABASE_URL: point this process at the benchmark database only.
    process.env.DATABASE_URL = databaseUrl;
    const { getDb, disconnectDb } = await import("@/lib/db/client");
    const { closeChartCache } = await import("@/lib/server/cache/chart-cache");
    const { getOperatorSignalChart, loadOperatorSignalChart } = await import("@/lib/server/series/get-operator-signal-chart");
    const { downsampleQuery, downsampleSeries } = await import("@/lib/server/series/downsample-series");
    pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });

    const request = { caller: ANONYMOUS, operatorSlug: OPERATOR, from: period.from, to: period.to, signals: [BGP.key] };
    const seriesIds = (
      await getDb().series.findMany({ where: { signal: BGP.stored.name, asn: { in: [9198, 50482] } }, select: { id: true }, orderBy: { id: "asc" } })
    ).map((series) => series.id);
    const downsample = { lines: [{ seriesIds, combine: "sum" as const }], from: period.from, to: period.to, maxPoints: 1000 };

    const runs = {
      function: () => loadOperatorSignalChart(request),
      query: () => downsampleSeries(downsample),
      sql: () => pool!.query(HAND_WRITTEN_SQL, [OPERATOR, period.from, period.to]),
    };
    // The answers agree before anything is timed.
    const chart = await runs.function();
    const sql = await runs.sql();
    const line = chart.lines[0]!.points.filter((point) => point.value !== null);
    if (chart.lines[0]!.points.length > 1000) throw new Error(`The chart has ${chart.lines[0]!.points.length} buckets`);
    if (line.length !== sql.rows.length || line.some((point, index) => Math.abs(point.value! - Number(sql.rows[index]!.value)) > 1e-6)) {
      throw new Error("The project's function and the hand-written SQL disagree");
    }
    print(`${chart.lines[0]!.points.length} buckets of ${chart.bucketSeconds / 3600} h; both answers agree`);

    for (let index = 0; index < 20; index += 1) for (const run of Object.values(runs)) await run();
    const samples: Record<keyof typeof runs, number[]> = { function: [], query: [], sql: [] };
    const order = Object.keys(runs) as (keyof typeof runs)[];
    for (let index = 0; index < iterations; index += 1) {
      for (const name of index % 2 === 0 ? order : [...order].reverse()) samples[name].push(await timed(runs[name]));
    }

    await getOperatorSignalChart(request);
    const cached: number[] = [];
    for (let index = 0; index < iterations; index += 1) cached.push(await timed(() => getOperatorSignalChart(request)));

    const line50 = (name: string, xs: number[]) => print(`${name}: p50 ${ms(percentile(xs, 50))}, p95 ${ms(percentile(xs, 95))} (${xs.length} runs)`);
    line50("getOperatorSignalChart, uncached (loadOperatorSignalChart)", samples.function);
    line50("  of which downsampleSeries alone", samples.query);
    line50("hand-written SQL over pg", samples.sql);
    line50("getOperatorSignalChart, cached", cached);
    const target = 1.5 * percentile(samples.sql, 95) + 3;
    const p95 = percentile(samples.function, 95);
    failed = p95 > target;
    print(`target: function p95 ${ms(p95)} ≤ 1.5 × SQL p95 + 3 ms = ${ms(target)}: ${failed ? "FAIL" : "PASS"}`);

    const explain = async (title: string, rows: { "QUERY PLAN": string }[]) => {
      print(`${title}:`);
      for (const row of rows) console.log(`    ${row["QUERY PLAN"]}`);
    };
    await explain(
      "EXPLAIN (ANALYZE, BUFFERS) of the project's downsampling query",
      await getDb().$queryRaw(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${downsampleQuery({ ...downsample, bucketSeconds: chart.bucketSeconds })}`),
    );
    await explain("EXPLAIN (ANALYZE, BUFFERS) of the hand-written SQL", (await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${HAND_WRITTEN_SQL}`, [OPERATOR, period.from, period.to])).rows);
    await closeChartCache();
    await disconnectDb();
  } finally {
    await pool?.end();
    await dropDatabase(serverUrl, databaseName).catch(() => undefined);
    await lease?.release();
  }
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`[bench] ${(error as Error)?.message ?? String(error)}`);
  process.exitCode = 1;
});

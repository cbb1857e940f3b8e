/**
 * `npm run bench:http -- [--seconds N] [--connections N]` (default 10 s, 20
 * connections): the production server under load, on loopback. Run by
 * `npm run bench:http` after `next build`.
 *
 * 1. Creates a fresh database (seeded, plus the example IODA/OONI/Cloudflare
 *    files of January 2022 from e2e/fixtures/feeds, so Kcell's chart has data).
 * 2. Starts the production server (scripts/serve-production.ts: Next.js behind
 *    the shared response cache) on 127.0.0.1, counting its database queries.
 * 3. Warms each URL, then runs autocannon against it for a bounded time and
 *    count, asking for compressed answers as browsers do: a static file of the
 *    build (the first script of the embed page: the baseline), the embed
 *    "Kcell, January 2022", /api/v1/incidents and an incident page. For scale
 *    only: the static file and the embed uncompressed, the embed with a new
 *    period on every request (nothing cached: parameters the page does not read
 *    would not make a new address, docs/decisions/0008), and the API with a new
 *    valid `from` date on every request (nothing cached: every request renders
 *    and counts against the per-address limit, which is kept in PostgreSQL).
 *    The operator page "Kcell, January 2022" with a new period on every request
 *    too (uncached, like the embed).
 * 4. Prints requests per second, p50 and p99 latency, errors and database
 *    queries per request, and checks the targets (exit code 1 when missed):
 *    - the cached embed serves at least 0.5 × the static file's requests per
 *      second, with no errors;
 *    - a cached page view (embed, incident page) makes at most 0.01 database queries;
 *    - the embed with a new address every request serves at least 50 requests
 *      per second with no errors, and it and the operator page make at most 4
 *      database queries per render (docs/decisions/0025).
 *
 * Uses the embedded PostgreSQL (KST_DATA_DIR), or the server of DATABASE_URL;
 * never the app's database: it creates its own and drops it at the end.
 */
import type { ChildProcess } from "node:child_process";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import type { SharedResponseCacheStats } from "@/lib/http/shared-response-cache";
import { startBenchServer } from "./lib/bench-server";

const print = (line: string) => console.log(`[bench] ${line}`);

const EMBED = "/embed/isp/kcell?from=2022-01-01&to=2022-01-31";
/**
 * The operator page's uncached run starts a day earlier than the embed's: its periods are then none
 * the embed's run rendered, whose series the server keeps (measured alone, the page would otherwise
 * reuse them and count almost no queries).
 */
const OPERATOR_PAGE_OTHER_PERIODS = "/isps/kcell?from=2021-12-31&to=2022-01-31";
const TARGET_STATIC_SHARE = 0.5;
/** What browsers send: every run asks for compressed answers, as viewers do (and the server keeps one copy per encoding). */
const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br" };
const TARGET_QUERIES_PER_CACHED_VIEW = 0.01;
const TARGET_UNCACHED_EMBED_RPS = 50;
const TARGET_QUERIES_PER_RENDER = 4;

type ServerStats = { dbQueries: number | null; cache: SharedResponseCacheStats };
type Row = { name: string; path: string; rps: number; p50: number; p99: number; requests: number; errors: number; queriesPerRequest: number };


function askStats(server: ChildProcess): Promise<ServerStats> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("The server did not report its figures")), 5_000);
    const onMessage = (message: { type?: string } & ServerStats) => {
      if (message?.type !== "stats") return;
      clearTimeout(timer);
      server.off("message", onMessage);
      resolve(message);
    };
    server.on("message", onMessage);
    server.send({ type: "stats" });
  });
}


/** The first script of the embed page: a file of the build, served by the same server. */
async function staticAssetPath(origin: string): Promise<string> {
  const html = await (await fetch(`${origin}${EMBED}`)).text();
  const script = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  if (!script) throw new Error("The embed page names no script of the build");
  return script;
}

type LoadOptions = {
  origin: string;
  path: string;
  seconds: number;
  connections: number;
  /** Moves the path's `to=` date on every request, so that no request is served from the cache. */
  uniqueQueries?: boolean;
  /** The n-th request's path, for routes that refuse unknown parameters (the API). */
  pathFor?: (n: number) => string;
  identity?: boolean;
};

function requestPath(options: LoadOptions, n: number): string {
  if (options.pathFor) return options.pathFor(n);
  return options.uniqueQueries ? withNewPeriodEnd(options.path, n) : options.path;
}

async function load(options: LoadOptions): Promise<autocannon.Result> {
  let counter = 0;
  return autocannon({
    url: options.origin,
    connections: options.connections,
    duration: options.seconds,
    maxOverallRequests: 1_000_000,
    headers: options.identity ? {} : BROWSER_HEADERS,
    requests: [
      {
        method: "GET",
        setupRequest: (request) => ({ ...request, path: requestPath(options, (counter += 1)) }),
      },
    ],
  });
}

/** The address with its `to=` moved `days` days later: a new period, so a new cache key and a real render. */
function withNewPeriodEnd(address: string, days: number): string {
  const url = new URL(address, "http://bench.invalid");
  const end = new Date(`${url.searchParams.get("to")}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + days);
  url.searchParams.set("to", end.toISOString().slice(0, 10));
  return `${url.pathname}${url.search}`;
}

async function measure(server: ChildProcess, options: LoadOptions & { name: string }): Promise<Row> {
  print(`${options.name}…`);
  // Warm: compile the route, fill the cache (once per key, as any first viewer would).
  for (let index = 0; index < 3; index += 1) {
    const response = await fetch(`${options.origin}${options.path}`, { headers: options.identity ? { "accept-encoding": "identity" } : BROWSER_HEADERS });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${options.path} answered ${response.status}`);
  }
  const before = await askStats(server);
  const result = await load(options);
  const after = await askStats(server);
  const requests = result.requests.total;
  return {
    name: options.name,
    path: options.path,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests,
    errors: result.errors + result.timeouts + result.non2xx,
    queriesPerRequest: ((after.dbQueries ?? 0) - (before.dbQueries ?? 0)) / Math.max(1, requests),
  };
}

/** `/api/v1/incidents?from=<a day counted from 2000-01-01>`: valid, and new for the first 10,000 requests. */
function apiPathWithNewDate(n: number): string {
  const day = new Date(Date.UTC(2000, 0, 1) + (n % 10_000) * 86_400_000).toISOString().slice(0, 10);
  return `/api/v1/incidents?from=${day}`;
}

function report(rows: Row[]) {
  const header = ["", "req/s", "p50 ms", "p99 ms", "requests", "errors", "DB queries/request"];
  const lines = rows.map((row) => [
    row.name,
    row.rps.toFixed(0),
    row.p50.toFixed(1),
    row.p99.toFixed(1),
    String(row.requests),
    String(row.errors),
    row.queriesPerRequest.toFixed(4),
  ]);
  const widths = header.map((_, column) => Math.max(header[column]!.length, ...lines.map((line) => line[column]!.length)));
  for (const line of [header, ...lines]) print(line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  "));
  for (const row of rows) print(`  ${row.name}: ${row.path}`);
}

async function main() {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { seconds: { type: "string" }, connections: { type: "string" } }, strict: true });
  const seconds = Number(values.seconds ?? 10);
  const connections = Number(values.connections ?? 20);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 300) throw new Error(`--seconds must be a whole number from 1 to 300, not ${values.seconds}`);
  if (!Number.isInteger(connections) || connections < 1 || connections > 1000) throw new Error(`--connections must be from 1 to 1000, not ${values.connections}`);
  const bench = await startBenchServer({
    name: "http",
    script: "bench:http",
    env: {
      KST_COUNT_DB_QUERIES: "1",
      // One client asks for everything here: the per-IP API limit and render budget would answer 429.
      API_RATE_LIMIT_PER_MINUTE: "100000",
      CACHE_MISS_RATE_LIMIT_PER_MINUTE: "1000000",
    },
  });
  const { origin, process: server } = bench;
  print(`fresh database ${bench.databaseName}: seed and the January 2022 example feeds`);
  let failed = false;
  try {
    print(`production server on ${origin}; ${seconds} s and ${connections} connections per run`);

    const staticPath = await staticAssetPath(origin);
    const run = (name: string, urlPath: string, extra: Pick<LoadOptions, "uniqueQueries" | "pathFor" | "identity"> = {}) =>
      measure(server, { name, origin, path: urlPath, seconds, connections, ...extra });
    const rows = [
      await run("static file (baseline)", staticPath),
      await run("embed, cached", EMBED),
      await run("/api/v1/incidents, cached", "/api/v1/incidents"),
      await run("incident page, cached", "/incidents/2022-01-qantar-shutdowns"),
      // For scale, not targets: uncompressed answers (a client that asks for none), and nothing cached at all.
      await run("static file, uncompressed", staticPath, { identity: true }),
      await run("embed, cached, uncompressed", EMBED, { identity: true }),
      await run("embed, every URL new (uncached)", EMBED, { uniqueQueries: true }),
      await run("operator page, every URL new (uncached)", OPERATOR_PAGE_OTHER_PERIODS, { uniqueQueries: true }),
      await run("/api/v1/incidents, every URL new (uncached)", "/api/v1/incidents?from=2000-01-01", { pathFor: apiPathWithNewDate }),
    ];
    const queriesCheck = await askStats(server);
    const uncachedEmbed = rows.find((row) => row.name.startsWith("embed, every URL new"))!;
    const uncachedPage = rows.find((row) => row.name.startsWith("operator page, every URL new"))!;
    if (uncachedEmbed.queriesPerRequest === 0) throw new Error("Uncached renders counted no database queries: the query counter is not working");
    report(rows);
    print(`server cache: ${queriesCheck.cache.hits} hits, ${queriesCheck.cache.misses} misses, ${queriesCheck.cache.entries} entries`);

    const [baseline, embed, , incident] = rows as [Row, Row, Row, Row];
    const share = embed.rps / baseline.rps;
    const checks = [
      { label: `cached embed ${embed.rps.toFixed(0)} req/s ≥ ${TARGET_STATIC_SHARE} × static ${baseline.rps.toFixed(0)} req/s (${share.toFixed(2)} ×)`, pass: share >= TARGET_STATIC_SHARE },
      { label: `cached embed errors: ${embed.errors}`, pass: embed.errors === 0 },
      ...[embed, incident].map((row) => ({
        label: `${row.name}: ${row.queriesPerRequest.toFixed(4)} DB queries per view ≤ ${TARGET_QUERIES_PER_CACHED_VIEW}`,
        pass: row.queriesPerRequest <= TARGET_QUERIES_PER_CACHED_VIEW,
      })),
      { label: `uncached embed ${uncachedEmbed.rps.toFixed(0)} req/s ≥ ${TARGET_UNCACHED_EMBED_RPS}`, pass: uncachedEmbed.rps >= TARGET_UNCACHED_EMBED_RPS },
      { label: `uncached embed errors: ${uncachedEmbed.errors}`, pass: uncachedEmbed.errors === 0 },
      ...[uncachedEmbed, uncachedPage].map((row) => ({
        label: `${row.name}: ${row.queriesPerRequest.toFixed(2)} DB queries per render ≤ ${TARGET_QUERIES_PER_RENDER}`,
        pass: row.queriesPerRequest <= TARGET_QUERIES_PER_RENDER,
      })),
    ];
    for (const check of checks) print(`target: ${check.label}: ${check.pass ? "PASS" : "FAIL"}`);
    failed = checks.some((check) => !check.pass);
  } finally {
    await bench.stop();
  }
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  const cause = (error as Error & { cause?: Error })?.cause;
  console.error(`[bench] ${(error as Error)?.message ?? String(error)}${cause ? ` (${cause.message})` : ""}`);
  process.exitCode = 1;
});

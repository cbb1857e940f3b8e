import "server-only";
import type { Socket } from "node:net";
import pg from "pg";
import { CHART_DATA_CHANNEL } from "@/lib/db/notification-channels";
import { readServerEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * An in-process cache for chart data (see docs/decisions/0006-chart-data-cache.md).
 *
 * - Entries are keyed by query and parameters and carry one tag: "series"
 *   (measurements and outage events) or "incidents" (published incidents).
 * - Writers call `notifyChartDataChanged(tx, tag)` inside their transaction:
 *   it drops the tag here at once and sends `NOTIFY kst_chart_data, '<tag>'`,
 *   which PostgreSQL delivers to every process only if the transaction commits.
 * - Each reading process opens one LISTEN connection on first use and drops
 *   the tag's entries when a notification arrives (its own included).
 * - Entries are served only while that connection is up. When it is lost the
 *   cache is emptied and reads go to the database until it is back (retried
 *   at most every few seconds), so a missed notification never leaves stale
 *   data behind. The connection never keeps a process alive (its socket is
 *   unref'd); `closeChartCache()` ends it.
 * - A value computed while its tag was invalidated is not stored.
 *
 * Cached values are shared between callers: treat them as read-only.
 */

export { CHART_DATA_CHANNEL };
export const CHART_DATA_TAGS = ["incidents", "series"] as const;
export type ChartDataTag = (typeof CHART_DATA_TAGS)[number];

/** Least recently used entries go first beyond this many. */
const MAX_ENTRIES = 500;
/** After a failed LISTEN connection, reads bypass the cache this long before trying again. */
const RETRY_AFTER_MS = 5_000;

type Entry = { tag: ChartDataTag; value: unknown };

type CacheState = {
  entries: Map<string, Entry>;
  /** Bumped on every invalidation of the tag: a computation that saw another generation is not stored. */
  generations: Record<ChartDataTag, number>;
  listener: pg.Client | null;
  connecting: Promise<boolean> | null;
  lastFailureAt: number;
  hits: number;
  misses: number;
};

// One cache per process, whichever bundle imports this module, and across hot reloads.
const globalForCache = globalThis as unknown as { kstChartCache?: CacheState };

function state(): CacheState {
  globalForCache.kstChartCache ??= {
    entries: new Map(),
    generations: { incidents: 0, series: 0 },
    listener: null,
    connecting: null,
    lastFailureAt: 0,
    hits: 0,
    misses: 0,
  };
  return globalForCache.kstChartCache;
}

function isTag(value: string): value is ChartDataTag {
  return (CHART_DATA_TAGS as readonly string[]).includes(value);
}

/** Drops this process's entries of a tag (all tags when none is given). */
export function invalidateChartData(tag?: ChartDataTag): void {
  const cache = state();
  for (const name of tag ? [tag] : CHART_DATA_TAGS) cache.generations[name] += 1;
  for (const [key, entry] of cache.entries) {
    if (!tag || entry.tag === tag) cache.entries.delete(key);
  }
}

function dropListener(client: pg.Client): void {
  const cache = state();
  if (cache.listener !== client) return;
  cache.listener = null;
  cache.lastFailureAt = Date.now();
  // Notifications may have been missed: forget everything.
  invalidateChartData();
  client.removeAllListeners("notification");
  void client.end().catch(() => undefined);
}

async function connectListener(): Promise<boolean> {
  const cache = state();
  const connectionString = readServerEnv().DATABASE_URL;
  if (!connectionString) return false;
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000, keepAlive: true });
  // Errors end the connection; they must never crash the process.
  client.on("error", () => dropListener(client));
  client.on("end", () => dropListener(client));
  client.on("notification", (message) => {
    if (message.channel !== CHART_DATA_CHANNEL) return;
    const tag = message.payload ?? "";
    invalidateChartData(isTag(tag) ? tag : undefined);
  });
  try {
    await client.connect();
    (client as unknown as { connection: { stream: Socket } }).connection.stream.unref();
    await client.query(`LISTEN ${CHART_DATA_CHANNEL}`);
  } catch {
    cache.lastFailureAt = Date.now();
    client.removeAllListeners("notification");
    await client.end().catch(() => undefined);
    return false;
  }
  // Anything cached before this moment could have missed a notification.
  invalidateChartData();
  cache.listener = client;
  return true;
}

/** True once this process listens for invalidations; false while it cannot (then nothing is cached). */
async function ensureListening(): Promise<boolean> {
  const cache = state();
  if (cache.listener) return true;
  if (Date.now() - cache.lastFailureAt < RETRY_AFTER_MS) return false;
  cache.connecting ??= connectListener().finally(() => {
    cache.connecting = null;
  });
  return cache.connecting;
}

/**
 * The cached value of `key` under `tag`, or `compute()`'s result, stored when
 * no invalidation of the tag happened meanwhile.
 */
export async function cachedChartData<T>(tag: ChartDataTag, key: string, compute: () => Promise<T>): Promise<T> {
  const cache = state();
  if (!(await ensureListening())) return compute();
  const entryKey = `${tag}:${key}`;
  const entry = cache.entries.get(entryKey);
  if (entry) {
    // Most recently used last.
    cache.entries.delete(entryKey);
    cache.entries.set(entryKey, entry);
    cache.hits += 1;
    return entry.value as T;
  }
  cache.misses += 1;
  const generation = cache.generations[tag];
  const value = await compute();
  if (cache.listener && cache.generations[tag] === generation) {
    cache.entries.set(entryKey, { tag, value });
    while (cache.entries.size > MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!);
  }
  return value;
}

/** A Prisma transaction (or client) or a `pg` client: whatever the writer holds. */
type Writer = Pick<Prisma.TransactionClient, "$executeRaw"> | pg.ClientBase;

/**
 * Tells every process that chart data of `tag` changed. Call it inside the
 * writing transaction: PostgreSQL delivers the notification on commit only.
 */
export async function notifyChartDataChanged(db: Writer, tag: ChartDataTag): Promise<void> {
  invalidateChartData(tag);
  if ("$executeRaw" in db) await db.$executeRaw`SELECT pg_notify(${CHART_DATA_CHANNEL}, ${tag})`;
  else await db.query("SELECT pg_notify($1, $2)", [CHART_DATA_CHANNEL, tag]);
}

/** Counts and state, for tests and the benchmark. */
export function chartCacheStats(): { entries: number; hits: number; misses: number; listening: boolean } {
  const cache = state();
  return { entries: cache.entries.size, hits: cache.hits, misses: cache.misses, listening: cache.listener !== null };
}

/** Ends the LISTEN connection and empties the cache (tests, scripts). The next read opens it again. */
export async function closeChartCache(): Promise<void> {
  const cache = state();
  await cache.connecting?.catch(() => false);
  const client = cache.listener;
  if (client) dropListener(client);
  cache.lastFailureAt = 0;
  await client?.end().catch(() => undefined);
}

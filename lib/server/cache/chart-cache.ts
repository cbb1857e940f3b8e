import "server-only";
import { CHART_DATA_TAGS, listenForChartDataChanges, onChartDataChangedHere, type ChartDataTag } from "@/lib/db/chart-data-changes";
import type { Subscription } from "@/lib/db/listen-for-notifications";
import { readServerEnv } from "@/lib/env";

/**
 * An in-process cache for chart data (see docs/decisions/0006-chart-data-cache.md).
 *
 * - Entries are keyed by query and parameters and carry one tag: "series"
 *   (measurements and outage events) or "incidents" (published incidents).
 * - Writers announce changes through lib/db/chart-data-changes.ts
 *   (`notifyChartDataChanged(tx, tag)` inside their transaction), never
 *   through this module: this process's announcements drop the tag here at
 *   once, and `NOTIFY kst_chart_data, '<tag>'` reaches every process only if
 *   the transaction commits.
 * - The process's one LISTEN connection (lib/db/listen-for-notifications.ts,
 *   shared with the production server's response cache) is joined on first
 *   use; a notification drops the tag's entries (its own included).
 * - Entries are served only while that connection is up. When it is lost (or
 *   its heartbeat stops answering) the cache is emptied and reads go to the
 *   database until it is back, so a missed notification never leaves stale
 *   data behind. `closeChartCache()` leaves it.
 * - Every entry expires CHART_DATA_MAX_AGE_MS after it was computed, whatever
 *   happens: a write that announces nothing (a hand-written SQL fix) is seen
 *   within that time.
 * - A value computed while its tag was invalidated is not stored.
 *
 * Cached values are shared between callers: treat them as read-only.
 */

/** Least recently used entries go first beyond this many. */
const MAX_ENTRIES = 500;
/** How long an entry may be served at most, notifications or not. */
export const CHART_DATA_MAX_AGE_MS = 5 * 60_000;
/** How long the first read waits for the LISTEN connection before reading without the cache. */
const FIRST_CONNECTION_WAIT_MS = 6_000;

type Entry = { tag: ChartDataTag; value: unknown; expiresAt: number };

type CacheState = {
  entries: Map<string, Entry>;
  /** Bumped on every invalidation of the tag: a computation that saw another generation is not stored. */
  generations: Record<ChartDataTag, number>;
  subscription: Subscription | null;
  /** Settles with true once the connection first listens. */
  firstUp: Promise<boolean> | null;
  listening: boolean;
  hits: number;
  misses: number;
};

// One cache per process, whichever bundle imports this module, and across hot reloads.
const globalForCache = globalThis as unknown as { kstChartCache?: CacheState };

function state(): CacheState {
  if (!globalForCache.kstChartCache) {
    globalForCache.kstChartCache = {
      entries: new Map(),
      generations: { incidents: 0, series: 0 },
      subscription: null,
      firstUp: null,
      listening: false,
      hits: 0,
      misses: 0,
    };
    // A write in this process drops the tag at once, before its transaction commits.
    onChartDataChangedHere((tag) => invalidateChartData(tag));
  }
  return globalForCache.kstChartCache;
}

/** Drops this process's entries of a tag (all tags when none is given). */
export function invalidateChartData(tag?: ChartDataTag): void {
  const cache = state();
  for (const name of tag ? [tag] : CHART_DATA_TAGS) cache.generations[name] += 1;
  for (const [key, entry] of cache.entries) {
    if (!tag || entry.tag === tag) cache.entries.delete(key);
  }
}

/** True while this process listens for invalidations; false while it cannot (then nothing is cached). */
async function ensureListening(): Promise<boolean> {
  const cache = state();
  if (cache.listening) return true;
  if (cache.subscription) return false; // joined, not (yet or any more) listening
  const connectionString = readServerEnv().DATABASE_URL;
  if (!connectionString) return false;
  let firstUp: (up: boolean) => void = () => {};
  cache.firstUp = new Promise<boolean>((resolve) => (firstUp = resolve));
  cache.subscription = listenForChartDataChanges({
    connectionString,
    onChange: (tag) => invalidateChartData(tag ?? undefined),
    onUp: () => {
      // Anything cached before this moment could have missed a notification.
      invalidateChartData();
      cache.listening = true;
      firstUp(true);
    },
    onDown: () => {
      cache.listening = false;
      // Notifications may have been missed: forget everything.
      invalidateChartData();
    },
  });
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), FIRST_CONNECTION_WAIT_MS).unref());
  return Promise.race([cache.firstUp, timeout]);
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
  if (entry && entry.expiresAt > Date.now()) {
    // Most recently used last.
    cache.entries.delete(entryKey);
    cache.entries.set(entryKey, entry);
    cache.hits += 1;
    return entry.value as T;
  }
  if (entry) cache.entries.delete(entryKey);
  cache.misses += 1;
  const generation = cache.generations[tag];
  const computedAt = Date.now();
  const value = await compute();
  if (cache.listening && cache.generations[tag] === generation) {
    cache.entries.set(entryKey, { tag, value, expiresAt: computedAt + CHART_DATA_MAX_AGE_MS });
    while (cache.entries.size > MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!);
  }
  return value;
}

/** Counts and state, for tests and the benchmark. */
export function chartCacheStats(): { entries: number; hits: number; misses: number; listening: boolean } {
  const cache = state();
  return { entries: cache.entries.size, hits: cache.hits, misses: cache.misses, listening: cache.listening };
}

/** Leaves the LISTEN connection (closed when nobody else in the process uses it) and empties the cache. The next read joins it again. */
export async function closeChartCache(): Promise<void> {
  const cache = state();
  const subscription = cache.subscription;
  cache.subscription = null;
  cache.firstUp = null;
  cache.listening = false;
  invalidateChartData();
  await subscription?.close();
}

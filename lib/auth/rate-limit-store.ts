import "server-only";
import { Pool } from "pg";
import { RateLimiterPostgres } from "rate-limiter-flexible";
import { readServerEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * The limiters of sign-in, the account page's password check and anonymous
 * permission denials all count in the `rate_limits` table (one row per key,
 * rate-limiter-flexible's RateLimiterPostgres), so that limits hold across
 * restarts and across app processes sharing one database. They share one small
 * `pg` pool on DATABASE_URL: the library speaks plain SQL, not Prisma.
 */

export const RATE_LIMIT_TABLE = "rate_limits";

type Store = { url: string; pool: Pool; limiters: Map<string, RateLimiterPostgres> };
const globalForStore = globalThis as unknown as { kstRateLimitStore?: Store };

function store(): Store {
  const url = readServerEnv().DATABASE_URL;
  if (!url) throw new AppError("STARTUP", "DATABASE_URL is not set; the rate limiters need the database.");
  const current = globalForStore.kstRateLimitStore;
  if (current?.url === url) return current;
  void current?.pool.end();
  const pool = new Pool({ connectionString: url, max: 3, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
  pool.on("error", () => undefined); // an idle connection dropped by the server must not crash the process
  const created: Store = { url, pool, limiters: new Map() };
  globalForStore.kstRateLimitStore = created;
  return created;
}

/** The limiter whose rows are keyed `<keyPrefix>:<key>`: `points` per `durationSeconds`, counted from the first point of a window. */
export function rateLimiter(keyPrefix: string, points: number, durationSeconds: number): RateLimiterPostgres {
  const { pool, limiters } = store();
  let limiter = limiters.get(keyPrefix);
  if (!limiter) {
    limiter = new RateLimiterPostgres({
      storeClient: pool,
      storeType: "pool",
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
      clearExpiredByTimeout: true,
      keyPrefix,
      points,
      duration: durationSeconds,
    });
    limiters.set(keyPrefix, limiter);
  }
  return limiter;
}

/** The store's pool, for the few statements the library has no call for (deleting every row of one account). */
export function rateLimitPool(): Pool {
  return store().pool;
}

/** Closes the limiters' connections (tests and scripts that end their process cleanly). */
export async function closeRateLimiters(): Promise<void> {
  const current = globalForStore.kstRateLimitStore;
  globalForStore.kstRateLimitStore = undefined;
  await current?.pool.end();
}

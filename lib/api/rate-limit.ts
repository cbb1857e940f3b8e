import type pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { clientIpFrom, rateLimitKeyForIp } from "@/lib/auth/client-ip";
import { getPgPool } from "@/lib/db/pg-pool";
import { readServerEnv } from "@/lib/env";

const WINDOW_SECONDS = 60;
/** Counter rows are `api-v1:<address>` in `rate_limits`, beside the sign-in limits' rows. */
const KEY_PREFIX = "api-v1";
const TABLE = "rate_limits";

/**
 * Per-address limit of the public API, shared by every app process on the
 * database: the counters are rows of `rate_limits`, kept by
 * rate-limiter-flexible's RateLimiterPostgres through the app's `pg` pool
 * (lib/db/pg-pool.ts), one atomic upsert per request. So N servers behind a
 * load balancer allow an address API_RATE_LIMIT_PER_MINUTE requests in all,
 * not N times as many. Answers served from the shared response cache never
 * reach this code and cost nothing.
 *
 * If PostgreSQL cannot be reached, each process counts in its own memory
 * until it can again (the library's insurance limiter), rather than failing
 * the request on the limiter. Windows are measured with each server's clock
 * (keep them in step with NTP).
 */
type Limiter = { pool: pg.Pool; limiter: RateLimiterPostgres };
const globalForLimiters = globalThis as unknown as { kstApiRateLimiters?: Map<number, Limiter> };

function limiterFor(points: number): RateLimiterPostgres {
  globalForLimiters.kstApiRateLimiters ??= new Map();
  const limiters = globalForLimiters.kstApiRateLimiters;
  const pool = getPgPool();
  const existing = limiters.get(points);
  if (existing?.pool === pool) return existing.limiter;
  const limiter = new RateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    tableName: TABLE,
    tableCreated: true, // by the migrations; the app never creates tables at run time
    keyPrefix: KEY_PREFIX,
    points,
    duration: WINDOW_SECONDS,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix: KEY_PREFIX, points, duration: WINDOW_SECONDS }),
  });
  limiters.set(points, { pool, limiter });
  return limiter;
}

export type RateLimitOutcome = { allowed: boolean; headers: Record<string, string> };

/** Counts one request against the caller's IP; the IETF draft RateLimit headers describe what is left. */
export async function consumeRateLimit(request: Request): Promise<RateLimitOutcome> {
  const env = readServerEnv();
  const points = env.API_RATE_LIMIT_PER_MINUTE;
  const key = rateLimitKeyForIp(clientIpFrom(request.headers, env.TRUST_PROXY));
  let state: RateLimiterRes;
  let allowed = true;
  try {
    state = await limiterFor(points).consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    state = rejection;
    allowed = false;
  }
  const reset = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  const headers: Record<string, string> = {
    "RateLimit-Policy": `${points};w=${WINDOW_SECONDS}`,
    "RateLimit-Limit": String(points),
    "RateLimit-Remaining": String(Math.max(0, state.remainingPoints)),
    "RateLimit-Reset": String(reset),
  };
  if (!allowed) headers["Retry-After"] = String(reset);
  return { allowed, headers };
}

import pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { clientIpFrom, rateLimitKeyForIp } from "@/lib/auth/client-ip";
import { readServerEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

const WINDOW_SECONDS = 60;
/** Counter rows are `api-v1:<address>` in `rate_limits`, beside the sign-in limits' rows. */
const KEY_PREFIX = "api-v1";
const TABLE = "rate_limits";

/**
 * Per-address limit of the public API, shared by every app process on the
 * database: the counters are rows of `rate_limits`, kept by
 * rate-limiter-flexible's RateLimiterPostgres, one atomic upsert per request.
 * So N servers behind a load balancer allow an address
 * API_RATE_LIMIT_PER_MINUTE requests in all, not N times as many. Answers
 * served from the shared response cache never reach this code and cost nothing.
 *
 * The upserts go through a small pool of their own whose sessions set
 * `synchronous_commit = off`: a counter is not worth waiting for a WAL flush
 * on every API request (a crash of PostgreSQL can lose the last fraction of a
 * second of counts, nothing else), and an address sending many requests at
 * once would otherwise queue them on its row's lock for one flush each.
 *
 * If PostgreSQL cannot be reached, each process counts in its own memory
 * until it can again (the library's insurance limiter), rather than failing
 * the request on the limiter. Windows are measured with each server's clock
 * (keep them in step with NTP).
 */
type Limiters = { url: string; pool: pg.Pool; byPoints: Map<number, RateLimiterPostgres> };
const globalForLimiters = globalThis as unknown as { kstApiRateLimiters?: Limiters };

function limiters(): Limiters {
  const url = readServerEnv().DATABASE_URL;
  if (!url) throw new AppError("STARTUP", "DATABASE_URL is not set; the API's rate limiter needs the database.");
  const current = globalForLimiters.kstApiRateLimiters;
  if (current?.url === url) return current;
  void current?.pool.end();
  const pool = new pg.Pool({ connectionString: url, max: 4, options: "-c synchronous_commit=off", idleTimeoutMillis: 10_000, allowExitOnIdle: true });
  pool.on("error", () => undefined); // an idle connection lost must not crash the process
  globalForLimiters.kstApiRateLimiters = { url, pool, byPoints: new Map() };
  return globalForLimiters.kstApiRateLimiters;
}

function limiterFor(points: number): RateLimiterPostgres {
  const { pool, byPoints } = limiters();
  const existing = byPoints.get(points);
  if (existing) return existing;
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
  byPoints.set(points, limiter);
  return limiter;
}

/** Closes the limiter's connections (tests and scripts that end their process cleanly). */
export async function closeApiRateLimiter(): Promise<void> {
  const current = globalForLimiters.kstApiRateLimiters;
  globalForLimiters.kstApiRateLimiters = undefined;
  await current?.pool.end();
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

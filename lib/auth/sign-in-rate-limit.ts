import "server-only";
import { createHash } from "node:crypto";
import { Pool } from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { readServerEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { rateLimitKeyForIp } from "./client-ip";

/**
 * Sign-in attempts are limited per account (the normalised e-mail address,
 * whether or not such an account exists, so the limit reveals nothing) and per
 * client IP. The counters are rows of the `rate_limits` table, kept by
 * rate-limiter-flexible's RateLimiterPostgres, so they hold across restarts and
 * across several app processes sharing one database.
 *
 * Every attempt takes a point from both limits *before* the password is
 * checked (an atomic upsert), so parallel guesses cannot slip past the limit. A
 * successful sign-in gives its point back to the IP and clears the account's
 * counter; failures keep theirs until the window, counted from the first
 * failure, ends.
 */
export const SIGN_IN_LIMITS = {
  /** Wrong passwords for one account before it is locked for the rest of the window. */
  perAccount: { attempts: 5, windowSeconds: 15 * 60 },
  /** Failed attempts from one address (IPv6: one /64), across all accounts. */
  perIp: { attempts: 20, windowSeconds: 15 * 60 },
} as const;

const TABLE = "rate_limits";
const ACCOUNT_PREFIX = "sign-in-account";
const IP_PREFIX = "sign-in-ip";

/** The row key of an account's counter. The address is hashed: the table is no list of e-mails. */
export function accountRateLimitRowKey(email: string): string {
  return `${ACCOUNT_PREFIX}:${accountKey(email)}`;
}

/** The row key of an address's counter. */
export function ipRateLimitRowKey(ip: string | null): string {
  return `${IP_PREFIX}:${rateLimitKeyForIp(ip)}`;
}

const accountKey = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 40);

type Limiters = { url: string; pool: Pool; byAccount: RateLimiterPostgres; byIp: RateLimiterPostgres };
const globalForLimiters = globalThis as unknown as { kstSignInLimiters?: Limiters };

function limiters(): Limiters {
  const url = readServerEnv().DATABASE_URL;
  if (!url) throw new AppError("STARTUP", "DATABASE_URL is not set; the sign-in rate limiter needs the database.");
  const current = globalForLimiters.kstSignInLimiters;
  if (current?.url === url) return current;
  void current?.pool.end();
  // A small pool of its own: the limiter speaks plain SQL, not Prisma.
  const pool = new Pool({ connectionString: url, max: 3, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
  const common = { storeClient: pool, storeType: "pool", tableName: TABLE, tableCreated: true, clearExpiredByTimeout: true };
  const created: Limiters = {
    url,
    pool,
    byAccount: new RateLimiterPostgres({
      ...common,
      keyPrefix: ACCOUNT_PREFIX,
      points: SIGN_IN_LIMITS.perAccount.attempts,
      duration: SIGN_IN_LIMITS.perAccount.windowSeconds,
    }),
    byIp: new RateLimiterPostgres({
      ...common,
      keyPrefix: IP_PREFIX,
      points: SIGN_IN_LIMITS.perIp.attempts,
      duration: SIGN_IN_LIMITS.perIp.windowSeconds,
    }),
  };
  globalForLimiters.kstSignInLimiters = created;
  return created;
}

export type SignInAttempt = { allowed: true } | { allowed: false; limit: "account" | "ip"; retryAfterSeconds: number };

/** Counts one sign-in attempt against both limits; refuses it when either is exhausted. */
export async function takeSignInAttempt({ email, ip }: { email: string; ip: string | null }): Promise<SignInAttempt> {
  const { byAccount, byIp } = limiters();
  const [account, address] = await Promise.allSettled([byAccount.consume(accountKey(email)), byIp.consume(rateLimitKeyForIp(ip))]);
  const refusals: { limit: "account" | "ip"; res: RateLimiterRes }[] = [];
  for (const [limit, outcome] of [
    ["account", account],
    ["ip", address],
  ] as const) {
    if (outcome.status === "fulfilled") continue;
    // The library rejects with a RateLimiterRes when over the limit, with an Error when the store fails.
    if (!(outcome.reason instanceof RateLimiterRes)) throw outcome.reason;
    refusals.push({ limit, res: outcome.reason });
  }
  if (refusals.length === 0) return { allowed: true };
  const longest = refusals.reduce((a, b) => (b.res.msBeforeNext > a.res.msBeforeNext ? b : a));
  return { allowed: false, limit: longest.limit, retryAfterSeconds: Math.max(1, Math.ceil(longest.res.msBeforeNext / 1000)) };
}

/** After a successful sign-in: the account's failures are forgiven and the address gets its point back. */
export async function recordSuccessfulSignIn({ email, ip }: { email: string; ip: string | null }): Promise<void> {
  const { byAccount, byIp } = limiters();
  await Promise.all([byAccount.delete(accountKey(email)), byIp.reward(rateLimitKeyForIp(ip), 1)]);
}

/** Lifts an account's lock, e.g. when an administrator resets its password. */
export async function clearAccountSignInLimit(email: string): Promise<void> {
  await limiters().byAccount.delete(accountKey(email));
}

/** Closes the limiter's connections (tests and scripts that end their process cleanly). */
export async function closeSignInRateLimiter(): Promise<void> {
  const current = globalForLimiters.kstSignInLimiters;
  globalForLimiters.kstSignInLimiters = undefined;
  await current?.pool.end();
}

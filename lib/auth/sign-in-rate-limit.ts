import "server-only";
import { createHash } from "node:crypto";
import { RateLimiterRes } from "rate-limiter-flexible";
import { rateLimitKeyForIp } from "./client-ip";
import { RATE_LIMIT_TABLE, rateLimiter, rateLimitPool } from "./rate-limit-store";

/**
 * Sign-in attempts are limited so that whoever guesses passwords is slowed and
 * then locked out, while the account's owner, signing in from somewhere else,
 * is not (decision record 0008):
 *
 * - per account *and* address (the normalised e-mail, whether or not such an
 *   account exists, so the limit reveals nothing; IPv6 counted per /64): five
 *   failures lock that address out of that account for the rest of the window.
 *   A flood of wrong passwords for someone's address locks out the flood, not
 *   the person.
 * - per address, across accounts: twenty failures lock the address out of
 *   every account (password spraying).
 * - a progressive delay: every failure the account has had from this address
 *   doubles the wait before the next password check from it (0.5 s, 1 s, 2 s,
 *   4 s), so even the attempts within the limit come slowly.
 *
 * There is deliberately no lock of the account as such: anyone who knows a
 * staff member's e-mail address could trigger it, which would let the people
 * whose shutdowns we record lock the editors out during one.
 *
 * The counters are rows of the `rate_limits` table (lib/auth/rate-limit-store.ts),
 * so they hold across restarts and across app processes sharing one database. Every attempt takes a
 * point from both limits *before* the password is checked (an atomic upsert),
 * so parallel guesses cannot slip past the limit. A successful sign-in clears
 * the counter of its account and address and gives its point back to the
 * address; failures keep theirs until the window, counted from the first
 * failure, ends.
 */
export const SIGN_IN_LIMITS = {
  /** Wrong passwords for one account from one address before that address is refused for the account. */
  perAccountAndAddress: { attempts: 5, windowSeconds: 15 * 60 },
  /** Failed attempts from one address (IPv6: one /64), across all accounts. */
  perAddress: { attempts: 20, windowSeconds: 15 * 60 },
  /** The wait before the next password check after the first failure (per account and address), doubling up to maxMs. */
  delay: { firstMs: 500, maxMs: 4_000 },
} as const;

const ACCOUNT_ADDRESS_PREFIX = "sign-in-account-address";
const ADDRESS_PREFIX = "sign-in-ip";

const accountKey = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 40);
const accountAddressKey = (email: string, ip: string | null) => `${accountKey(email)}@${rateLimitKeyForIp(ip)}`;

/** The row key of the counter of one account from one address. The e-mail is hashed: the table is no list of addresses. */
export function accountAddressRateLimitRowKey(email: string, ip: string | null): string {
  return `${ACCOUNT_ADDRESS_PREFIX}:${accountAddressKey(email, ip)}`;
}

/** The row key of an address's counter. */
export function ipRateLimitRowKey(ip: string | null): string {
  return `${ADDRESS_PREFIX}:${rateLimitKeyForIp(ip)}`;
}

/** How long to wait before checking a password, given the failures already counted for this account from this address. */
export function signInDelayMs(failuresSoFar: number): number {
  if (failuresSoFar <= 0) return 0;
  return Math.min(SIGN_IN_LIMITS.delay.firstMs * 2 ** (failuresSoFar - 1), SIGN_IN_LIMITS.delay.maxMs);
}

function limiters() {
  return {
    byAccountAndAddress: rateLimiter(
      ACCOUNT_ADDRESS_PREFIX,
      SIGN_IN_LIMITS.perAccountAndAddress.attempts,
      SIGN_IN_LIMITS.perAccountAndAddress.windowSeconds,
    ),
    byAddress: rateLimiter(ADDRESS_PREFIX, SIGN_IN_LIMITS.perAddress.attempts, SIGN_IN_LIMITS.perAddress.windowSeconds),
  };
}

export type SignInLimit = "account_address" | "ip";

export type SignInAttempt =
  | { allowed: true; /** Wait this long before checking the password. */ delayMs: number }
  | { allowed: false; limit: SignInLimit; retryAfterSeconds: number };

/** Counts one sign-in attempt against both limits; refuses it when either is exhausted, and says how long to wait otherwise. */
export async function takeSignInAttempt({ email, ip }: { email: string; ip: string | null }): Promise<SignInAttempt> {
  const { byAccountAndAddress, byAddress } = limiters();
  const [pair, address] = await Promise.allSettled([
    byAccountAndAddress.consume(accountAddressKey(email, ip)),
    byAddress.consume(rateLimitKeyForIp(ip)),
  ]);
  const refusals: { limit: SignInLimit; res: RateLimiterRes }[] = [];
  for (const [limit, outcome] of [
    ["account_address", pair],
    ["ip", address],
  ] as const) {
    if (outcome.status === "fulfilled") continue;
    // The library rejects with a RateLimiterRes when over the limit, with an Error when the store fails.
    if (!(outcome.reason instanceof RateLimiterRes)) throw outcome.reason;
    refusals.push({ limit, res: outcome.reason });
  }
  if (refusals.length === 0) {
    const consumed = (pair as PromiseFulfilledResult<RateLimiterRes>).value.consumedPoints;
    return { allowed: true, delayMs: signInDelayMs(consumed - 1) };
  }
  const longest = refusals.reduce((a, b) => (b.res.msBeforeNext > a.res.msBeforeNext ? b : a));
  return { allowed: false, limit: longest.limit, retryAfterSeconds: Math.max(1, Math.ceil(longest.res.msBeforeNext / 1000)) };
}

/** After a successful sign-in: the failures of this account from this address are forgiven, and the address gets its point back. */
export async function recordSuccessfulSignIn({ email, ip }: { email: string; ip: string | null }): Promise<void> {
  const { byAccountAndAddress, byAddress } = limiters();
  await Promise.all([byAccountAndAddress.delete(accountAddressKey(email, ip)), byAddress.reward(rateLimitKeyForIp(ip), 1)]);
}

/** Lifts every lock on an account, from every address, e.g. when an administrator resets its password. */
export async function clearAccountSignInLimit(email: string): Promise<void> {
  await rateLimitPool().query(`DELETE FROM ${RATE_LIMIT_TABLE} WHERE starts_with(key, $1)`, [`${ACCOUNT_ADDRESS_PREFIX}:${accountKey(email)}@`]);
}

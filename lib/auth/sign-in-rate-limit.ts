import "server-only";
import { createHash } from "node:crypto";
import { RateLimiterRes } from "rate-limiter-flexible";
import { rateLimitKeyForIp } from "./client-ip";
import { RATE_LIMIT_TABLE, rateLimiter, rateLimitPool } from "./rate-limit-store";

/**
 * Sign-in attempts are limited so that whoever guesses passwords is slowed and
 * then locked out, while the account's owner, signing in from somewhere else,
 * is not (decision record 0011):
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
 * - per account, from addresses it has never signed in from: once the account
 *   has had 50 attempts in the window that got past their address's limits
 *   (so from ten addresses or more, or from one client claiming many: without
 *   a trusted proxy, X-Forwarded-For is the client's to choose), addresses
 *   from which it has not signed in during the last 90 days are refused too.
 *   Its owner's usual addresses stay open, so the guessing is bounded without
 *   handing anyone a way to lock the owner out.
 *
 * There is deliberately no lock of the account as such: anyone who knows a
 * staff member's e-mail address could trigger it, which would let the people
 * whose shutdowns we record lock the editors out during one.
 *
 * The counters are rows of the `rate_limits` table (lib/auth/rate-limit-store.ts),
 * so they hold across restarts and across app processes sharing one database. Every attempt takes a
 * point from each limit *before* the password is checked (an atomic upsert),
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
  /** Attempts on one account from all addresses before only its known addresses (signed in from within knownForDays) may try. */
  perAccount: { attempts: 50, windowSeconds: 15 * 60, knownForDays: 90 },
} as const;

const ACCOUNT_ADDRESS_PREFIX = "sign-in-account-address";
const ADDRESS_PREFIX = "sign-in-ip";
const ACCOUNT_PREFIX = "sign-in-account";

const accountKey = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 40);
const accountAddressKey = (email: string, ip: string | null) => `${accountKey(email)}@${rateLimitKeyForIp(ip)}`;

/** The row key of the counter of one account from one address. The e-mail is hashed: the table is no list of addresses. */
export function accountAddressRateLimitRowKey(email: string, ip: string | null): string {
  return `${ACCOUNT_ADDRESS_PREFIX}:${accountAddressKey(email, ip)}`;
}

/** The row key of an account's counter, across addresses. */
export function accountRateLimitRowKey(email: string): string {
  return `${ACCOUNT_PREFIX}:${accountKey(email)}`;
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
    byAccount: rateLimiter(ACCOUNT_PREFIX, SIGN_IN_LIMITS.perAccount.attempts, SIGN_IN_LIMITS.perAccount.windowSeconds),
  };
}

export type SignInLimit = "account_address" | "ip" | "account_unknown_address";

export type SignInAttempt =
  | { allowed: true; /** Wait this long before checking the password. */ delayMs: number }
  | { allowed: false; limit: SignInLimit; retryAfterSeconds: number };

/** Counts one sign-in attempt against the limits; refuses it when one is exhausted, and says how long to wait otherwise. */
export async function takeSignInAttempt({ email, ip }: { email: string; ip: string | null }): Promise<SignInAttempt> {
  const { byAccountAndAddress, byAddress, byAccount } = limiters();
  const [pair, address] = await Promise.allSettled([byAccountAndAddress.consume(accountAddressKey(email, ip)), byAddress.consume(rateLimitKeyForIp(ip))]);
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
  // Only attempts that get past their address's limits count for the account: one address alone cannot close it.
  if (refusals.length === 0) {
    const account = await byAccount.consume(accountKey(email)).then(
      () => null,
      (reason: unknown) => {
        if (!(reason instanceof RateLimiterRes)) throw reason;
        return reason;
      },
    );
    // Under attack from everywhere, the account's own addresses stay open (within their other limits).
    if (account && !(await isKnownAddress(email, ip))) refusals.push({ limit: "account_unknown_address", res: account });
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
  await rateLimitPool().query(`DELETE FROM ${RATE_LIMIT_TABLE} WHERE starts_with(key, $1) OR key = $2`, [
    `${ACCOUNT_ADDRESS_PREFIX}:${accountKey(email)}@`,
    accountRateLimitRowKey(email),
  ]);
}

/** Whether the account signed in from this address (IPv6: this /64) within the last perAccount.knownForDays days, by the audit log. */
async function isKnownAddress(email: string, ip: string | null): Promise<boolean> {
  if (ip === null) return false;
  const { rows } = await rateLimitPool().query<{ ip: string }>(
    `SELECT DISTINCT ip FROM audit_events
      WHERE action = 'SIGN_IN' AND email = $1 AND ip IS NOT NULL AND at > now() - make_interval(days => $2)
      LIMIT 500`,
    [email.trim().toLowerCase(), SIGN_IN_LIMITS.perAccount.knownForDays],
  );
  const key = rateLimitKeyForIp(ip);
  return rows.some((row) => rateLimitKeyForIp(row.ip) === key);
}

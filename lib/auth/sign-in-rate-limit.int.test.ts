import { afterAll, describe, expect, it } from "vitest";
import { signIn } from "@/lib/auth/sign-in";
import {
  accountRateLimitRowKey,
  closeSignInRateLimiter,
  ipRateLimitRowKey,
  SIGN_IN_LIMITS,
} from "@/lib/auth/sign-in-rate-limit";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { resetUserPassword } from "@/lib/server/users/reset-user-password";
import { createTestActor, createTestUser, uniqueEmail } from "@/lib/testing/users";

/**
 * Sign-in is limited per account and per IP, with the counters as rows of
 * `rate_limits` (rate-limiter-flexible's RateLimiterPostgres), and every
 * refusal is audited as SIGN_IN_THROTTLED.
 */

afterAll(closeSignInRateLimiter);

const db = () => getDb();
let addresses = 0;
/** A fresh documentation address (TEST-NET-3) for each attempt that should not hit the per-IP limit. */
const freshIp = () => `203.0.113.${++addresses}`;
const from = (ip: string) => ({ ip, userAgent: "rate-limit-test", authHeaders: new Headers() });

async function attempt(email: string, password: string, ip: string): Promise<AppError | "signed in"> {
  return signIn({ email, password }, from(ip)).then(
    () => "signed in" as const,
    (error: unknown) => {
      if (!(error instanceof AppError)) throw error;
      return error;
    },
  );
}

const rowFor = (key: string) => db().rateLimit.findUnique({ where: { key } });

describe("per account", () => {
  const { attempts } = SIGN_IN_LIMITS.perAccount;

  it(`refuses the attempt after ${attempts} failures, even with the right password, and audits it`, async () => {
    const user = await createTestUser({ role: "editor" });
    for (let i = 0; i < attempts; i++) {
      const failure = await attempt(user.email, `wrong password ${i}`, freshIp());
      expect(failure).toMatchObject({ code: "UNAUTHENTICATED", details: { reason: "wrong_credentials" } });
    }
    const throttled = await attempt(user.email, user.password, freshIp());
    expect(throttled).toMatchObject({ code: "RATE_LIMITED" });
    const retryAfter = ((throttled as AppError).details as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(SIGN_IN_LIMITS.perAccount.windowSeconds);
    // The case and spaces of the address do not make a new account key.
    expect(await attempt(`  ${user.email.toUpperCase()} `, user.password, freshIp())).toMatchObject({ code: "RATE_LIMITED" });

    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
    const events = await db().auditEvent.findMany({ where: { email: user.email, action: { in: ["SIGN_IN_FAILED", "SIGN_IN_THROTTLED", "SIGN_IN"] } }, orderBy: { id: "asc" } });
    expect(events.map((event) => event.action)).toEqual([...Array<string>(attempts).fill("SIGN_IN_FAILED"), "SIGN_IN_THROTTLED", "SIGN_IN_THROTTLED"]);
    expect(events.at(-1)).toMatchObject({ userAgent: "rate-limit-test", details: { limit: "account" } });
    expect(events.at(-1)?.ip).toMatch(/^203\.0\.113\./);

    // The counter is a row of rate_limits, keyed by a hash of the address (the table holds no e-mails).
    const row = await rowFor(accountRateLimitRowKey(user.email));
    expect(row?.points).toBe(attempts + 2);
    expect(Number(row?.expire)).toBeGreaterThan(Date.now());
    expect(row?.key).not.toContain(user.email);
  });

  it("treats an unknown address exactly like a known one", async () => {
    const ghost = uniqueEmail("nobody");
    for (let i = 0; i < attempts; i++) {
      expect(await attempt(ghost, "whatever it is", freshIp())).toMatchObject({ code: "UNAUTHENTICATED", message: "Wrong e-mail or password." });
    }
    expect(await attempt(ghost, "whatever it is", freshIp())).toMatchObject({ code: "RATE_LIMITED" });
  });

  it("clears the account's counter on success", async () => {
    const user = await createTestUser();
    for (let i = 0; i < attempts - 1; i++) await attempt(user.email, "not the password", freshIp());
    expect(await attempt(user.email, user.password, freshIp())).toBe("signed in");
    expect(await rowFor(accountRateLimitRowKey(user.email))).toBeNull();
    // A fresh allowance: as many failures again before the lock.
    for (let i = 0; i < attempts; i++) expect(await attempt(user.email, "still not it", freshIp())).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await attempt(user.email, user.password, freshIp())).toMatchObject({ code: "RATE_LIMITED" });
  });

  it("lets the account in again once the window has passed, or after an administrator's reset", async () => {
    const user = await createTestUser();
    for (let i = 0; i <= attempts; i++) await attempt(user.email, "nope nope nope", freshIp());
    expect(await attempt(user.email, user.password, freshIp())).toMatchObject({ code: "RATE_LIMITED" });
    // The window ends: the row's expiry passes.
    await db().rateLimit.update({ where: { key: accountRateLimitRowKey(user.email) }, data: { expire: BigInt(Date.now() - 1000) } });
    expect(await attempt(user.email, user.password, freshIp())).toBe("signed in");

    for (let i = 0; i <= attempts; i++) await attempt(user.email, "nope nope nope", freshIp());
    expect(await attempt(user.email, user.password, freshIp())).toMatchObject({ code: "RATE_LIMITED" });
    const admin = await createTestActor({ role: "admin" });
    const { temporaryPassword } = await resetUserPassword({ actor: admin, userId: user.id });
    expect(await attempt(user.email, temporaryPassword, freshIp())).toBe("signed in");
  });
});

describe("per IP address", () => {
  const { attempts } = SIGN_IN_LIMITS.perIp;

  it(`refuses an address after ${attempts} failures across different accounts`, async () => {
    const ip = "192.0.2.99";
    for (let i = 0; i < attempts; i++) {
      // A different account each time: no account reaches its own limit.
      expect(await attempt(uniqueEmail("spray"), "Summer2026!", ip)).toMatchObject({ code: "UNAUTHENTICATED" });
    }
    const user = await createTestUser();
    const throttled = await attempt(user.email, user.password, ip);
    expect(throttled).toMatchObject({ code: "RATE_LIMITED" });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "SIGN_IN_THROTTLED", email: user.email } });
    expect(event).toMatchObject({ ip, details: { limit: "ip" } });
    expect((await rowFor(ipRateLimitRowKey(ip)))?.points).toBe(attempts + 1);

    // The same person from another address is not affected.
    expect(await attempt(user.email, user.password, freshIp())).toBe("signed in");
  });

  it("counts an IPv6 /64 as one address", async () => {
    for (let i = 0; i < attempts; i++) {
      await attempt(uniqueEmail("v6"), "Winter2026!", `2001:db8:1:2::${(i + 1).toString(16)}`);
    }
    const user = await createTestUser();
    expect(await attempt(user.email, user.password, "2001:db8:1:2:ffff::1")).toMatchObject({ code: "RATE_LIMITED" });
    expect(await attempt(user.email, user.password, "2001:db8:1:3::1")).toBe("signed in");
    expect(await rowFor(ipRateLimitRowKey("2001:db8:1:2::1"))).toMatchObject({ key: "sign-in-ip:2001:0db8:0001:0002::/64" });
  });

  it("gives a successful sign-in's point back to the address", async () => {
    const ip = "192.0.2.150";
    const user = await createTestUser();
    for (let i = 0; i < attempts + 5; i++) expect(await attempt(user.email, user.password, ip)).toBe("signed in");
    expect((await rowFor(ipRateLimitRowKey(ip)))?.points).toBe(0);
  });
});

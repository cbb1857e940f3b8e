import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimiters } from "@/lib/auth/rate-limit-store";
import { signIn } from "@/lib/auth/sign-in";
import { accountAddressRateLimitRowKey, accountRateLimitRowKey, ipRateLimitRowKey, SIGN_IN_LIMITS, signInDelayMs } from "@/lib/auth/sign-in-rate-limit";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { resetUserPassword } from "@/lib/server/users/reset-user-password";
import { createTestActor, createTestUser, uniqueEmail } from "@/lib/testing/users";

/**
 * Sign-in is limited per account *and* address, and per address, with the
 * counters as rows of `rate_limits` (rate-limiter-flexible's
 * RateLimiterPostgres); repeated failures from one address are slowed down
 * before they are locked out, and every refusal is audited as SIGN_IN_THROTTLED.
 */

afterAll(closeRateLimiters);

const db = () => getDb();
let addresses = 0;
/** A fresh documentation address (TEST-NET-3) for each attempt that should not hit a per-address limit. */
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

/** An attempt and how long it took, in milliseconds. */
async function timedAttempt(email: string, password: string, ip: string) {
  const started = performance.now();
  const outcome = await attempt(email, password, ip);
  return { outcome, ms: performance.now() - started };
}

const rowFor = (key: string) => db().rateLimit.findUnique({ where: { key } });

describe("per account and address", () => {
  const { attempts, windowSeconds } = SIGN_IN_LIMITS.perAccountAndAddress;

  it(`refuses an address after ${attempts} wrong passwords for the account, even with the right one, slowing each retry, and audits it`, async () => {
    const user = await createTestUser({ role: "editor" });
    const attacker = "198.51.100.66";
    for (let i = 0; i < attempts; i++) {
      const { outcome, ms } = await timedAttempt(user.email, `wrong password ${i}`, attacker);
      expect(outcome).toMatchObject({ code: "UNAUTHENTICATED", details: { reason: "wrong_credentials" } });
      // The i-th attempt waited for the i failures before it: 0, 0.5, 1, 2, 4 s.
      expect(ms, `attempt ${i + 1}`).toBeGreaterThanOrEqual(signInDelayMs(i) - 5);
    }
    expect(signInDelayMs(attempts - 1)).toBeGreaterThanOrEqual(2_000);

    const throttled = await attempt(user.email, user.password, attacker);
    expect(throttled).toMatchObject({ code: "RATE_LIMITED" });
    const retryAfter = ((throttled as AppError).details as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
    // The case and spaces of the address do not make a new account key.
    expect(await attempt(`  ${user.email.toUpperCase()} `, user.password, attacker)).toMatchObject({ code: "RATE_LIMITED" });

    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
    const events = await db().auditEvent.findMany({ where: { email: user.email, action: { in: ["SIGN_IN_FAILED", "SIGN_IN_THROTTLED", "SIGN_IN"] } }, orderBy: { id: "asc" } });
    expect(events.map((event) => event.action)).toEqual([...Array<string>(attempts).fill("SIGN_IN_FAILED"), "SIGN_IN_THROTTLED", "SIGN_IN_THROTTLED"]);
    expect(events.at(-1)).toMatchObject({ ip: attacker, userAgent: "rate-limit-test", details: { limit: "account_address" } });

    // The counter is a row of rate_limits, keyed by a hash of the e-mail and the address (the table holds no e-mails).
    const row = await rowFor(accountAddressRateLimitRowKey(user.email, attacker));
    expect(row?.points).toBe(attempts + 2);
    expect(Number(row?.expire)).toBeGreaterThan(Date.now());
    expect(row?.key).not.toContain(user.email);
    expect(row?.key.endsWith(`@${attacker}`)).toBe(true);
  });

  it("does not let a flood of wrong passwords from one address stop the owner signing in from another", async () => {
    const owner = await createTestUser({ role: "admin" });
    const attacker = "198.51.100.77";
    const codes: string[] = [];
    for (let i = 0; i < 40; i++) {
      const outcome = await attempt(owner.email, `guess ${i}`, attacker);
      codes.push(outcome === "signed in" ? outcome : outcome.code);
    }
    // Five guesses were checked; everything after was refused without a look at the password.
    expect(codes).toEqual([...Array<string>(attempts).fill("UNAUTHENTICATED"), ...Array<string>(40 - attempts).fill("RATE_LIMITED")]);
    expect(await db().auditEvent.count({ where: { email: owner.email, action: "SIGN_IN_FAILED" } })).toBe(attempts);

    // The owner, at their own address, signs in: the flood's failures neither lock nor slow them there.
    const ownerAddress = "192.0.2.200";
    expect(await attempt(owner.email, owner.password, ownerAddress)).toBe("signed in");
    expect(await db().session.count({ where: { userId: owner.id } })).toBe(1);
    // Still refused where the flood came from.
    expect(await attempt(owner.email, owner.password, attacker)).toMatchObject({ code: "RATE_LIMITED" });
  });

  it("treats an unknown e-mail address exactly like a known one", async () => {
    const ghost = uniqueEmail("nobody");
    const ip = freshIp();
    for (let i = 0; i < attempts; i++) {
      expect(await attempt(ghost, "whatever it is", ip)).toMatchObject({ code: "UNAUTHENTICATED", message: "Wrong e-mail or password." });
    }
    expect(await attempt(ghost, "whatever it is", ip)).toMatchObject({ code: "RATE_LIMITED" });
  });

  it("clears the counter of the account and address on success", async () => {
    const user = await createTestUser();
    const ip = freshIp();
    for (let i = 0; i < attempts - 1; i++) await attempt(user.email, "not the password", ip);
    expect(await attempt(user.email, user.password, ip)).toBe("signed in");
    expect(await rowFor(accountAddressRateLimitRowKey(user.email, ip))).toBeNull();
    // A fresh allowance: as many failures again before the lock.
    for (let i = 0; i < attempts; i++) expect(await attempt(user.email, "still not it", ip)).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await attempt(user.email, user.password, ip)).toMatchObject({ code: "RATE_LIMITED" });
  });

  it("lets the address in again once the window has passed, or after an administrator's reset", async () => {
    const user = await createTestUser();
    const ip = freshIp();
    for (let i = 0; i < attempts; i++) await attempt(user.email, "nope nope nope", ip);
    expect(await attempt(user.email, user.password, ip)).toMatchObject({ code: "RATE_LIMITED" });
    // The window ends: the row's expiry passes.
    await db().rateLimit.update({ where: { key: accountAddressRateLimitRowKey(user.email, ip) }, data: { expire: BigInt(Date.now() - 1000) } });
    expect(await attempt(user.email, user.password, ip)).toBe("signed in");

    // Locked out at two addresses; the reset lifts both.
    const other = freshIp();
    for (const address of [ip, other]) {
      for (let i = 0; i < attempts; i++) await attempt(user.email, "nope nope nope", address);
      expect(await attempt(user.email, user.password, address)).toMatchObject({ code: "RATE_LIMITED" });
    }
    const admin = await createTestActor({ role: "admin" });
    const { temporaryPassword } = await resetUserPassword({ caller: admin, userId: user.id });
    expect(await attempt(user.email, temporaryPassword, ip)).toBe("signed in");
    expect(await rowFor(accountAddressRateLimitRowKey(user.email, other))).toBeNull();
  });
});

describe("per account, from addresses it does not know", () => {
  const { attempts } = SIGN_IN_LIMITS.perAccount;

  it(`after ${attempts} checked attempts from anywhere, refuses new addresses but keeps the owner's own open`, async () => {
    const owner = await createTestUser({ role: "editor" });
    // Where the owner has signed in before: an office (IPv4) and a home network (IPv6, known by its /64).
    for (const known of ["192.0.2.210", "2001:db8:aa:bb::1"]) expect(await attempt(owner.email, owner.password, known)).toBe("signed in");

    // One guess from each of many addresses (or one client claiming many): no address reaches a limit of its own.
    for (let i = 0; i < 5; i++) expect(await attempt(owner.email, `guess ${i}`, `100.64.0.${i + 1}`)).toMatchObject({ code: "UNAUTHENTICATED" });
    // Every checked attempt counts, the owner's two sign-ins included…
    expect((await rowFor(accountRateLimitRowKey(owner.email)))?.points).toBe(2 + 5);
    // …and the rest of the attack (scrypt makes each real guess slow to replay here) brings the counter to its limit.
    await db().rateLimit.update({ where: { key: accountRateLimitRowKey(owner.email) }, data: { points: attempts } });
    expect(await attempt(owner.email, owner.password, "100.65.0.1")).toMatchObject({ code: "RATE_LIMITED" });
    expect(await attempt(owner.email, owner.password, "2001:db8:aa:cc::1")).toMatchObject({ code: "RATE_LIMITED" });
    const refusal = await db().auditEvent.findFirstOrThrow({ where: { action: "SIGN_IN_THROTTLED", email: owner.email, ip: "100.65.0.1" } });
    expect(refusal.details).toMatchObject({ limit: "account_unknown_address" });

    // The owner's usual addresses still sign in.
    expect(await attempt(owner.email, owner.password, "192.0.2.210")).toBe("signed in");
    expect(await attempt(owner.email, owner.password, "2001:db8:aa:bb::99")).toBe("signed in");

    // An administrator's reset opens the account to every address again.
    const admin = await createTestActor({ role: "admin" });
    const { temporaryPassword } = await resetUserPassword({ caller: admin, userId: owner.id });
    expect(await rowFor(accountRateLimitRowKey(owner.email))).toBeNull();
    expect(await attempt(owner.email, temporaryPassword, "100.65.0.2")).toBe("signed in");
  });
});

describe("per address", () => {
  const { attempts } = SIGN_IN_LIMITS.perAddress;

  it(`refuses an address after ${attempts} failures across different accounts`, async () => {
    const ip = "192.0.2.99";
    for (let i = 0; i < attempts; i++) {
      // A different account each time: no account and address reaches its own limit.
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

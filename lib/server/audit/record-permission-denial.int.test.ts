import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { closeRateLimiters } from "@/lib/auth/rate-limit-store";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { ANONYMOUS_DENIAL_LIMITS, recordPermissionDenial } from "@/lib/server/audit/record-permission-denial";
import { listUsers } from "@/lib/server/users/list-users";
import { createTestActor } from "@/lib/testing/users";

/**
 * Anonymous permission denials cost the caller nothing, so the audit log keeps
 * them one by one only up to a limit per address (and across all addresses),
 * and counts the rest in one summary row per address and window.
 */

afterAll(closeRateLimiters);
beforeEach(async () => {
  await db().rateLimit.deleteMany();
  await db().auditEvent.deleteMany();
});

const db = () => getDb();
const { perAddress, allAddresses } = ANONYMOUS_DENIAL_LIMITS;
const deny = (ip: string | null) =>
  recordPermissionDenial({ caller: null, permission: "user:manage", origin: ip === null ? null : { ip, userAgent: "flood" } });

const denialsFrom = (ip: string | null) => db().auditEvent.count({ where: { action: "PERMISSION_DENIED", ip } });
const summaries = () => db().auditEvent.findMany({ where: { action: "PERMISSION_DENIALS_SUPPRESSED" }, orderBy: { id: "asc" } });

describe("anonymous permission denials", () => {
  it(`are recorded one by one up to ${perAddress.events} per address, then counted in one row per address and window`, async () => {
    for (let i = 0; i < perAddress.events + 25; i++) await deny("203.0.113.9");
    for (let i = 0; i < 3; i++) await deny("203.0.113.10");

    expect(await denialsFrom("203.0.113.9")).toBe(perAddress.events);
    expect(await denialsFrom("203.0.113.10")).toBe(3);
    const [summary, ...others] = await summaries();
    expect(others).toEqual([]);
    expect(summary).toMatchObject({ ip: "203.0.113.9", actorId: null, details: { count: 25, scope: "address", limit: perAddress.events } });
    const windowEndsAt = new Date((summary!.details as { windowEndsAt: string }).windowEndsAt);
    expect(windowEndsAt.getTime()).toBeGreaterThan(Date.now());
    expect(windowEndsAt.getTime()).toBeLessThanOrEqual(Date.now() + perAddress.windowSeconds * 1000);

    // The next window records in full again, and has a summary of its own.
    await db().rateLimit.updateMany({ data: { expire: BigInt(Date.now() - 1000) } });
    for (let i = 0; i < perAddress.events + 2; i++) await deny("203.0.113.9");
    expect(await denialsFrom("203.0.113.9")).toBe(2 * perAddress.events);
    expect((await summaries()).map((row) => (row.details as { count: number }).count)).toEqual([25, 2]);
  });

  it("count an IPv6 /64 as one address", async () => {
    for (let i = 0; i < perAddress.events + 4; i++) await deny(`2001:db8:7:8::${(i + 1).toString(16)}`);
    const [summary] = await summaries();
    expect(summary).toMatchObject({ ip: "2001:0db8:0007:0008::/64", details: { count: 4 } });
  });

  it(`are limited to ${allAddresses.events} a window across all addresses, since a client can claim any address`, async () => {
    const flood = allAddresses.events + 30;
    // One denial from each of many made-up addresses: no address reaches its own limit.
    for (let i = 0; i < flood; i++) await deny(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
    expect(await db().auditEvent.count({ where: { action: "PERMISSION_DENIED" } })).toBe(allAddresses.events);
    const [summary, ...others] = await summaries();
    expect(others).toEqual([]);
    expect(summary).toMatchObject({ ip: null, details: { count: 30, scope: "all addresses", limit: allAddresses.events } });
  });

  it("through requirePermission: a flood of anonymous calls cannot fill the audit log, and every call is still refused", async () => {
    const calls = perAddress.events + 30;
    for (let i = 0; i < calls; i++) {
      const error = await listUsers({ caller: null }).then(
        () => null,
        (reason: unknown) => reason,
      );
      expect(isAppError(error, "UNAUTHENTICATED")).toBe(true);
    }
    // Outside a request there is no address: all of these count as one unknown address.
    expect(await denialsFrom(null)).toBe(perAddress.events);
    expect((await summaries()).map((row) => row.details)).toEqual([
      expect.objectContaining({ count: 30, scope: "address" }),
    ]);
    expect((await summaries())[0]?.ip).toBe("unknown");
  });
});

describe("staff permission denials", () => {
  it("are always recorded in full: a signed-in caller is accountable", async () => {
    const contributor = await createTestActor({ role: "contributor" });
    for (let i = 0; i < perAddress.events + 5; i++) {
      await recordPermissionDenial({ caller: contributor, permission: "user:manage", origin: { ip: "203.0.113.20", userAgent: "staff" } });
    }
    expect(await db().auditEvent.count({ where: { action: "PERMISSION_DENIED", actorId: contributor.id } })).toBe(perAddress.events + 5);
    expect(await summaries()).toEqual([]);
  });
});

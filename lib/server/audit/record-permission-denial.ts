import "server-only";
import { rateLimitKeyForIp } from "@/lib/auth/client-ip";
import type { Actor, Permission } from "@/lib/auth/permissions";
import { rateLimiter } from "@/lib/auth/rate-limit-store";
import type { RequestOrigin } from "@/lib/auth/request-context";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { RateLimiterRes } from "rate-limiter-flexible";
import { recordAuditEvent } from "./record-audit-event";

/**
 * Anonymous requests are free to make, so their denials are recorded one by
 * one only up to a limit: per client address (IPv6: per /64) and, because a
 * client that is not behind a trusted proxy can claim any address, across all
 * addresses. Beyond it, each window gets one PERMISSION_DENIALS_SUPPRESSED
 * row per address (or for all addresses) whose `count` says how many denials
 * it stands for. Nobody can fill the audit log, or the disk under it, with
 * anonymous requests. Signed-in staff are accountable: their denials are
 * always recorded in full.
 */
export const ANONYMOUS_DENIAL_LIMITS = {
  perAddress: { events: 10, windowSeconds: 15 * 60 },
  allAddresses: { events: 200, windowSeconds: 15 * 60 },
} as const;

const PER_ADDRESS_PREFIX = "audit-denials-ip";
const ALL_ADDRESSES_PREFIX = "audit-denials-all";
const ALL_ADDRESSES_KEY = "all";

export type PermissionDenial = {
  /** Who was refused: a person, or nobody signed in (SYSTEM is never refused). */
  caller: Actor | null;
  permission: Permission;
  incidentId?: number;
  /** Why, beyond the role: e.g. "password_change_required". */
  reason?: string;
  /** The request the denial answers; null outside a request. */
  origin: RequestOrigin | null;
};

/** Records one denial in the audit log: in full for staff, within the limits above for anonymous callers. */
export async function recordPermissionDenial(denial: PermissionDenial): Promise<void> {
  const details: Prisma.InputJsonObject = {
    permission: denial.permission,
    role: denial.caller?.role ?? "anonymous",
    ...(denial.incidentId === undefined ? {} : { incidentId: denial.incidentId }),
    ...(denial.reason === undefined ? {} : { reason: denial.reason }),
  };
  const event = {
    action: "PERMISSION_DENIED" as const,
    actorId: denial.caller?.id ?? null,
    email: denial.caller?.email ?? null,
    ip: denial.origin?.ip ?? null,
    userAgent: denial.origin?.userAgent ?? null,
    details,
  };
  if (denial.caller) return recordAuditEvent(event);

  const over = await overAnonymousLimit(rateLimitKeyForIp(denial.origin?.ip ?? null));
  if (!over) return recordAuditEvent(event);
  await countSuppressedDenial(over);
}

type Bucket = { scope: "address" | "all addresses"; ip: string | null; rowKey: string; windowSeconds: number };

/** Takes a slot for one anonymous denial; returns the bucket that is full, or null when the denial may be recorded. */
async function overAnonymousLimit(address: string): Promise<Bucket | null> {
  const { perAddress, allAddresses } = ANONYMOUS_DENIAL_LIMITS;
  const byAddress = rateLimiter(PER_ADDRESS_PREFIX, perAddress.events, perAddress.windowSeconds);
  if (!(await slotTaken(byAddress.consume(address)))) {
    return { scope: "address", ip: address, rowKey: `${PER_ADDRESS_PREFIX}:${address}`, windowSeconds: perAddress.windowSeconds };
  }
  const overall = rateLimiter(ALL_ADDRESSES_PREFIX, allAddresses.events, allAddresses.windowSeconds);
  if (!(await slotTaken(overall.consume(ALL_ADDRESSES_KEY)))) {
    return { scope: "all addresses", ip: null, rowKey: `${ALL_ADDRESSES_PREFIX}:${ALL_ADDRESSES_KEY}`, windowSeconds: allAddresses.windowSeconds };
  }
  return null;
}

async function slotTaken(consumption: Promise<RateLimiterRes>): Promise<boolean> {
  return consumption.then(
    () => true,
    (reason: unknown) => {
      // The library rejects with a RateLimiterRes when over the limit, with an Error when the store fails.
      if (reason instanceof RateLimiterRes) return false;
      throw reason;
    },
  );
}

/**
 * Adds one to the bucket's summary row of the current window, creating it on
 * the first denial over the limit. The window is the limiter's row: its expiry
 * names the window exactly, and an advisory lock keeps concurrent denials from
 * creating two summaries.
 */
async function countSuppressedDenial(bucket: Bucket): Promise<void> {
  const db = getDb();
  const limiterRow = await db.rateLimit.findUnique({ where: { key: bucket.rowKey }, select: { expire: true } });
  const windowEndsAt = new Date(Number(limiterRow?.expire ?? BigInt(Date.now() + bucket.windowSeconds * 1000)));
  const windowStartedAt = new Date(windowEndsAt.getTime() - bucket.windowSeconds * 1000);
  const windowKey = windowEndsAt.toISOString();
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`audit-suppressed:${bucket.rowKey}`}))`;
    const updated = await tx.$executeRaw`
      UPDATE audit_events
         SET details = jsonb_set(details, '{count}', to_jsonb((details->>'count')::int + 1))
       WHERE action = 'PERMISSION_DENIALS_SUPPRESSED'::audit_action
         AND at >= ${windowStartedAt}
         AND ip IS NOT DISTINCT FROM ${bucket.ip}
         AND details->>'windowEndsAt' = ${windowKey}`;
    if (updated > 0) return;
    const limit = bucket.scope === "address" ? ANONYMOUS_DENIAL_LIMITS.perAddress.events : ANONYMOUS_DENIAL_LIMITS.allAddresses.events;
    await recordAuditEvent({
      action: "PERMISSION_DENIALS_SUPPRESSED",
      ip: bucket.ip,
      details: { count: 1, scope: bucket.scope, limit, windowEndsAt: windowKey },
      db: tx,
    });
  });
}

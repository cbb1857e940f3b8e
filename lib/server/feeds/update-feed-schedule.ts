import "server-only";
import { authorIdOf, type Caller } from "@/lib/auth/permissions";
import type { RequestOrigin } from "@/lib/auth/request-context";
import { requirePermission } from "@/lib/auth/require-permission";
import { getDb, type Database } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZFeedScheduleUpdate, type FeedScheduleUpdate } from "@/lib/schemas/feed-schedule";
import { parseOrThrow } from "@/lib/schemas/parse";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";

/**
 * Switches a feed's scheduled pull on or off and sets its interval and what
 * it pulls. The running scheduler (lib/jobs/feed-scheduler.ts) picks the
 * change up within a minute. Every save is audited as FEED_SCHEDULE_CHANGED
 * with the schedule before and after, in the transaction that saves it.
 */
export async function updateFeedSchedule({
  caller,
  update,
  origin,
  db = getDb(),
}: {
  caller: Caller;
  update: FeedScheduleUpdate | Record<string, unknown>;
  origin?: RequestOrigin;
  db?: Database;
}) {
  const actor = await requirePermission(caller, "import:run");
  const { source, enabled, intervalMinutes, parameters } = parseOrThrow(ZFeedScheduleUpdate, update);
  const data = { enabled, intervalMinutes, parameters: parameters as Prisma.InputJsonObject, updatedById: authorIdOf(actor) };
  return db.$transaction(async (tx) => {
    const before = await tx.feedSchedule.findUnique({ where: { source }, select: { enabled: true, intervalMinutes: true, parameters: true } });
    const saved = await tx.feedSchedule.upsert({ where: { source }, create: { source, ...data }, update: data });
    await recordAuditEvent({
      action: "FEED_SCHEDULE_CHANGED",
      actorId: authorIdOf(actor),
      ip: origin?.ip,
      userAgent: origin?.userAgent,
      details: {
        feed: source,
        before: before ? { enabled: before.enabled, intervalMinutes: before.intervalMinutes, parameters: before.parameters as Prisma.InputJsonObject } : null,
        after: { enabled, intervalMinutes, parameters: parameters as Prisma.InputJsonObject },
      },
      db: tx,
    });
    return saved;
  });
}

import "server-only";
import { requirePermission } from "@/lib/auth/require-permission";
import { authorIdOf, type Caller } from "@/lib/auth/permissions";
import { getDb, type Database } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZFeedScheduleUpdate, type FeedScheduleUpdate } from "@/lib/schemas/feed-schedule";
import { parseOrThrow } from "@/lib/schemas/parse";

/**
 * Switches a feed's scheduled pull on or off and sets its interval and what
 * it pulls. The running scheduler (lib/jobs/feed-scheduler.ts) picks the
 * change up within a minute.
 */
export async function updateFeedSchedule({ by, update, db = getDb() }: { by: Caller; update: FeedScheduleUpdate | Record<string, unknown>; db?: Database }) {
  const actor = await requirePermission(by, "import:run");
  const { source, enabled, intervalMinutes, parameters } = parseOrThrow(ZFeedScheduleUpdate, update);
  const data = { enabled, intervalMinutes, parameters: parameters as Prisma.InputJsonObject, updatedById: authorIdOf(actor) };
  return db.feedSchedule.upsert({ where: { source }, create: { source, ...data }, update: data });
}

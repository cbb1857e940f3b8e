import "server-only";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Caller } from "@/lib/auth/permissions";
import { getDb, type Database } from "@/lib/db/client";
import { SCHEDULED_FEEDS, ZFeedScheduleParameters, type FeedScheduleParameters, type ScheduledFeed } from "@/lib/schemas/feed-schedule";

export type FeedSchedule = {
  source: ScheduledFeed;
  enabled: boolean;
  intervalMinutes: number;
  parameters: FeedScheduleParameters;
  updatedAt: Date | null;
  updatedBy: string | null;
};

/** Every schedulable feed with its schedule; a feed nobody configured is listed switched off. */
export async function listFeedSchedules({ by, db = getDb() }: { by: Caller; db?: Database }): Promise<FeedSchedule[]> {
  await requirePermission(by, "import:run");
  const rows = await db.feedSchedule.findMany({ include: { updatedBy: { select: { name: true } } } });
  return SCHEDULED_FEEDS.map((source) => {
    const row = rows.find((candidate) => candidate.source === source);
    return {
      source,
      enabled: row?.enabled ?? false,
      intervalMinutes: row?.intervalMinutes ?? 60,
      parameters: ZFeedScheduleParameters.parse(row?.parameters ?? {}),
      updatedAt: row?.updatedAt ?? null,
      updatedBy: row?.updatedBy?.name ?? null,
    };
  });
}

import "server-only";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Caller } from "@/lib/auth/permissions";
import { getDb, type Database } from "@/lib/db/client";
import type { IngestRunStatus } from "@/lib/generated/prisma/enums";
import { SCHEDULED_FEEDS, ZFeedScheduleParameters, type FeedScheduleParameters, type ScheduledFeed } from "@/lib/schemas/feed-schedule";
import { sweepAbandonedIngestRuns } from "@/lib/server/ingest/sweep-abandoned-ingest-runs";

export type FeedSchedule = {
  source: ScheduledFeed;
  enabled: boolean;
  intervalMinutes: number;
  parameters: FeedScheduleParameters;
  updatedAt: Date | null;
  updatedBy: string | null;
  /** The feed's latest run, whatever started it (a schedule, an upload, the command line); null when it never ran. */
  lastRun: { id: number; status: IngestRunStatus; startedAt: Date; finishedAt: Date | null; accepted: number; duplicates: number; rejected: number } | null;
};

/** Every schedulable feed with its schedule and its last run; a feed nobody configured is listed switched off. */
export async function listFeedSchedules({ caller, db = getDb() }: { caller: Caller; db?: Database }): Promise<FeedSchedule[]> {
  await requirePermission(caller, "import:run");
  await sweepAbandonedIngestRuns();
  const rows = await db.feedSchedule.findMany({ include: { updatedBy: { select: { name: true } } } });
  const lastRuns = await Promise.all(
    SCHEDULED_FEEDS.map((source) =>
      db.ingestRun.findFirst({
        where: { source },
        orderBy: [{ startedAt: "desc" }, { id: "desc" }],
        select: { id: true, status: true, startedAt: true, finishedAt: true, accepted: true, duplicates: true, rejected: true },
      }),
    ),
  );
  return SCHEDULED_FEEDS.map((source, index) => {
    const row = rows.find((candidate) => candidate.source === source);
    return {
      source,
      enabled: row?.enabled ?? false,
      intervalMinutes: row?.intervalMinutes ?? 60,
      parameters: ZFeedScheduleParameters.parse(row?.parameters ?? {}),
      updatedAt: row?.updatedAt ?? null,
      updatedBy: row?.updatedBy?.name ?? null,
      lastRun: lastRuns[index] ?? null,
    };
  });
}

import PgBoss from "pg-boss";
import type { Database } from "@/lib/db/client";
import { sweepAbandonedIngestRuns } from "@/lib/server/ingest/sweep-abandoned-ingest-runs";
import { FEED_INTERVALS_MINUTES, SCHEDULED_FEEDS, ZFeedScheduleParameters, type FeedScheduleParameters, type ScheduledFeed } from "@/lib/schemas/feed-schedule";

/**
 * Scheduled feed pulls on pg-boss, a PostgreSQL-backed job queue (its tables
 * live in the `pgboss` schema, apart from the app's). pg-boss runs the cron
 * schedules and the jobs, retries failed pulls, and keeps one pull of a feed
 * at a time. A small "sync" job, itself on a one-minute pg-boss schedule,
 * mirrors the feed_schedules table (edited in the staff console) onto the
 * pg-boss schedules, so a switch in the console takes effect within a minute;
 * the same job marks runs whose process died ABANDONED
 * (sweepAbandonedIngestRuns). Nothing is pulled unless a feed is switched on.
 */

export type ScheduledPull = (feed: ScheduledFeed, parameters: FeedScheduleParameters) => Promise<void>;

const SYNC_QUEUE = "feeds.sync";
export const feedQueue = (feed: ScheduledFeed) => `feeds.pull.${feed.toLowerCase()}`;

/** The cron expression for an allowed interval (UTC). */
export function cronForInterval(minutes: number): string {
  if (!(FEED_INTERVALS_MINUTES as readonly number[]).includes(minutes)) throw new Error(`Unsupported feed interval: ${minutes} minutes`);
  if (minutes < 60) return `*/${minutes} * * * *`;
  if (minutes < 1440) return `0 */${minutes / 60} * * *`;
  return "0 0 * * *";
}

/** Creates the feeds' queues if missing. "singleton": at most one pull of a feed queued or running at a time. */
async function ensureFeedQueues(boss: PgBoss) {
  const existing = new Set((await boss.getQueues()).map((queue) => queue.name));
  for (const feed of SCHEDULED_FEEDS) {
    const name = feedQueue(feed);
    if (!existing.has(name)) await boss.createQueue(name, { name, policy: "singleton", retryLimit: 2, retryDelay: 300, expireInSeconds: 3600 });
  }
}

/** Makes pg-boss's schedules match the feed_schedules table. */
export async function syncFeedSchedules(boss: PgBoss, db: Database) {
  await ensureFeedQueues(boss);
  const rows = await db.feedSchedule.findMany();
  for (const feed of SCHEDULED_FEEDS) {
    const row = rows.find((candidate) => candidate.source === feed);
    if (row?.enabled) {
      const parameters = ZFeedScheduleParameters.parse(row.parameters ?? {});
      await boss.schedule(feedQueue(feed), cronForInterval(row.intervalMinutes), parameters, { tz: "UTC" });
    } else {
      await boss.unschedule(feedQueue(feed));
    }
  }
}

export type FeedScheduler = { stop: () => Promise<void> };

/**
 * Switches on the feeds the environment names (FEEDS_ENABLED) unless staff
 * have already configured them: the console's choice, once made, stands.
 */
export async function applyFeedsFromEnvironment(db: Database, feeds: readonly ScheduledFeed[], intervalMinutes: number) {
  for (const source of feeds) {
    await db.feedSchedule.upsert({ where: { source }, create: { source, enabled: true, intervalMinutes }, update: {} });
  }
}

export async function startFeedScheduler(options: {
  connectionString: string;
  db: Database;
  runPull: ScheduledPull;
  log: (line: string) => void;
  fromEnvironment?: { feeds: readonly ScheduledFeed[]; intervalMinutes: number };
}): Promise<FeedScheduler> {
  const { db, runPull, log } = options;
  if (options.fromEnvironment) await applyFeedsFromEnvironment(db, options.fromEnvironment.feeds, options.fromEnvironment.intervalMinutes);
  const boss = new PgBoss({ connectionString: options.connectionString, schema: "pgboss", max: 3, application_name: "tracker-feeds" });
  boss.on("error", (error) => log(`Feed scheduler: ${error.message}`));
  await boss.start();

  if (!(await boss.getQueue(SYNC_QUEUE))) await boss.createQueue(SYNC_QUEUE, { name: SYNC_QUEUE, policy: "singleton" });
  await ensureFeedQueues(boss);
  for (const feed of SCHEDULED_FEEDS) {
    await boss.work<FeedScheduleParameters>(feedQueue(feed), async ([job]) => {
      if (!job) return;
      log(`Scheduled ${feed} pull started`);
      await runPull(feed, ZFeedScheduleParameters.parse(job.data ?? {}));
      log(`Scheduled ${feed} pull finished`);
    });
  }
  const sweep = async () => {
    const abandoned = await sweepAbandonedIngestRuns({ connectionString: options.connectionString });
    if (abandoned.length > 0) log(`Marked ABANDONED (their process stopped): run ${abandoned.join(", ")}`);
  };
  await boss.work(SYNC_QUEUE, async () => {
    await syncFeedSchedules(boss, db);
    await sweep();
  });
  await boss.schedule(SYNC_QUEUE, "* * * * *", {}, { tz: "UTC" });
  await syncFeedSchedules(boss, db);
  await sweep();
  const enabled = (await db.feedSchedule.findMany({ where: { enabled: true }, select: { source: true } })).map((row) => row.source.toLowerCase());
  log(enabled.length > 0 ? `Scheduled pulls on for: ${enabled.join(", ")}` : "Scheduled pulls are off (switch them on under Staff → Feeds)");

  return {
    stop: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

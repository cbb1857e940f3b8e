import PgBoss from "pg-boss";
import type { Database } from "@/lib/db/client";
import { sweepAbandonedIngestRuns } from "@/lib/server/ingest/sweep-abandoned-ingest-runs";
import { feedOfSource, SCHEDULED_FEEDS, type ScheduledFeed } from "@/lib/ingest/feed-names";
import { FEED_INTERVALS_MINUTES, ZFeedScheduleParameters, type FeedScheduleParameters } from "@/lib/schemas/feed-schedule";

/**
 * Scheduled feed pulls on pg-boss, a PostgreSQL-backed job queue (its tables
 * live in the `pgboss` schema, apart from the app's). pg-boss runs the cron
 * schedules and the jobs, retries failed pulls, and keeps one pull of a feed
 * at a time. A small "sync" job, itself on a one-minute pg-boss schedule,
 * mirrors the feed_schedules table (edited in the staff console) onto the
 * pg-boss schedules, so a switch in the console takes effect within a minute
 * (a feed switched on is first pulled two minutes after the save); the same
 * job marks runs whose process died ABANDONED (sweepAbandonedIngestRuns).
 * Nothing is scheduled unless a feed is switched on.
 *
 * Every app server runs this scheduler on the same database, and each due
 * pull still runs once: pg-boss lets one server at a time look at the cron
 * schedules, sends each occurrence once (a singleton key per schedule and
 * minute), a feed's queue holds at most one pull, and a pull holds its feed's
 * advisory lock while it runs (e2e/two-instances.spec.ts).
 */

export type ScheduledPull = (feed: ScheduledFeed, parameters: FeedScheduleParameters) => Promise<void>;

const SYNC_QUEUE = "feeds.sync";
export const feedQueue = (feed: ScheduledFeed) => `feeds.pull.${feedOfSource(feed)}`;

/**
 * pg-boss's own queue through which its clock sends each due cron occurrence
 * (src/timekeeper.js). pg-boss creates it when it starts with scheduling on,
 * and quietly goes without when it may not; without it no cron schedule ever
 * fires. The app role may not create queues, so the owner does (below).
 */
export const CRON_SEND_QUEUE = "__pgboss__send-it";

/** "singleton": at most one pull of a feed queued or running at a time. */
const FEED_QUEUE_OPTIONS = { policy: "singleton", retryLimit: 2, retryDelay: 300, expireInSeconds: 3600 } as const;

/**
 * Every queue the scheduler uses, with its options. Creating a queue adds a
 * table partition, so the schema's owner creates them when it prepares the
 * database (lib/jobs/install-job-queues.ts); the app only finds them there.
 */
export const JOB_QUEUES: { name: string; options: PgBoss.Queue }[] = [
  { name: CRON_SEND_QUEUE, options: { name: CRON_SEND_QUEUE } },
  { name: SYNC_QUEUE, options: { name: SYNC_QUEUE, policy: "singleton" } },
  ...SCHEDULED_FEEDS.map((feed) => ({ name: feedQueue(feed), options: { name: feedQueue(feed), ...FEED_QUEUE_OPTIONS } })),
];

/**
 * The scheduler mirrors feed_schedules onto pg-boss once a minute, so a saved
 * schedule's first pull comes this many minutes after the save: late enough
 * for the next sync to have written the new cron expression before it is due,
 * soon enough that staff see a switched-on feed pulled at once rather than up
 * to a day later.
 */
export const FIRST_PULL_AFTER_MINUTES = 2;

/**
 * The cron expression (UTC) of a schedule saved at `savedAt`: every
 * `intervalMinutes`, counted from a first pull FIRST_PULL_AFTER_MINUTES after
 * the save. Each allowed interval divides a day, and the epoch starts at
 * midnight UTC, so the cycle is the same every day; feeds saved at different
 * times pull at different minutes. Every server computes the same expression
 * from the same row, and pg-boss sends each occurrence once however many
 * servers run the scheduler.
 */
export function cronForSchedule(intervalMinutes: number, savedAt: Date): string {
  if (!(FEED_INTERVALS_MINUTES as readonly number[]).includes(intervalMinutes)) throw new Error(`Unsupported feed interval: ${intervalMinutes} minutes`);
  const firstPull = Math.floor(savedAt.getTime() / 60_000) + FIRST_PULL_AFTER_MINUTES; // minutes since the epoch
  const offset = firstPull % intervalMinutes; // minute of the day of the cycle's first pull, modulo the interval
  const every = (from: number, step: number, below: number) => Array.from({ length: Math.ceil((below - from) / step) }, (_, index) => from + index * step);
  if (intervalMinutes < 60) return `${every(offset, intervalMinutes, 60).join(",")} * * * *`;
  const hours = every(Math.floor(offset / 60), intervalMinutes / 60, 24);
  return `${offset % 60} ${hours.length === 24 ? "*" : hours.join(",")} * * *`;
}

/** Creates the queues that are missing (JOB_QUEUES). */
export async function ensureJobQueues(boss: PgBoss) {
  const existing = new Set((await boss.getQueues()).map((queue) => queue.name));
  for (const { name, options } of JOB_QUEUES) {
    if (!existing.has(name)) await boss.createQueue(name, options);
  }
}

/** Makes pg-boss's schedules match the feed_schedules table. */
export async function syncFeedSchedules(boss: PgBoss, db: Database) {
  await ensureJobQueues(boss);
  const rows = await db.feedSchedule.findMany();
  for (const feed of SCHEDULED_FEEDS) {
    const row = rows.find((candidate) => candidate.source === feed);
    if (row?.enabled) {
      const parameters = ZFeedScheduleParameters.parse(row.parameters ?? {});
      await boss.schedule(feedQueue(feed), cronForSchedule(row.intervalMinutes, row.updatedAt), parameters, { tz: "UTC" });
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
  // ON CONFLICT DO NOTHING: servers starting together may both get here.
  await db.feedSchedule.createMany({ data: feeds.map((source) => ({ source, enabled: true, intervalMinutes })), skipDuplicates: true });
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
  // The app role may not change pg-boss's schema: the owner installed and migrated it (migrate: false only checks).
  const boss = new PgBoss({ connectionString: options.connectionString, schema: "pgboss", max: 3, application_name: "tracker-feeds", migrate: false });
  boss.on("error", (error) => log(`Feed scheduler: ${error.message}`));
  await boss.start();
  await ensureJobQueues(boss);
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

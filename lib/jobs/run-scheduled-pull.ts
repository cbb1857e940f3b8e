import pg from "pg";
import { SYSTEM } from "@/lib/auth/permissions";
import type { ServerEnv } from "@/lib/env";
import { getPgPool } from "@/lib/db/pg-pool";
import { feedOfSource, SCHEDULED_FEEDS, type ScheduledFeed } from "@/lib/ingest/feed-names";
import { planPull } from "@/lib/ingest/plan-pull";
import type { FeedScheduleParameters } from "@/lib/schemas/feed-schedule";
import type { IngestItemsResult } from "@/lib/server/ingest/ingest-items";
import { FEED_PULL_LOCK } from "@/lib/server/ingest/ingest-locks";
import { runPull } from "@/lib/server/ingest/run-pull";

/** Every ASN attached to an operator: what a schedule pulls when it names none. */
async function operatorAsns(connectionString: string): Promise<number[]> {
  const { rows } = await getPgPool(connectionString).query<{ asn: number }>("SELECT asn FROM networks WHERE operator_id IS NOT NULL ORDER BY asn");
  return rows.map((row) => row.asn);
}

/** A pull that did not start because another pull of the same feed still runs. */
export type SkippedPull = { skipped: true; feed: ScheduledFeed };

/**
 * One scheduled pull: the last `lookbackHours` up to now, through the same
 * planPull and runPull as `npm run ingest -- <feed> --since … --until …`.
 * The look-back overlaps earlier pulls on purpose; writes are idempotent,
 * so a missed or failed run is caught up by the next.
 *
 * Never two pulls of one feed at once, however long one runs and however
 * many servers run the scheduler: the pull holds a session advisory lock
 * (FEED_PULL_LOCK, the feed) on a connection of its own for its whole
 * length, and a pull that cannot take it returns SkippedPull without
 * starting a run. (pg-boss's singleton queue alone is not enough: a job
 * running past its expireInSeconds is marked failed, and the queue then
 * starts the next one while the first is still pulling.)
 */
export async function runScheduledPull({
  feed,
  parameters,
  connectionString,
  env,
}: {
  feed: ScheduledFeed;
  parameters: FeedScheduleParameters;
  connectionString: string;
  env: ServerEnv;
}): Promise<IngestItemsResult | SkippedPull> {
  const lock = new pg.Client({ connectionString, keepAlive: true, connectionTimeoutMillis: 5_000 });
  lock.on("error", () => undefined);
  await lock.connect();
  try {
    const {
      rows: [held],
    } = await lock.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS locked", [FEED_PULL_LOCK, SCHEDULED_FEEDS.indexOf(feed)]);
    if (!held?.locked) return { skipped: true, feed };
    const until = new Date();
    const since = new Date(until.getTime() - parameters.lookbackHours * 3_600_000);
    const asns = parameters.asns.length > 0 ? parameters.asns : await operatorAsns(connectionString);
    const plan = planPull(feedOfSource(feed), { since, until, country: parameters.country, asns }, env);
    return await runPull({ caller: SYSTEM, plan, trigger: "schedule", connectionString });
  } finally {
    // Ending the session releases the lock.
    await lock.end().catch(() => undefined);
  }
}

import pg from "pg";
import { SYSTEM } from "@/lib/auth/permissions";
import type { ServerEnv } from "@/lib/env";
import { getPgPool } from "@/lib/db/pg-pool";
import { pullScope } from "@/lib/ingest/pull-scope";
import { FEEDS, type FeedName } from "@/lib/ingest/registry";
import type { FeedScheduleParameters, ScheduledFeed } from "@/lib/schemas/feed-schedule";
import { ingestItems, type IngestItemsResult } from "@/lib/server/ingest/ingest-items";
import { FEED_PULL_LOCK } from "@/lib/server/ingest/ingest-locks";
import { readIngestCursor } from "@/lib/server/ingest/read-ingest-cursor";
import { SCHEDULED_FEEDS } from "@/lib/schemas/feed-schedule";

const FEED_NAME: Record<ScheduledFeed, FeedName> = { OONI: "ooni", IODA: "ioda", CLOUDFLARE: "cloudflare" };

/** Every ASN attached to an operator: what a schedule pulls when it names none. */
async function operatorAsns(connectionString: string): Promise<number[]> {
  const { rows } = await getPgPool(connectionString).query<{ asn: number }>("SELECT asn FROM networks WHERE operator_id IS NOT NULL ORDER BY asn");
  return rows.map((row) => row.asn);
}

/** A pull that did not start because another pull of the same feed still runs. */
export type SkippedPull = { skipped: true; feed: ScheduledFeed };

/**
 * One scheduled pull: the last `lookbackHours` up to now, through the same
 * pull and bulk writer as `npm run ingest -- <feed> --since … --until …`.
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
export async function runScheduledPull(
  feed: ScheduledFeed,
  parameters: FeedScheduleParameters,
  context: { connectionString: string; env: ServerEnv },
): Promise<IngestItemsResult | SkippedPull> {
  const lock = new pg.Client({ connectionString: context.connectionString, keepAlive: true, connectionTimeoutMillis: 5_000 });
  lock.on("error", () => undefined);
  await lock.connect();
  try {
    const {
      rows: [held],
    } = await lock.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS locked", [FEED_PULL_LOCK, SCHEDULED_FEEDS.indexOf(feed)]);
    if (!held?.locked) return { skipped: true, feed };
    return await pull(feed, parameters, context);
  } finally {
    // Ending the session releases the lock.
    await lock.end().catch(() => undefined);
  }
}

async function pull(feed: ScheduledFeed, parameters: FeedScheduleParameters, context: { connectionString: string; env: ServerEnv }): Promise<IngestItemsResult> {
  const { env, connectionString } = context;
  const entry = FEEDS[FEED_NAME[feed]];
  if (!entry.pull) throw new Error(`${feed} has no live pull`);
  const until = new Date();
  const since = new Date(until.getTime() - parameters.lookbackHours * 3_600_000);
  const asns = parameters.asns.length > 0 ? parameters.asns : await operatorAsns(connectionString);
  const baseUrl = { OONI: env.OONI_API_URL, IODA: env.IODA_API_URL, CLOUDFLARE: env.CLOUDFLARE_API_URL }[feed];
  const token = feed === "CLOUDFLARE" ? env.CLOUDFLARE_API_TOKEN : undefined;
  if (feed === "CLOUDFLARE" && !token) throw new Error("Cloudflare pulls need CLOUDFLARE_API_TOKEN");

  const request = { since, until, country: parameters.country, asns };
  const scope = pullScope(request);
  const resumeFrom = await readIngestCursor({ source: entry.source, scope, connectionString });
  return ingestItems({
    caller: SYSTEM,
    source: entry.source,
    parameters: { trigger: "schedule", since: since.toISOString(), until: until.toISOString(), country: parameters.country, asns },
    items: entry.pull({ ...request, baseUrl, token, resumeFrom }),
    scope,
    connectionString,
  });
}

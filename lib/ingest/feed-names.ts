/**
 * The measurement feeds, by the one name each has (decision 0022): the
 * command line's `npm run ingest -- <name>`, the console's upload form, the
 * upload worker's job, the scheduler's queue (`feeds.pull.<name>`) and
 * FEEDS_ENABLED. A run or a schedule records its feed in the database's
 * spelling (ingest_runs.source, feed_schedules.source: the name in capitals),
 * converted here and nowhere else. What each feed does (its parser, its pull,
 * its API's address and token) is in lib/ingest/registry.ts, typed by these
 * lists. Pure and dependency-free: browser forms read it too.
 */

export const FEED_NAMES = ["ooni", "ioda", "cloudflare", "csv"] as const;
export type FeedName = (typeof FEED_NAMES)[number];

/** The feeds with a live pull, which staff can also schedule. */
export const LIVE_FEED_NAMES = ["ooni", "ioda", "cloudflare"] as const satisfies readonly FeedName[];
export type LiveFeedName = (typeof LIVE_FEED_NAMES)[number];

/** A feed as the database records it (the IngestSource enum less STOP): its name in capitals. */
export type FeedSource = Uppercase<FeedName>;

/** A tuple of names in capitals (a mapped type over a type parameter keeps a tuple a tuple). */
type InCapitals<T extends readonly string[]> = { readonly [I in keyof T]: Uppercase<T[I]> };

export function sourceOfFeed<Name extends FeedName>(name: Name): Uppercase<Name> {
  return name.toUpperCase() as Uppercase<Name>;
}

export function feedOfSource<Source extends FeedSource>(source: Source): Lowercase<Source> {
  return source.toLowerCase() as Lowercase<Source>;
}

export function isFeedName(value: string): value is FeedName {
  return (FEED_NAMES as readonly string[]).includes(value);
}

export function isLiveFeedName(value: string): value is LiveFeedName {
  return (LIVE_FEED_NAMES as readonly string[]).includes(value);
}

/** Every feed as the database records it, in FEED_NAMES order. */
export const FEED_SOURCES = FEED_NAMES.map(sourceOfFeed) as unknown as InCapitals<typeof FEED_NAMES>;

/** The feeds a schedule can pull, as feed_schedules records them. Their order gives each feed's pull lock (FEED_PULL_LOCK): append only. */
export const SCHEDULED_FEEDS = LIVE_FEED_NAMES.map(sourceOfFeed) as unknown as InCapitals<typeof LIVE_FEED_NAMES>;
export type ScheduledFeed = (typeof SCHEDULED_FEEDS)[number];

import type { FeedName } from "@/lib/ingest/registry";

/**
 * The invented example feed files the project ships (January 2022, in the
 * exact shapes the parsers accept; e2e/fixtures/feeds/README.md describes
 * them). They are never loaded on a default start: `npm run demo`
 * (DEMO_DATA=1) and `npm run ingest:examples` load them through
 * loadExampleData, which marks what they store as example data (decision 0018).
 * Paths are relative to the project's root.
 */
export type ExampleFeedFile = { feed: FeedName; path: string };

export const EXAMPLE_FEED_FILES: readonly ExampleFeedFile[] = [
  { feed: "ioda", path: "e2e/fixtures/feeds/ioda-signals-2022-01.json" },
  { feed: "ooni", path: "e2e/fixtures/feeds/ooni-web-connectivity-kcell-2022-01.jsonl" },
  { feed: "cloudflare", path: "e2e/fixtures/feeds/cloudflare-annotations-2022-01.json" },
];

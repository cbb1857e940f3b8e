import type { Readable } from "node:stream";
import type { ServerEnv } from "@/lib/env";
import { parseCloudflareStream, pullCloudflare } from "./cloudflare";
import { parseSeriesCsv } from "./csv/parse-series-csv";
import { decompressInput, type DecompressOptions } from "./decompress-input";
import { sourceOfFeed, type FeedName, type FeedSource, type LiveFeedName } from "./feed-names";
import { parseIodaStream, pullIoda } from "./ioda";
import { parseOoniStream, pullOoni } from "./ooni";
import type { IngestItem, PullOptions } from "./types";

export type { FeedName } from "./feed-names";

/**
 * Every measurement feed the bulk writer (lib/server/ingest/ingest-items.ts)
 * takes, by its name (lib/ingest/feed-names.ts), with all of its wiring:
 * `parse` reads a file or stream (gzip or not: it is decompressed first,
 * whatever the feed); `pull`, for live feeds, fetches a time window from the
 * feed's API, emitting checkpoints, and says where that API is and which
 * token it needs. The command line, the console's uploads and the scheduler
 * read this table (a pull goes through planPull and runPull); none of them
 * wires a feed again.
 */

/**
 * What a saved file does not say about itself: OONI aggregation responses
 * omit the filters of the request they answer (`--country`, `--asn`, `--test`).
 */
export type FileContext = { country?: string; asn?: number; test?: string };

/** The settings a live pull reads (lib/env.ts: OONI_API_URL, IODA_API_URL, CLOUDFLARE_API_URL, CLOUDFLARE_API_TOKEN). */
export type FeedEnv = Pick<ServerEnv, "OONI_API_URL" | "IODA_API_URL" | "CLOUDFLARE_API_URL" | "CLOUDFLARE_API_TOKEN">;

export type LivePull = {
  /** Fetches the window, emitting a checkpoint after each page (lib/ingest/<feed>/pull-*.ts). */
  run: (options: PullOptions) => AsyncIterable<IngestItem>;
  /** The API's base address. */
  baseUrl: (env: FeedEnv) => string;
  /** The token the API needs, and what to tell whoever runs a pull without it. */
  token?: { from: (env: FeedEnv) => string | undefined; missing: string };
};

export type FeedEntry = {
  /** How runs of this feed are recorded: its name in capitals. */
  source: FeedSource;
  /** `limits`: the decompressed-size limit (default: the command line's, INGEST_LIMITS.inputBytes). */
  parse: (input: Readable, context?: FileContext, limits?: DecompressOptions) => AsyncIterable<IngestItem>;
  /** Whether `parse` uses a FileContext. */
  takesFileContext?: boolean;
  pull?: LivePull;
};

/** Live feeds have a pull, the others none: the type keeps the table in step with LIVE_FEED_NAMES. */
type Feeds = { readonly [Name in FeedName]: FeedEntry & { source: Uppercase<Name> } & (Name extends LiveFeedName ? { pull: LivePull } : { pull?: undefined }) };

/** Decompresses, then hands the plain bytes to the feed's own parser. */
function decompressed(parseStream: (input: Readable) => AsyncIterable<IngestItem>): FeedEntry["parse"] {
  return async function* (input, _context, limits) {
    yield* parseStream(await decompressInput(input, limits));
  };
}

export const FEEDS: Feeds = {
  ooni: {
    source: sourceOfFeed("ooni"),
    parse: async function* (input, context = {}, limits) {
      yield* parseOoniStream(await decompressInput(input, limits), { testName: context.test, probeCc: context.country, probeAsn: context.asn });
    },
    takesFileContext: true,
    pull: { run: pullOoni, baseUrl: (env) => env.OONI_API_URL },
  },
  ioda: { source: sourceOfFeed("ioda"), parse: decompressed(parseIodaStream), pull: { run: pullIoda, baseUrl: (env) => env.IODA_API_URL } },
  cloudflare: {
    source: sourceOfFeed("cloudflare"),
    parse: decompressed(parseCloudflareStream),
    pull: {
      run: pullCloudflare,
      baseUrl: (env) => env.CLOUDFLARE_API_URL,
      token: {
        from: (env) => env.CLOUDFLARE_API_TOKEN,
        missing: "cloudflare pulls need CLOUDFLARE_API_TOKEN (a Cloudflare API token with Radar read access) in the environment or .env.",
      },
    },
  },
  csv: { source: sourceOfFeed("csv"), parse: decompressed(parseSeriesCsv) },
};

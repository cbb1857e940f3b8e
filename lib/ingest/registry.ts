import type { Readable } from "node:stream";
import type { IngestSource } from "@/lib/generated/prisma/enums";
import { parseCloudflareStream, pullCloudflare } from "./cloudflare";
import { parseSeriesCsv } from "./csv/parse-series-csv";
import { decompressInput, type DecompressOptions } from "./decompress-input";
import { parseIodaStream, pullIoda } from "./ioda";
import { parseOoniStream, pullOoni } from "./ooni";
import type { IngestItem, PullOptions } from "./types";

/**
 * Every measurement feed the bulk writer (lib/server/ingest/ingest-items.ts)
 * takes, by the name the CLI and the staff console use. `parse` reads a file
 * or stream (gzip or not: it is decompressed first, whatever the feed);
 * `pull` fetches a time window from the feed's API, emitting checkpoints.
 */
/**
 * What a saved file does not say about itself: OONI aggregation responses
 * omit the filters of the request they answer (`--country`, `--asn`, `--test`).
 */
export type FileContext = { country?: string; asn?: number; test?: string };

export type FeedEntry = {
  /** How runs of this feed are recorded. */
  source: Exclude<IngestSource, "STOP">;
  /** `limits`: the decompressed-size limit (default: the command line's, INGEST_LIMITS.inputBytes). */
  parse: (input: Readable, context?: FileContext, limits?: DecompressOptions) => AsyncIterable<IngestItem>;
  /** Whether `parse` uses a FileContext. */
  takesFileContext?: boolean;
  pull?: (options: PullOptions) => AsyncIterable<IngestItem>;
};

export const FEED_NAMES = ["ooni", "ioda", "cloudflare", "csv"] as const;
export type FeedName = (typeof FEED_NAMES)[number];

/** Decompresses, then hands the plain bytes to the feed's own parser. */
function decompressed(parseStream: (input: Readable) => AsyncIterable<IngestItem>): FeedEntry["parse"] {
  return async function* (input, _context, limits) {
    yield* parseStream(await decompressInput(input, limits));
  };
}

export const FEEDS: Record<FeedName, FeedEntry> = {
  ooni: {
    source: "OONI",
    parse: async function* (input, context = {}, limits) {
      yield* parseOoniStream(await decompressInput(input, limits), { testName: context.test, probeCc: context.country, probeAsn: context.asn });
    },
    takesFileContext: true,
    pull: pullOoni,
  },
  ioda: { source: "IODA", parse: decompressed(parseIodaStream), pull: pullIoda },
  cloudflare: { source: "CLOUDFLARE", parse: decompressed(parseCloudflareStream), pull: pullCloudflare },
  csv: { source: "CSV", parse: decompressed(parseSeriesCsv) },
};

export const isFeedName = (value: string): value is FeedName => (FEED_NAMES as readonly string[]).includes(value);

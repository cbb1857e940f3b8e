import "server-only";
import type { Readable } from "node:stream";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Caller } from "@/lib/auth/permissions";
import { FEEDS, type FeedName } from "@/lib/ingest/registry";
import { ingestItems } from "@/lib/server/ingest/ingest-items";

/**
 * A measurement file uploaded in the staff console (OONI, IODA, Cloudflare or
 * the coalition's CSV), through the same parser and bulk writer as
 * `npm run ingest -- <feed> --file`. Returns the run's counts.
 */
export async function ingestFeedUpload({ by, feed, fileName, input }: { by: Caller; feed: FeedName; fileName: string; input: Readable }) {
  await requirePermission(by, "import:run");
  const entry = FEEDS[feed];
  return ingestItems({ by, source: entry.source, parameters: { fileName, trigger: "upload" }, items: entry.parse(input) });
}

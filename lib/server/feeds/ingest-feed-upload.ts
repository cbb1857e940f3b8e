import "server-only";
import type { Readable } from "node:stream";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Caller } from "@/lib/auth/permissions";
import { FEEDS, type FeedName } from "@/lib/ingest/registry";
import { ingestItems } from "@/lib/server/ingest/ingest-items";

/**
 * A measurement file uploaded in the staff console (OONI, IODA, Cloudflare or
 * the coalition's CSV), through the same parser and bulk writer as
 * `npm run ingest -- <feed> --file`, under the console's decompressed-size
 * limit (INGEST_LIMITS.uploadInputBytes). Returns the run's counts.
 *
 * The console does not call this in its own process: ingestUpload runs it in
 * a worker process with its own memory limit (scripts/ingest-upload-worker.ts).
 */
export async function ingestFeedUpload({
  caller,
  feed,
  fileName,
  input,
  onRunStarted,
}: {
  caller: Caller;
  feed: FeedName;
  fileName: string;
  input: Readable;
  onRunStarted?: (runId: number) => void;
}) {
  await requirePermission(caller, "import:run");
  const entry = FEEDS[feed];
  return ingestItems({
    caller,
    source: entry.source,
    parameters: { fileName, trigger: "upload" },
    items: entry.parse(input, {}, { limitName: "uploadInputBytes" }),
    onRunStarted,
  });
}

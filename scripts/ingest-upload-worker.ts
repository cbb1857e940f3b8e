/**
 * The process that ingests one file uploaded in the staff console, started
 * by ingestUpload (lib/server/uploads/ingest-upload.ts) with its own memory
 * limit, so that whatever the file does, the web server does not carry it.
 *
 *   node --max-old-space-size=<MB> --conditions=react-server --import tsx \
 *     scripts/ingest-upload-worker.ts '<job JSON>' '<actor JSON | system>'
 *
 * The file arrives on standard input; DATABASE_URL names the database. The
 * worker reports on its IPC channel: {type: "run", runId} as soon as the run
 * exists, then {type: "done", result} or {type: "error", code, message,
 * details} (a known failure: the run is already FAILED with that message).
 * An unexpected error is printed on standard error and ends the process
 * with status 1; the parent then fails the run itself.
 */
import { z } from "zod";
import { ROLES, SYSTEM, type Actor, type Caller } from "@/lib/auth/permissions";
import { disconnectDb } from "@/lib/db/client";
import { closePgPools } from "@/lib/db/pg-pool";
import { isAppError } from "@/lib/errors";
import { ZIngestUploadJob } from "@/lib/schemas/import";
import { ingestFeedUpload } from "@/lib/server/feeds/ingest-feed-upload";
import { importStopFile } from "@/lib/server/imports/import-stop-file";

const ZActor = z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.enum(ROLES) }) satisfies z.ZodType<Actor>;

export type WorkerMessage =
  | { type: "run"; runId: number }
  | { type: "done"; result: { runId: number; accepted: number; duplicates: number; rejected: number } }
  | { type: "error"; code: string; message: string; details?: unknown };

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

async function main() {
  const job = ZIngestUploadJob.parse(JSON.parse(process.argv[2] ?? "null"));
  const caller: Caller = process.argv[3] === SYSTEM ? SYSTEM : ZActor.parse(JSON.parse(process.argv[3] ?? "null"));
  const onRunStarted = (runId: number) => void send({ type: "run", runId });
  try {
    const result =
      job.kind === "feed"
        ? await ingestFeedUpload({ caller, feed: job.feed, fileName: job.fileName, input: process.stdin, onRunStarted })
        : await importStopFile({ caller, input: process.stdin, fileName: job.fileName, country: job.country, trigger: "upload", onRunStarted });
    await send({ type: "done", result: { runId: result.runId, accepted: result.accepted, duplicates: result.duplicates, rejected: result.rejected } });
  } catch (error) {
    if (!isAppError(error)) throw error;
    await send({ type: "error", code: error.code, message: error.message, details: error.details });
  } finally {
    await closePgPools();
    await disconnectDb();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

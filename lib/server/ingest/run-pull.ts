import "server-only";
import type { Caller } from "@/lib/auth/permissions";
import type { PullPlan } from "@/lib/ingest/plan-pull";
import { FEEDS } from "@/lib/ingest/registry";
import { ingestItems, type IngestItemsResult, type IngestProgress } from "./ingest-items";
import { readIngestCursor } from "./read-ingest-cursor";

/**
 * Runs a live pull (planned by planPull) through the bulk writer: resumes
 * from the cursor an interrupted run of the same request saved, records the
 * request on the run, and saves a cursor at every checkpoint. The one way the
 * command line (`npm run ingest -- <feed> --since … --until …`) and the
 * scheduler (lib/jobs/run-scheduled-pull.ts) pull; requires import:run.
 * Uses the bulk writer's pg pool only, never Prisma.
 */
export async function runPull({
  caller,
  plan,
  trigger,
  connectionString,
  onStart,
  onBatch,
}: {
  caller: Caller;
  plan: PullPlan;
  /** Recorded on the run: "schedule" for scheduled pulls; none for the command line. */
  trigger?: "schedule";
  /** Default: DATABASE_URL. */
  connectionString?: string;
  /** Called once the saved cursor is read, before the first request. */
  onStart?: (start: { resuming: boolean }) => void;
  onBatch?: (progress: IngestProgress) => void;
}): Promise<IngestItemsResult> {
  const { request, scope, baseUrl, token } = plan;
  const resumeFrom = await readIngestCursor({ source: plan.source, scope, connectionString });
  onStart?.({ resuming: resumeFrom !== null });
  return ingestItems({
    caller,
    source: plan.source,
    parameters: {
      ...(trigger ? { trigger } : {}),
      since: request.since.toISOString(),
      until: request.until.toISOString(),
      country: request.country ?? null,
      asns: request.asns ?? [],
      scope,
      baseUrl,
    },
    items: FEEDS[plan.feed].pull.run({ ...request, baseUrl, token, resumeFrom }),
    scope,
    connectionString,
    onBatch,
  });
}

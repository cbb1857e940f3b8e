import type { IngestRunStatus } from "@/lib/generated/prisma/enums";

/**
 * How a run's outcome is shown to staff. A run that finished but rejected
 * records is never shown as a plain success: it is "finished with rejects",
 * with their number.
 */
export type RunDisplayStatus = IngestRunStatus | "SUCCEEDED_WITH_REJECTS";

export function runDisplayStatus(run: { status: IngestRunStatus; rejected: number }): RunDisplayStatus {
  return run.status === "SUCCEEDED" && run.rejected > 0 ? "SUCCEEDED_WITH_REJECTS" : run.status;
}

/** Whether a run may be rolled back in its present state (measurement runs that have ended and were not rolled back). */
export function canRollBackRun(run: { source: string; status: IngestRunStatus }): boolean {
  return run.source !== "STOP" && run.status !== "RUNNING" && run.status !== "ROLLED_BACK";
}

/** Spreadsheet imports (the STOP sheet) and feed runs (measurements: files, uploads, scheduled pulls) are listed apart. */
export const SPREADSHEET_SOURCES = ["STOP"] as const;
export { FEED_SOURCES } from "@/lib/ingest/feed-names";
export type RunKind = "spreadsheet" | "feeds";

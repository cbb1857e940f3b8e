import "server-only";
import type { IngestRunStatus, IngestSource } from "@/lib/generated/prisma/enums";
import { readRunParameters } from "@/lib/schemas/import";

export type IngestRunSummary = {
  id: number;
  source: IngestSource;
  status: IngestRunStatus;
  fileName: string;
  country: string;
  /** How it started: an upload in the console, a scheduled pull, or (null) the command line. */
  trigger: "upload" | "schedule" | null;
  /** A pull's window, ISO instants; null for files. */
  window: { since: string; until: string } | null;
  startedAt: Date;
  finishedAt: Date | null;
  accepted: number;
  duplicates: number;
  rejected: number;
  error: string | null;
  /** Null for command-line runs (and for users since deleted). */
  triggeredBy: string | null;
  rolledBackAt: Date | null;
  rolledBackBy: string | null;
};

/** Who started and who rolled back a run: include these with a run to make its summary. */
export const RUN_PEOPLE = { triggeredBy: { select: { name: true } }, rolledBackBy: { select: { name: true } } } as const;

type RunRow = Omit<IngestRunSummary, "fileName" | "country" | "triggeredBy" | "rolledBackBy" | "trigger" | "window"> & {
  parameters: unknown;
  triggeredBy: { name: string } | null;
  rolledBackBy: { name: string } | null;
};

/** A run row as lists and reports show it. */
export function toRunSummary(run: RunRow): IngestRunSummary {
  const parameters = readRunParameters(run.parameters);
  const raw = (run.parameters ?? {}) as Record<string, unknown>;
  return {
    id: run.id,
    source: run.source,
    status: run.status,
    fileName: parameters.fileName,
    country: parameters.country,
    trigger: parameters.trigger ?? null,
    window: typeof raw.since === "string" && typeof raw.until === "string" ? { since: raw.since, until: raw.until } : null,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    accepted: run.accepted,
    duplicates: run.duplicates,
    rejected: run.rejected,
    error: run.error,
    triggeredBy: run.triggeredBy?.name ?? null,
    rolledBackAt: run.rolledBackAt,
    rolledBackBy: run.rolledBackBy?.name ?? null,
  };
}

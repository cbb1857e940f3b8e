import { z } from "zod";
import { FEED_NAMES } from "@/lib/ingest/feed-names";

/**
 * Schemas of the import console and the ingest runs: the upload form, the
 * proposal decisions, route ids, and the parameters an ingest run records.
 */

/** Largest file the staff upload accepts. next.config.ts lets server-action bodies reach 10 MB, leaving room for the form's overhead. */
export const STOP_UPLOAD_MAX_BYTES = 8 * 1024 * 1024;

export const ZCountryFilter = z
  .string()
  .trim()
  .min(2, "name a country, e.g. Kazakhstan")
  .max(100)
  .regex(/^[\p{L}\p{M} .,'()-]+$/u, "use the country's name as the STOP sheet writes it");

/** The upload form's fields other than the file. */
export const ZStopUploadForm = z.object({
  country: ZCountryFilter.default("Kazakhstan"),
});

/** A positive integer id from a route segment or a form field. */
export const ZRecordId = z.coerce.number().int().positive().max(2_147_483_647);

export const ZProposalDecisionForm = z.object({
  proposalId: ZRecordId,
  /** The incident version the editor saw the diff against; a newer one is a CONFLICT. */
  baseVersion: ZRecordId,
});

/** What an ingest run records about itself in `parameters`. Read leniently: older runs may lack fields. */
export const ZIngestRunParameters = z.object({
  fileName: z.string().catch(""),
  country: z.string().catch(""),
  variant: z.string().optional().catch(undefined),
  ignoredColumns: z.array(z.string()).catch([]),
  skippedOtherCountries: z.number().int().catch(0),
  createdIncidentIds: z.array(z.number().int()).catch([]),
  /** The line of a STOP sheet's header row, and the rows above it (a title, a disclaimer), which are not data. */
  headerLine: z.number().int().optional().catch(undefined),
  rowsAboveHeader: z.array(z.string()).catch([]),
  /** How the run was started: "upload" (the console), "schedule" (a scheduled pull); absent for the command line. */
  trigger: z.enum(["upload", "schedule"]).optional().catch(undefined),
});
export type IngestRunParameters = z.infer<typeof ZIngestRunParameters>;

export function readRunParameters(value: unknown): IngestRunParameters {
  return ZIngestRunParameters.parse(value && typeof value === "object" ? value : {});
}

/**
 * What the console asks its upload worker to do (scripts/ingest-upload-worker.ts,
 * started by ingestUpload): the file itself arrives on the worker's standard input.
 */
export const ZIngestUploadJob = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("feed"), feed: z.enum(FEED_NAMES), fileName: z.string().max(200) }),
  z.object({ kind: z.literal("stop"), country: ZCountryFilter, fileName: z.string().max(200) }),
]);
export type IngestUploadJob = z.infer<typeof ZIngestUploadJob>;

/** A place in a run's rejects: the line and id of the reject a page starts after or ends before. */
export type RejectCursor = { line: number; id: number };

/** "1523-88" (line, id) from a page address, or null when it is not one. */
export const ZRejectCursor = z
  .string()
  .regex(/^-?\d{1,10}-\d{1,10}$/)
  .transform((value, context): RejectCursor => {
    const [, line, id] = /^(-?\d+)-(\d+)$/.exec(value)!;
    const cursor = { line: Number(line), id: Number(id) };
    if (Math.abs(cursor.line) > 2_147_483_647 || cursor.id > 2_147_483_647) {
      context.addIssue({ code: "custom", message: "out of range" });
      return z.NEVER;
    }
    return cursor;
  });

/** The run page's address parameters: which page of rejects to show. Bad values are ignored (the first page). */
export const ZRejectPageQuery = z.object({
  after: ZRejectCursor.optional().catch(undefined),
  before: ZRejectCursor.optional().catch(undefined),
  line: z.coerce.number().int().min(0).max(2_147_483_647).optional().catch(undefined),
});

export const rejectCursorParam = (cursor: RejectCursor) => `${cursor.line}-${cursor.id}`;

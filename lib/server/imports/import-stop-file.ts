import "server-only";
import type { Readable } from "node:stream";
import { requirePermission } from "@/lib/auth/require-permission";
import { authorIdOf, SYSTEM, type Actor, type Caller } from "@/lib/auth/permissions";
import { getDb, type Database } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StopDraft } from "@/lib/ingest/stop/draft";
import { proposalChanges } from "@/lib/ingest/stop/merge-proposal";
import { DEFAULT_STOP_COUNTRY, parseStopCsv } from "@/lib/ingest/stop/parse-stop-csv";
import type { StopProblem, StopRecord } from "@/lib/ingest/stop/record";
import { toSnapshot } from "@/lib/incidents/snapshot";
import { clipText, INGEST_LIMITS } from "@/lib/ingest/limits";
import { describeIncidentIssue, ZIncidentInput } from "@/lib/schemas/incident";
import type { IngestRunParameters } from "@/lib/schemas/import";
import { createIncident } from "@/lib/server/incidents/create-incident";
import { startIngestRun } from "@/lib/server/ingest/start-ingest-run";
import { readIncidentState } from "@/lib/server/incidents/read-incident-snapshot";
import { findSameEventIncident } from "./find-same-event-incident";
import { loadStopReference } from "./load-stop-reference";

export type ImportStopFileRequest = {
  caller: Caller;
  db?: Database;
  /** The CSV: a stream (a file, stdin, an upload) or its text. */
  input: Readable | string;
  /** Shown in the run list; not opened. */
  fileName: string;
  /** Rows of this country are imported (default Kazakhstan). */
  country?: string;
  /** Called once per row, in file order (the CLI prints these). */
  onProgress?: (event: StopImportProgress) => void;
  /** Called once the run exists (RUNNING): the console's upload worker reports the id at once. */
  onRunStarted?: (runId: number) => void;
  /** Recorded on the run: "upload" for the console. */
  trigger?: "upload";
  /** The database of the run's ownership lock (startIngestRun); default DATABASE_URL, the database of getDb(). */
  connectionString?: string;
};

export type StopImportProgress =
  | { kind: "reference"; operators: number; regions: number }
  | { kind: "header"; variant: string; ignoredColumns: string[]; line: number; rowsAbove: number }
  | { kind: "created"; line: number; incidentId: number; slug: string }
  | { kind: "proposed"; line: number; incidentId: number; proposalId: number }
  | { kind: "duplicate"; line: number; incidentId: number; reason: "unchanged" | "nothing-new" | "already-proposed" | "archived" }
  | { kind: "rejected"; line: number; problems: StopProblem[] }
  | { kind: "skipped"; line: number; country: string };

export type StopImportSummary = { runId: number; accepted: number; duplicates: number; rejected: number };

/** What became of one usable row. */
type RowOutcome = Exclude<StopImportProgress, { kind: "reference" | "header" | "rejected" | "skipped" }>;

/**
 * Imports a #KeepItOn STOP CSV export (any sheet layout, see
 * lib/ingest/stop). For each row of the chosen country:
 *
 * - its natural key is known and the row hash is the one last seen: a
 *   duplicate;
 * - the key is known and the row changed: a proposal against the incident
 *   the key belongs to (the same changed row again: a duplicate);
 * - the key is unknown but an existing incident clearly is the same event
 *   (findSameEventIncident): the key is recorded against it, with a proposal;
 * - otherwise: a new DRAFT incident, with the key recorded.
 *
 * A proposal that would change nothing in the incident (mergeStopProposal)
 * is not made: the row counts as a duplicate. Rows that cannot be used are
 * stored as IngestRejects (line, column, reason, the row as written, at most
 * INGEST_LIMITS.rejectRawBytes of it). The run ends SUCCEEDED with its
 * counts, or FAILED with the reason on a fatal error (an unrecognisable
 * header, a row over the size limit, an unreadable stream), which is
 * rethrown; while it runs, this process holds it (startIngestRun), so a
 * killed import is marked ABANDONED by the next run or a sweep.
 *
 * One STOP import runs at a time (an advisory lock), so two uploads of the
 * same file cannot both create a draft for a row. Requires `import:run`.
 */
export async function importStopFile(request: ImportStopFileRequest): Promise<StopImportSummary> {
  const db = request.db ?? getDb();
  const actor = await requirePermission(request.caller, "import:run");
  const country = request.country?.trim() || DEFAULT_STOP_COUNTRY;
  const parameters: IngestRunParameters = {
    fileName: request.fileName,
    country,
    ignoredColumns: [],
    skippedOtherCountries: 0,
    createdIncidentIds: [],
    rowsAboveHeader: [],
    ...(request.trigger ? { trigger: request.trigger } : {}),
  };
  const owned = await startIngestRun({ source: "STOP", parameters, triggeredById: authorIdOf(actor), connectionString: request.connectionString });
  const run = { id: owned.runId };
  request.onRunStarted?.(run.id);
  const counts = { accepted: 0, duplicates: 0, rejected: 0 };
  const progress = request.onProgress ?? (() => undefined);

  try {
    await withStopImportLock(db, async () => {
      const reference = await loadStopReference(db);
      progress({ kind: "reference", operators: reference.operators.length, regions: reference.regions.length });
      for await (const event of parseStopCsv(request.input, { country, reference })) {
        switch (event.kind) {
          case "header":
            parameters.variant = event.layout.variant;
            parameters.ignoredColumns = event.layout.ignoredColumns;
            parameters.headerLine = event.line;
            parameters.rowsAboveHeader = event.rowsAbove;
            progress({ kind: "header", variant: event.layout.variant, ignoredColumns: event.layout.ignoredColumns, line: event.line, rowsAbove: event.rowsAbove.length });
            break;
          case "skipped":
            parameters.skippedOtherCountries += 1;
            progress({ kind: "skipped", line: event.line, country: event.country });
            break;
          case "reject":
            await storeReject(db, run.id, event.line, event.raw, event.problems);
            counts.rejected += 1;
            progress({ kind: "rejected", line: event.line, problems: event.problems });
            break;
          case "row": {
            const outcome = await importRow(db, actor, run.id, request.fileName, event);
            if (outcome.kind === "rejected") {
              await storeReject(db, run.id, event.line, event.raw, outcome.problems);
              counts.rejected += 1;
              progress(outcome);
              break;
            }
            if (outcome.kind === "created") parameters.createdIncidentIds.push(outcome.incidentId);
            if (outcome.kind === "duplicate") counts.duplicates += 1;
            else counts.accepted += 1;
            progress(outcome);
            break;
          }
        }
      }
    });
  } catch (error) {
    const reason = isAppError(error) ? error.message : "The import stopped on an unexpected error; the server log has the details.";
    await owned.finish({ status: "FAILED", error: reason, ...counts, parameters });
    throw error;
  }
  await owned.finish({ status: "SUCCEEDED", ...counts, parameters });
  return { runId: run.id, ...counts };
}

async function storeReject(db: Database, runId: number, line: number, raw: string, problems: StopProblem[]) {
  const kept = clipText(raw, INGEST_LIMITS.rejectRawBytes);
  await db.ingestReject.createMany({
    data: problems.map((problem) => ({ runId, position: line, field: problem.column, reason: clipText(problem.message, INGEST_LIMITS.rejectReasonBytes), raw: kept })),
  });
}

type RowEvent = { line: number; raw: string; record: StopRecord; draft: StopDraft };

async function importRow(
  db: Database,
  actor: Actor | typeof SYSTEM,
  runId: number,
  fileName: string,
  row: RowEvent,
): Promise<RowOutcome | { kind: "rejected"; line: number; problems: StopProblem[] }> {
  const { draft, line } = row;
  const where = { source_key: { source: "STOP" as const, key: draft.naturalKey } };
  const known = await db.incidentExternalKey.findUnique({ where });

  if (known) {
    if (known.rowHash === draft.rowHash) return { kind: "duplicate", line, incidentId: known.incidentId, reason: "unchanged" };
    const outcome = await proposeUpdate(db, runId, known.incidentId, row);
    await db.incidentExternalKey.update({ where, data: { rowHash: draft.rowHash } });
    return outcome;
  }

  const match = await findSameEventIncident(db, { startDate: row.record.startDate, type: draft.type });
  if (match.incidentId !== null) {
    await db.incidentExternalKey.create({ data: { source: "STOP", key: draft.naturalKey, incidentId: match.incidentId, rowHash: draft.rowHash } });
    return proposeUpdate(db, runId, match.incidentId, row);
  }

  const slug = await freeSlug(db, draft);
  try {
    const created = await createIncident({
      caller: actor,
      input: { ...draft.input, slug },
      db,
      action: "IMPORT",
      note: `Imported from the #KeepItOn STOP data: ${fileName}, line ${line} (run ${runId}).`,
    });
    await db.incidentExternalKey.create({ data: { source: "STOP", key: draft.naturalKey, incidentId: created.id, rowHash: draft.rowHash } });
    return { kind: "created", line, incidentId: created.id, slug };
  } catch (error) {
    // A database check the pure parser cannot make (e.g. an operator removed meanwhile) rejects the row, not the run.
    if (isAppError(error, "VALIDATION")) {
      const details = Object.entries(error.fieldIssues ?? {}).map(([path, issues]) => `${path || "row"}: ${issues.map(describeIncidentIssue).join(", ")}`);
      return { kind: "rejected", line, problems: [{ column: null, message: details.length > 0 ? details.join("; ") : error.message }] };
    }
    throw error;
  }
}

/** A proposal for the incident, unless the same row was proposed before or it would change nothing. */
async function proposeUpdate(db: Database, runId: number, incidentId: number, row: RowEvent): Promise<RowOutcome> {
  const { draft, line } = row;
  const already = await db.incidentProposal.findUnique({
    where: { source_externalKey_rowHash: { source: "STOP", externalKey: draft.naturalKey, rowHash: draft.rowHash } },
    select: { id: true },
  });
  if (already) return { kind: "duplicate", line, incidentId, reason: "already-proposed" };
  const current = await readIncidentState(db, incidentId);
  if (!current) throw new AppError("NOT_FOUND", `Incident ${incidentId} vanished during the import.`);
  if (current.status === "ARCHIVED") return { kind: "duplicate", line, incidentId, reason: "archived" };
  const proposed = toSnapshot(ZIncidentInput.parse(draft.input));
  if (proposalChanges(current.snapshot, proposed).length === 0) return { kind: "duplicate", line, incidentId, reason: "nothing-new" };
  const proposal = await db.incidentProposal.create({
    data: { incidentId, runId, source: "STOP", externalKey: draft.naturalKey, rowHash: draft.rowHash, proposed: proposed as Prisma.InputJsonObject },
  });
  return { kind: "proposed", line, incidentId, proposalId: proposal.id };
}

/** The draft's slug, or a variant of it no incident uses yet. */
async function freeSlug(db: Database, draft: StopDraft): Promise<string> {
  const base = draft.input.slug;
  for (const candidate of [base, `${base}-${draft.rowHash.slice(0, 6)}`, `${base}-${draft.rowHash.slice(0, 12)}`]) {
    if (!(await db.incident.findUnique({ where: { slug: candidate }, select: { id: true } }))) return candidate;
  }
  throw new AppError("CONFLICT", `Every slug tried for the row starting ${base} is taken.`);
}

/**
 * Runs `work` while holding PostgreSQL advisory lock "kst:import:stop" in a
 * transaction of its own (released when `work` ends, or if the process dies).
 * A second import meanwhile fails fast with CONFLICT.
 */
async function withStopImportLock<T>(db: Database, work: () => Promise<T>): Promise<T> {
  let releaseLock!: () => void;
  const workDone = new Promise<void>((resolve) => (releaseLock = resolve));
  let reportLocked!: (locked: boolean) => void;
  const lockAttempt = new Promise<boolean>((resolve) => (reportLocked = resolve));
  const holder = db
    .$transaction(
      async (tx) => {
        const [row] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext('kst:import:stop')) AS locked`;
        reportLocked(row?.locked === true);
        if (row?.locked) await workDone;
      },
      { maxWait: 10_000, timeout: 6 * 3_600_000 },
    )
    .catch((error: unknown) => {
      reportLocked(false);
      return error;
    });
  if (!(await lockAttempt)) {
    releaseLock();
    const failure = await holder;
    if (failure) throw failure;
    throw new AppError("CONFLICT", "Another STOP import is running. Try again when it has finished.");
  }
  try {
    return await work();
  } finally {
    releaseLock();
    await holder;
  }
}

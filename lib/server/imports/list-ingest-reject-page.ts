import "server-only";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Caller } from "@/lib/auth/permissions";
import { getDb, type Database } from "@/lib/db/client";
import type { RejectCursor } from "@/lib/schemas/import";

export type IngestRejectView = { id: number; line: number; column: string | null; reason: string; raw: string };

export type IngestRejectPage = {
  rejects: IngestRejectView[];
  /** Cursors of the neighbouring pages; null at either end. */
  previous: RejectCursor | null;
  next: RejectCursor | null;
};

export const REJECT_PAGE_SIZE = 100;

/**
 * One page of a run's rejects in file order (line, then id: a row with
 * several problems has one reject each), read by keyset from the
 * (run_id, position, id) index: the page after `after`, the page before
 * `before`, the page starting at line `fromLine`, or the first page. Its
 * cost does not depend on how many rejects the run has (a run with a
 * million opens as fast as one with ten). Requires `import:run`.
 */
export async function listIngestRejectPage(request: {
  caller: Caller;
  runId: number;
  after?: RejectCursor;
  before?: RejectCursor;
  fromLine?: number;
  pageSize?: number;
  db?: Database;
}): Promise<IngestRejectPage> {
  await requirePermission(request.caller, "import:run");
  const db = request.db ?? getDb();
  const size = Math.min(Math.max(request.pageSize ?? REJECT_PAGE_SIZE, 1), 500);
  type Row = { id: number; position: number; field: string | null; reason: string; raw: string };
  let rows: Row[];
  if (request.before) {
    const { line, id } = request.before;
    rows = (
      await db.$queryRaw<Row[]>`
        SELECT id, position, field, reason, raw FROM ingest_rejects
        WHERE run_id = ${request.runId} AND (position, id) < (${line}, ${id})
        ORDER BY position DESC, id DESC LIMIT ${size + 1}`
    ).reverse();
    const hasPrevious = rows.length > size;
    if (hasPrevious) rows = rows.slice(1);
    return page(rows, hasPrevious, true);
  }
  const [line, id] = request.after ? [request.after.line, request.after.id] : [request.fromLine === undefined ? -2_147_483_648 : request.fromLine, -1];
  rows = await db.$queryRaw<Row[]>`
    SELECT id, position, field, reason, raw FROM ingest_rejects
    WHERE run_id = ${request.runId} AND (position, id) > (${line}, ${id})
    ORDER BY position, id LIMIT ${size + 1}`;
  const hasNext = rows.length > size;
  if (hasNext) rows = rows.slice(0, size);
  const hasPrevious =
    rows.length > 0 &&
    (request.after !== undefined || request.fromLine !== undefined) &&
    (
      await db.$queryRaw<{ one: number }[]>`
        SELECT 1 AS one FROM ingest_rejects WHERE run_id = ${request.runId} AND (position, id) < (${rows[0]!.position}, ${rows[0]!.id}) LIMIT 1`
    ).length > 0;
  return page(rows, hasPrevious, hasNext);

  function page(rows: Row[], hasPrevious: boolean, hasNext: boolean): IngestRejectPage {
    const first = rows[0];
    const last = rows.at(-1);
    return {
      rejects: rows.map((row) => ({ id: row.id, line: row.position, column: row.field, reason: row.reason, raw: row.raw })),
      previous: hasPrevious && first ? { line: first.position, id: first.id } : null,
      next: hasNext && last ? { line: last.position, id: last.id } : null,
    };
  }
}

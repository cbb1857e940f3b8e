import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { getPgPool } from "@/lib/db/pg-pool";
import { createTestActor } from "@/lib/testing/users";
import { getIngestRun } from "./get-ingest-run";
import { listIngestRejectPage, REJECT_PAGE_SIZE } from "./list-ingest-reject-page";

/**
 * A run with a million rejects (inserted with SQL, as a hostile file would
 * leave them) opens at once: the report reads none of them, and each page of
 * rejects is one keyset read of the (run_id, position, id) index.
 */

const MILLION = 1_000_000;
let editor: Actor;
let runId: number;

beforeAll(async () => {
  editor = await createTestActor({ role: "editor" });
  const pool = getPgPool();
  const {
    rows: [run],
  } = await pool.query<{ id: number }>(
    "INSERT INTO ingest_runs (source, status, parameters, finished_at, accepted, rejected) VALUES ('CSV', 'SUCCEEDED', '{\"fileName\":\"hostile.csv\"}', now(), 3, $1) RETURNING id",
    [MILLION],
  );
  runId = run!.id;
  // Lines 2 … 1,000,001; every 1,000th line has a second problem (two rejects on one line).
  await pool.query(
    `INSERT INTO ingest_rejects (run_id, position, field, reason, raw)
     SELECT $1, n + 1, 'value', 'value "x' || n || '" is not a number', '2022-01-05T00:00:00Z,9198,probe.reachability,x' || n
     FROM generate_series(1, $2 - $2 / 1000) AS n`,
    [runId, MILLION],
  );
  await pool.query(
    `INSERT INTO ingest_rejects (run_id, position, field, reason, raw)
     SELECT $1, n * 1000 + 1, 'timestamp', 'second problem', 'row ' || n FROM generate_series(1, $2 / 1000) AS n`,
    [runId, MILLION],
  );
  await pool.query("ANALYZE ingest_rejects");
}, 300_000);

const time = async <T>(work: () => Promise<T>) => {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
};

describe("a run with a million rejects", () => {
  it("has them all", async () => {
    const [row] = (await getPgPool().query<{ count: number }>("SELECT count(*)::integer AS count FROM ingest_rejects WHERE run_id = $1", [runId])).rows;
    expect(row!.count).toBe(MILLION);
  });

  it("opens its report and any page of rejects in milliseconds", async () => {
    // Warm the connection pools first: the measure is of the queries.
    await getIngestRun({ caller: editor, id: runId });
    const report = await time(() => getIngestRun({ caller: editor, id: runId }));
    expect(report.result).toMatchObject({ rejected: MILLION, fileName: "hostile.csv" });
    const first = await time(() => listIngestRejectPage({ caller: editor, runId }));
    const deep = await time(() => listIngestRejectPage({ caller: editor, runId, fromLine: 987_654 }));
    const last = await time(() => listIngestRejectPage({ caller: editor, runId, fromLine: 999_950 }));
    const back = await time(() => listIngestRejectPage({ caller: editor, runId, before: deep.result.rejects[0]! && { line: deep.result.rejects[0]!.line, id: deep.result.rejects[0]!.id } }));
    for (const [name, measured] of Object.entries({ report, first, deep, last, back })) {
      // A full read of a million rows takes seconds; an index read takes milliseconds. The bound leaves room for a busy machine.
      expect(measured.ms, name).toBeLessThan(500);
    }
    const plan = (
      await getPgPool().query<{ "QUERY PLAN": string }>(
        "EXPLAIN SELECT id, position, field, reason, raw FROM ingest_rejects WHERE run_id = $1 AND (position, id) > (987654, -1) ORDER BY position, id LIMIT 101",
        [runId],
      )
    ).rows
      .map((row) => row["QUERY PLAN"])
      .join("\n");
    expect(plan).toContain("Index Scan using ingest_rejects_run_id_position_id_idx");
    expect(plan).not.toMatch(/Sort|Seq Scan/);
  });

  it("pages forward and back in file order, a line's problems together, with no gap or repeat", async () => {
    const first = await listIngestRejectPage({ caller: editor, runId });
    expect(first.rejects).toHaveLength(REJECT_PAGE_SIZE);
    expect(first.previous).toBeNull();
    expect(first.rejects[0]).toMatchObject({ line: 2, column: "value", raw: "2022-01-05T00:00:00Z,9198,probe.reachability,x1" });

    // Around line 1001, which has two problems.
    const around = await listIngestRejectPage({ caller: editor, runId, fromLine: 995 });
    const lines = around.rejects.map((reject) => reject.line);
    expect(lines.slice(0, 8)).toEqual([995, 996, 997, 998, 999, 1000, 1001, 1001]);
    const next = await listIngestRejectPage({ caller: editor, runId, after: around.next! });
    expect(next.rejects[0]!.line).toBe(around.rejects.at(-1)!.line + (around.rejects.at(-1)!.line === 1001 ? 0 : 1));
    const back = await listIngestRejectPage({ caller: editor, runId, before: next.previous! });
    expect(back.rejects.map((reject) => reject.id)).toEqual(around.rejects.map((reject) => reject.id));

    const last = await listIngestRejectPage({ caller: editor, runId, fromLine: 999_990 });
    expect(last.next).toBeNull();
    expect(last.rejects.at(-1)!.line).toBe(1_000_001);
    expect(await listIngestRejectPage({ caller: editor, runId, fromLine: 5_000_000 })).toEqual({ rejects: [], previous: null, next: null });
  });

  it("is refused to contributors", async () => {
    const contributor = await createTestActor({ role: "contributor" });
    await expect(listIngestRejectPage({ caller: contributor, runId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await getDb().ingestReject.count({ where: { runId, position: 2 } })).toBe(1);
  });
});

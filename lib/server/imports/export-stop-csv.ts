import "server-only";
import { stringify } from "csv-stringify/sync";
import type { Caller } from "@/lib/auth/permissions";
import { getDb, type Database } from "@/lib/db/client";
import { STOP_2022_HEADER } from "@/lib/ingest/stop/columns";
import { stopRowCells, stopRowFromSnapshot } from "@/lib/ingest/stop/export-row";
import { readIncidentState } from "@/lib/server/incidents/read-incident-snapshot";

/**
 * The published incidents, oldest first, as a CSV in the 2022 #KeepItOn STOP
 * column layout (one row per incident; see lib/ingest/stop/export-row.ts).
 * Public data only: drafts, incidents in review and archived ones are never
 * exported. Public: open to every caller.
 */
export async function exportStopCsv({ db = getDb() }: { caller: Caller; db?: Database }): Promise<string> {
  const [published, operators, regions] = await Promise.all([
    db.incident.findMany({ where: { status: "PUBLISHED" }, select: { id: true }, orderBy: [{ startsAt: "asc" }, { id: "asc" }] }),
    db.operator.findMany({ select: { slug: true, name: true } }),
    db.region.findMany({ select: { slug: true, nameEn: true } }),
  ]);
  const names = {
    operators: new Map(operators.map((operator) => [operator.slug, operator.name])),
    regions: new Map(regions.map((region) => [region.slug, region.nameEn])),
  };
  const rows: string[][] = [];
  for (const { id } of published) {
    const state = await readIncidentState(db, id);
    // Published a moment ago and unpublished since: left out.
    if (state?.status === "PUBLISHED") rows.push(stopRowCells(stopRowFromSnapshot(state.snapshot, names)));
  }
  return stringify([[...STOP_2022_HEADER], ...rows], { record_delimiter: "windows" });
}

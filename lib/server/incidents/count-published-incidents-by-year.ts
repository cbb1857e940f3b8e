import "server-only";
import type { Caller } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { DisruptionType } from "@/lib/generated/prisma/enums";
import { KAZAKHSTAN_TIME_ZONE, kazakhstanYear } from "@/lib/time/format";

export type IncidentsInYear = { year: number; total: number; byType: Partial<Record<DisruptionType, number>> };

/**
 * Published incidents per calendar year (Kazakhstan time) of their start, by
 * type, for every year from the first incident to the current one, zeros included.
 * Public: open to every caller.
 */
export async function countPublishedIncidentsByYear({ now = new Date() }: { caller: Caller; now?: Date }): Promise<IncidentsInYear[]> {
  const rows = await getDb().$queryRaw<{ year: number; type: DisruptionType; count: number }[]>`
    SELECT extract(year FROM starts_at AT TIME ZONE ${KAZAKHSTAN_TIME_ZONE})::int AS year, type::text AS type, count(*)::int AS count
    FROM incidents WHERE status = 'PUBLISHED'
    GROUP BY 1, 2 ORDER BY 1`;
  if (rows.length === 0) return [];
  const lastYear = Math.max(rows.at(-1)!.year, kazakhstanYear(now));
  const years: IncidentsInYear[] = [];
  for (let year = rows[0]!.year; year <= lastYear; year++) {
    const inYear = rows.filter((row) => row.year === year);
    years.push({
      year,
      total: inYear.reduce((sum, row) => sum + row.count, 0),
      byType: Object.fromEntries(inYear.map((row) => [row.type, row.count])),
    });
  }
  return years;
}

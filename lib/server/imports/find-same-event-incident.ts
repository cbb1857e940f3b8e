import "server-only";
import type { Database } from "@/lib/db/client";
import type { DisruptionType } from "@/lib/generated/prisma/enums";
import { compatibleTypes } from "@/lib/ingest/stop/classify";
import { dayStartInKazakhstan, daysBetween, kazakhstanDayOf } from "@/lib/ingest/stop/kazakhstan-days";
import type { CalendarDay } from "@/lib/ingest/stop/values";

const DAY = 86_400_000;

export type SameEventMatch = { incidentId: number } | { incidentId: null; ambiguousWith: number[] };

/**
 * The existing incident a STOP row with an unknown key clearly describes, if
 * there is one. The rule, for incidents that are not archived:
 *
 * 1. the type is compatible (a network cut, throttling or blocking, see
 *    compatibleTypes) with the incident's type or one of its phases' types;
 * 2. and the row's start day (in Kazakhstan) is the day the incident or one
 *    of its phases starts, or the day before or after (distance 0 or 1);
 *    or, failing that, falls inside the incident's recorded period
 *    (distance 2: STOP often dates an event by a later phase);
 * 3. the closest incident wins; an incident of exactly the row's type wins a
 *    tie. Two incidents still tied are not "clearly" the event: no match.
 */
export async function findSameEventIncident(db: Database, row: { startDate: CalendarDay; type: DisruptionType }): Promise<SameEventMatch> {
  const rowStart = dayStartInKazakhstan(row.startDate);
  const windowStart = new Date(rowStart.getTime() - 2 * DAY);
  const windowEnd = new Date(rowStart.getTime() + 3 * DAY);
  const candidates = await db.incident.findMany({
    where: {
      status: { not: "ARCHIVED" },
      OR: [
        { startsAt: { gte: windowStart, lt: windowEnd } },
        { phases: { some: { startsAt: { gte: windowStart, lt: windowEnd } } } },
        { startsAt: { lt: new Date(rowStart.getTime() + DAY) }, endsAt: { gte: rowStart } },
      ],
    },
    select: { id: true, type: true, startsAt: true, endsAt: true, phases: { select: { type: true, startsAt: true } } },
    orderBy: { id: "asc" },
  });

  const scored: { id: number; score: number }[] = [];
  for (const incident of candidates) {
    const types = [incident.type, ...incident.phases.map((phase) => phase.type)];
    if (!types.some((type) => compatibleTypes(type, row.type))) continue;
    const starts = [incident.startsAt, ...incident.phases.map((phase) => phase.startsAt)].map(kazakhstanDayOf);
    const distance = Math.min(...starts.map((day) => Math.abs(daysBetween(row.startDate, day))));
    let score: number;
    if (distance <= 1) score = distance;
    else if (
      incident.endsAt &&
      daysBetween(kazakhstanDayOf(incident.startsAt), row.startDate) >= 0 &&
      daysBetween(row.startDate, kazakhstanDayOf(incident.endsAt)) >= 0
    ) {
      score = 2;
    } else continue;
    scored.push({ id: incident.id, score: score - (incident.type === row.type ? 0.5 : 0) });
  }
  if (scored.length === 0) return { incidentId: null, ambiguousWith: [] };
  const best = Math.min(...scored.map((candidate) => candidate.score));
  const winners = scored.filter((candidate) => candidate.score === best);
  return winners.length === 1 ? { incidentId: winners[0]!.id } : { incidentId: null, ambiguousWith: winners.map((winner) => winner.id) };
}

import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { periodOfFilters, type IncidentFilters } from "@/lib/schemas/incident-filters";
import { kazakhstanDayStart } from "@/lib/time/format";
import { dateTimeFormat } from "@/lib/time/intl-formats";

/** Filters every view accepts; display-only and paging fields may be left out. */
export type IncidentQueryFilters = Omit<IncidentFilters, "page" | "zone" | "causes"> & Partial<Pick<IncidentFilters, "causes">>;

/** No filter: every published incident (the overview, the global feed). */
export const EVERY_PUBLISHED_INCIDENT: IncidentQueryFilters = { years: [], operators: [], regions: [], types: [], services: [] };

/** The list's order, and the API's and the download's keyset: newest start first, then newest id. */
export const NEWEST_FIRST: Prisma.IncidentOrderByWithRelationInput[] = [{ startsAt: "desc" }, { id: "desc" }];

/**
 * Published incidents matching the shared filters. The list, the timeline, the
 * map, the operator charts, the API, the download and the feeds all select
 * with this, so they agree.
 */
export function publishedIncidentWhere(filters: IncidentQueryFilters): Prisma.IncidentWhereInput {
  const and: Prisma.IncidentWhereInput[] = [];
  const period = periodOfFilters(filters);
  // In the period: began before it ended, and is not known to have ended before it began (decision 0013):
  // ongoing, or ended in or after it, or — its end not recorded — began in it or was last reported in it.
  if (period.to) and.push({ startsAt: { lt: period.to } });
  if (period.from) and.push({ OR: ranInto(period.from) });
  if (filters.years.length > 0) {
    // In a year: began in it, or ran into it.
    and.push({
      OR: filters.years.map((year) => {
        const from = kazakhstanDayStart(year, 1, 1);
        const to = kazakhstanDayStart(year + 1, 1, 1);
        return { startsAt: { lt: to }, OR: [{ startsAt: { gte: from } }, ...ranInto(from)] };
      }),
    });
  }
  if (filters.operators.length > 0) {
    and.push({
      OR: [
        { operators: { some: { operator: { slug: { in: filters.operators } } } } },
        { phases: { some: { operators: { some: { operator: { slug: { in: filters.operators } } } } } } },
      ],
    });
  }
  if (filters.regions.length > 0) {
    // Nationwide incidents affected every region.
    and.push({
      OR: [
        { scope: "NATIONAL" },
        { regions: { some: { region: { slug: { in: filters.regions } } } } },
        { phases: { some: { regions: { some: { region: { slug: { in: filters.regions } } } } } } },
      ],
    });
  }
  if (filters.types.length > 0) {
    and.push({ OR: [{ type: { in: filters.types } }, { phases: { some: { type: { in: filters.types } } } }] });
  }
  if (filters.services.length > 0) {
    and.push({ OR: [{ services: { hasSome: filters.services } }, { phases: { some: { services: { hasSome: filters.services } } } }] });
  }
  if (filters.causes?.length) and.push({ cause: { in: filters.causes } });
  if (filters.state === "ongoing") and.push({ endStatus: "ONGOING" });
  if (filters.state === "ended") and.push({ endStatus: "RECORDED" });
  if (filters.state === "end-not-recorded") and.push({ endStatus: "NOT_RECORDED" });
  return { status: "PUBLISHED", AND: and };
}

/** Incidents still running at `instant`, or known to have run until it or later. */
function ranInto(instant: Date): Prisma.IncidentWhereInput[] {
  // A last-reported day is a calendar date: compare with the Kazakhstan day `instant` falls on.
  const day = new Date(`${dateTimeFormat("en-CA", { timeZone: "Asia/Almaty", year: "numeric", month: "2-digit", day: "2-digit" }).format(instant)}T00:00:00Z`);
  return [{ endStatus: "ONGOING" }, { endsAt: { gte: instant } }, { endStatus: "NOT_RECORDED", startsAt: { gte: instant } }, { endStatus: "NOT_RECORDED", lastReportedOn: { gte: day } }];
}

import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AffectedService, DisruptionType, EndStatus, IncidentScope, TimePrecision, VerificationLevel } from "@/lib/generated/prisma/enums";
import { localized } from "@/lib/i18n/localize";
import { periodOfFilters, type IncidentFilters } from "@/lib/schemas/incident-filters";
import { kazakhstanDayStart } from "@/lib/time/format";

export const INCIDENTS_PAGE_SIZE = 25;

export type IncidentSummary = {
  slug: string;
  title: string;
  summary: string;
  startsAt: Date;
  startPrecision: TimePrecision;
  endsAt: Date | null;
  endPrecision: TimePrecision | null;
  endStatus: EndStatus;
  lastCheckedOn: Date | null;
  lastReportedOn: Date | null;
  scope: IncidentScope;
  type: DisruptionType;
  /** The incident's type plus every phase type, without repeats. */
  types: DisruptionType[];
  services: AffectedService[];
  verification: VerificationLevel;
  operators: { slug: string; name: string }[];
  regions: { slug: string; name: string }[];
  phaseCount: number;
  sourceCount: number;
};


/** Filters every view accepts; display-only and paging fields may be left out. */
export type IncidentQueryFilters = Omit<IncidentFilters, "page" | "zone" | "causes"> & Partial<Pick<IncidentFilters, "causes">>;

/**
 * Published incidents matching the shared filters. The list, the timeline, the
 * map and the operator charts all select with this, so they agree.
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
  const day = new Date(`${new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Almaty", year: "numeric", month: "2-digit", day: "2-digit" }).format(instant)}T00:00:00Z`);
  return [{ endStatus: "ONGOING" }, { endsAt: { gte: instant } }, { endStatus: "NOT_RECORDED", startsAt: { gte: instant } }, { endStatus: "NOT_RECORDED", lastReportedOn: { gte: day } }];
}

/**
 * Published incidents matching the filters, newest first. Pass `pageSize: "all"`
 * for every match (the overview's timeline).
 */
export async function listPublishedIncidents(options: {
  filters: IncidentQueryFilters & { page?: number };
  locale: string;
  pageSize?: number | "all";
}): Promise<{ incidents: IncidentSummary[]; total: number; page: number; pageCount: number }> {
  const db = getDb();
  const where = publishedIncidentWhere(options.filters);
  const pageSize = options.pageSize ?? INCIDENTS_PAGE_SIZE;
  const total = await db.incident.count({ where });
  const pageCount = pageSize === "all" ? 1 : Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(options.filters.page ?? 1, pageCount);
  const rows = await db.incident.findMany({
    where,
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
    ...(pageSize === "all" ? {} : { skip: (page - 1) * pageSize, take: pageSize }),
    select: {
      slug: true,
      title: true,
      summary: true,
      translations: true,
      startsAt: true,
      startPrecision: true,
      endsAt: true,
      endPrecision: true,
      endStatus: true,
      lastCheckedOn: true,
      lastReportedOn: true,
      scope: true,
      type: true,
      services: true,
      verification: true,
      operators: { select: { operator: { select: { slug: true, name: true } } }, orderBy: { operator: { name: "asc" } } },
      regions: {
        select: { region: { select: { slug: true, nameEn: true, nameRu: true } } },
        orderBy: { region: options.locale === "ru" ? { nameRu: "asc" } : { nameEn: "asc" } },
      },
      phases: { select: { type: true }, orderBy: { position: "asc" } },
      _count: { select: { sources: true } },
    },
  });
  const incidents = rows.map((row) => ({
    slug: row.slug,
    title: localized(row, "title", options.locale)!,
    summary: localized(row, "summary", options.locale)!,
    startsAt: row.startsAt,
    startPrecision: row.startPrecision,
    endsAt: row.endsAt,
    endPrecision: row.endPrecision,
    endStatus: row.endStatus,
    lastCheckedOn: row.lastCheckedOn,
    lastReportedOn: row.lastReportedOn,
    scope: row.scope,
    type: row.type,
    types: [...new Set([row.type, ...row.phases.map((phase) => phase.type)])],
    services: row.services,
    verification: row.verification,
    operators: row.operators.map(({ operator }) => operator),
    regions: row.regions.map(({ region }) => ({ slug: region.slug, name: options.locale === "ru" ? region.nameRu : region.nameEn })),
    phaseCount: row.phases.length,
    sourceCount: row._count.sources,
  }));
  return { incidents, total, page, pageCount };
}

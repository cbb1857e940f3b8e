import "server-only";
import { getDb } from "@/lib/db/client";
import type {
  AffectedService,
  DisruptionType,
  IncidentCause,
  IncidentScope,
  PhaseExtent,
  TimePrecision,
  VerificationLevel,
} from "@/lib/generated/prisma/enums";
import { localized } from "@/lib/i18n/localize";
import { cachedChartData } from "@/lib/server/cache/chart-cache";
import type { IncidentForHours, PhaseForHours } from "@/lib/incidents/disruption-hours";
import { publishedIncidentWhere, type IncidentQueryFilters } from "./list-published-incidents";

export type DashboardPhase = PhaseForHours & {
  label: string;
  extent: PhaseExtent;
  startPrecision: TimePrecision;
  services: AffectedService[];
};

/**
 * A published incident with its phases, as the timeline, the map and the
 * operator charts read it. Operators and regions are slugs; the phases'
 * own lists may be empty (see lib/incidents/disruption-hours.ts for what
 * that means).
 */
export type DashboardIncident = IncidentForHours & {
  slug: string;
  title: string;
  summary: string;
  type: DisruptionType;
  scope: IncidentScope;
  cause: IncidentCause;
  services: AffectedService[];
  verification: VerificationLevel;
  startsAt: Date;
  startPrecision: TimePrecision;
  /** ONGOING only: the Kazakhstan day staff last checked (a calendar date, midnight UTC). */
  lastCheckedOn: Date | null;
  /** NOT_RECORDED only: the last Kazakhstan day a source reports it (a calendar date, midnight UTC). */
  lastReportedOn: Date | null;
  phases: DashboardPhase[];
};

/**
 * Published incidents matching the shared filters, oldest first, with their
 * phases. Cached under the "incidents" tag (lib/server/cache/chart-cache.ts):
 * treat the result as read-only.
 */
export async function listDashboardIncidents(options: { filters: IncidentQueryFilters; locale: string }): Promise<DashboardIncident[]> {
  return cachedChartData("incidents", JSON.stringify({ list: "dashboard-incidents", ...options }), () => loadDashboardIncidents(options));
}

async function loadDashboardIncidents(options: { filters: IncidentQueryFilters; locale: string }): Promise<DashboardIncident[]> {
  const rows = await getDb().incident.findMany({
    where: publishedIncidentWhere(options.filters),
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: {
      slug: true,
      title: true,
      summary: true,
      translations: true,
      type: true,
      scope: true,
      cause: true,
      services: true,
      verification: true,
      startsAt: true,
      startPrecision: true,
      endsAt: true,
      endPrecision: true,
      endStatus: true,
      lastCheckedOn: true,
      lastReportedOn: true,
      operators: { select: { operator: { select: { slug: true } } } },
      regions: { select: { region: { select: { slug: true } } } },
      phases: {
        orderBy: { position: "asc" },
        select: {
          label: true,
          translations: true,
          type: true,
          extent: true,
          startsAt: true,
          startPrecision: true,
          endsAt: true,
          endPrecision: true,
          endStatus: true,
          lastReportedOn: true,
          allOperators: true,
          services: true,
          operators: { select: { operator: { select: { slug: true } } } },
          regions: { select: { region: { select: { slug: true } } } },
        },
      },
    },
  });
  return rows.map((row) => ({
    slug: row.slug,
    title: localized(row, "title", options.locale)!,
    summary: localized(row, "summary", options.locale)!,
    type: row.type,
    scope: row.scope,
    cause: row.cause,
    services: row.services,
    verification: row.verification,
    startsAt: row.startsAt,
    startPrecision: row.startPrecision,
    endsAt: row.endsAt,
    endPrecision: row.endPrecision,
    endStatus: row.endStatus,
    lastCheckedOn: row.lastCheckedOn,
    lastReportedOn: row.lastReportedOn,
    operators: row.operators.map(({ operator }) => operator.slug).sort(),
    regions: row.regions.map(({ region }) => region.slug).sort(),
    phases: row.phases.map((phase) => ({
      label: localized(phase, "label", options.locale)!,
      type: phase.type,
      extent: phase.extent,
      startsAt: phase.startsAt,
      startPrecision: phase.startPrecision,
      endsAt: phase.endsAt,
      endPrecision: phase.endPrecision,
      endStatus: phase.endStatus,
      lastReportedOn: phase.lastReportedOn,
      allOperators: phase.allOperators,
      services: phase.services,
      operators: phase.operators.map(({ operator }) => operator.slug).sort(),
      regions: phase.regions.map(({ region }) => region.slug).sort(),
    })),
  }));
}

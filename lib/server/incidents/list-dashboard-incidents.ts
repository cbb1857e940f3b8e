import "server-only";
import type { Caller } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AffectedService, DisruptionType, IncidentCause, IncidentScope, PhaseExtent, TimePrecision, VerificationLevel } from "@/lib/generated/prisma/enums";
import { cachedChartData } from "@/lib/server/cache/chart-cache";
import type { IncidentForHours, PhaseForHours } from "@/lib/incidents/disruption-hours";
import { PERIOD_FIELDS, PHASE_FIELDS, TEXT_FIELDS, periodOf, phaseOf, textOf } from "./published/fields";
import { publishedIncidentWhere, type IncidentQueryFilters } from "./published/where";

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

const SLUGS = {
  operators: { select: { operator: { select: { slug: true } } } },
  regions: { select: { region: { select: { slug: true } } } },
} as const;

const slugsOf = (row: { operators: { operator: { slug: string } }[]; regions: { region: { slug: string } }[] }) => ({
  operators: row.operators.map(({ operator }) => operator.slug).sort(),
  regions: row.regions.map(({ region }) => region.slug).sort(),
});

/**
 * Published incidents matching the shared filters, oldest first, with their
 * phases. Public: open to every caller. Cached under the "incidents" tag
 * (lib/server/cache/chart-cache.ts): treat the result as read-only.
 *
 * A new set of filters costs one query (decision 0025): the filters select
 * the incidents' ids (publishedIncidentWhere, as every reader selects), and
 * the rows with their phases, operators and regions come from one cached read
 * of every published incident, made once per change of the "incidents" tag.
 */
export async function listDashboardIncidents({ filters, locale }: { caller: Caller; filters: IncidentQueryFilters; locale: string }): Promise<DashboardIncident[]> {
  return cachedChartData("incidents", JSON.stringify({ list: "dashboard-incidents", filters, locale }), () => loadDashboardIncidents(filters, locale));
}

const DASHBOARD_SELECT = {
  id: true,
  ...TEXT_FIELDS,
  ...PERIOD_FIELDS,
  type: true,
  scope: true,
  cause: true,
  services: true,
  verification: true,
  ...SLUGS,
  phases: { orderBy: { position: "asc" }, select: { ...PHASE_FIELDS, ...SLUGS } },
} as const satisfies Prisma.IncidentSelect;

type DashboardRow = Prisma.IncidentGetPayload<{ select: typeof DASHBOARD_SELECT }>;

async function loadDashboardIncidents(filters: IncidentQueryFilters, locale: string): Promise<DashboardIncident[]> {
  const order = [{ startsAt: "asc" }, { id: "asc" }] satisfies Prisma.IncidentOrderByWithRelationInput[];
  const matching = await getDb().incident.findMany({ where: publishedIncidentWhere(filters), orderBy: order, select: { id: true } });
  if (matching.length === 0) return [];
  const published = await cachedChartData("incidents", "dashboard-incidents:every-published", readEveryPublished);
  let rows = matching.map(({ id }) => published.get(id));
  // Published since the cached read, its notification still on the way: read these rows themselves.
  if (rows.some((row) => row === undefined)) {
    rows = await getDb().incident.findMany({ where: { id: { in: matching.map(({ id }) => id) } }, orderBy: order, select: DASHBOARD_SELECT });
  }
  return (rows as DashboardRow[]).map((row) => dashboardIncidentOf(row, locale));
}

async function readEveryPublished(): Promise<Map<number, DashboardRow>> {
  const rows = await getDb().incident.findMany({ where: { status: "PUBLISHED" }, select: DASHBOARD_SELECT });
  return new Map(rows.map((row) => [row.id, row]));
}

function dashboardIncidentOf(row: DashboardRow, locale: string): DashboardIncident {
  return {
    ...textOf(row, locale),
    type: row.type,
    scope: row.scope,
    cause: row.cause,
    services: row.services,
    verification: row.verification,
    ...periodOf(row),
    ...slugsOf(row),
    phases: row.phases.map((phase) => ({ ...phaseOf(phase, locale), ...slugsOf(phase) })),
  };
}

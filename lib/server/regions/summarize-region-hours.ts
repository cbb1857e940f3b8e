import "server-only";
import type { Caller } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { regionHours, type IncidentForFigures } from "@/lib/geo/region-disruption";
import type { CountedPhase, Granularity, HoursBucket, MeasureFigures } from "@/lib/incidents/disruption-hours";
import type { IncidentFilters } from "@/lib/schemas/incident-filters";
import { listDashboardIncidents, type DashboardIncident } from "@/lib/server/incidents/list-dashboard-incidents";
import { defaultGranularity, summaryPeriod } from "@/lib/incidents/summary-period";
import { kazakhstanDayStart } from "@/lib/time/format";

export type RegionHours = {
  region: { slug: string; name: string };
  from: Date;
  to: Date;
  granularity: Granularity;
  /** Where counting starts: `from`, or the day a region formed during the period was formed. */
  countedFrom: Date;
  buckets: HoursBucket[];
  totals: MeasureFigures;
  phases: CountedPhase<DashboardIncident & IncidentForFigures>[];
};

/**
 * One region's hours per Kazakhstan calendar month or year, by the map's
 * rules (lib/geo/region-disruption.ts): the published incidents matching the
 * filters, a nationwide phase in every region, a region counted from the day
 * it was formed. Null for an unknown region.
 */
export async function summarizeRegionHours(options: {
  caller: Caller;
  slug: string;
  filters: IncidentFilters;
  locale: string;
  granularity?: Granularity;
  now?: Date;
}): Promise<RegionHours | null> {
  const now = options.now ?? new Date();
  const row = await getDb().region.findUnique({ where: { slug: options.slug }, select: { slug: true, nameEn: true, nameRu: true, establishedOn: true } });
  if (!row) return null;
  const incidents = await listDashboardIncidents({ caller: options.caller, filters: { ...options.filters, regions: [row.slug] }, locale: options.locale });
  const period = summaryPeriod(options.filters, incidents, now);
  const granularity = options.granularity ?? defaultGranularity(period.from, period.to);
  const establishedOn = row.establishedOn
    ? kazakhstanDayStart(row.establishedOn.getUTCFullYear(), row.establishedOn.getUTCMonth() + 1, row.establishedOn.getUTCDate())
    : null;
  const hours = regionHours({ region: { slug: row.slug, establishedOn }, incidents, ...period, granularity, zone: options.filters.zone, now });
  return {
    region: { slug: row.slug, name: options.locale === "ru" ? row.nameRu : row.nameEn },
    ...period,
    granularity,
    countedFrom: hours.countedFrom,
    buckets: hours.buckets,
    totals: hours.totals,
    phases: hours.phases as RegionHours["phases"],
  };
}

import "server-only";
import type { Caller } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { DisruptionType, IncidentScope, RegionKind } from "@/lib/generated/prisma/enums";
import { kazakhstanCalendarDay, summarizeRegionFrames, type RegionFrame } from "@/lib/geo/region-disruption";
import { periodOfFilters, type IncidentFilters } from "@/lib/schemas/incident-filters";
import { listDashboardIncidents } from "@/lib/server/incidents/list-dashboard-incidents";
import { kazakhstanDayStart } from "@/lib/time/format";

export type RegionOnMap = {
  slug: string;
  kind: RegionKind;
  name: string;
  centreName: string;
  centreLat: number;
  centreLon: number;
  /** HASC id of the Natural Earth polygon the unit is drawn in. */
  mapPolygonId: string;
  /** The unit it was carved out of, when it shares that unit's polygon. */
  parent: { slug: string; name: string } | null;
  /** Kazakhstan calendar day it was formed, for units newer than the map. */
  establishedOn: string | null;
};

export type IncidentOnMap = { slug: string; title: string; scope: IncidentScope; type: DisruptionType; startsAt: Date };

export type RegionDisruptionSummary = {
  /** The period shown: the filters' own, or every recorded incident up to now. */
  period: { from: Date; to: Date; fromDay: string; toDay: string; fromFilters: boolean };
  /** Cities first, then regions, A–Z in the reader's language. */
  regions: RegionOnMap[];
  incidents: IncidentOnMap[];
  /** The whole period ("all"), then each calendar month. */
  frames: RegionFrame[];
};

/** A @db.Date (midnight UTC) as the start of that day in Kazakhstan. */
function kazakhstanStartOf(date: Date): Date {
  return kazakhstanDayStart(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** The period the map covers when the filters leave it open: the years asked for, else all recorded incidents up to now. */
function periodFor(filters: IncidentFilters, incidents: { startsAt: Date }[], now: Date): { from: Date; to: Date } {
  const period = periodOfFilters(filters);
  const years = [...filters.years].sort((a, b) => a - b);
  const to = period.to ?? (years.length > 0 && !filters.from ? kazakhstanDayStart(years.at(-1)! + 1, 1, 1) : now);
  const earliest = incidents[0]?.startsAt;
  // With nothing recorded, an open start still leaves the period's last day to show.
  const from =
    period.from ??
    (years.length > 0 ? kazakhstanDayStart(years[0]!, 1, 1) : earliest && earliest < to ? earliest : new Date(to.getTime() - 86_400_000));
  return { from, to: to > from ? to : from };
}

/**
 * What the map shows: every first-level unit, and per unit the incidents and
 * disruption-hours in the period and in each of its months, for the incidents
 * that match the shared filters.
 */
export async function summarizeRegionDisruption(options: {
  caller: Caller;
  filters: IncidentFilters;
  locale: string;
  now?: Date;
}): Promise<RegionDisruptionSummary> {
  const now = options.now ?? new Date();
  const ru = options.locale === "ru";
  const [rows, incidents] = await Promise.all([
    getDb().region.findMany({
      select: {
        slug: true,
        kind: true,
        nameEn: true,
        nameRu: true,
        centreNameEn: true,
        centreNameRu: true,
        centreLat: true,
        centreLon: true,
        mapPolygonId: true,
        establishedOn: true,
        parent: { select: { slug: true, nameEn: true, nameRu: true, mapPolygonId: true } },
      },
    }),
    listDashboardIncidents({ caller: options.caller, filters: options.filters, locale: options.locale }),
  ]);
  const collator = new Intl.Collator(options.locale);
  const regions: RegionOnMap[] = rows
    .map((row) => ({
      slug: row.slug,
      kind: row.kind,
      name: ru ? row.nameRu : row.nameEn,
      centreName: ru ? row.centreNameRu : row.centreNameEn,
      centreLat: row.centreLat,
      centreLon: row.centreLon,
      mapPolygonId: row.mapPolygonId,
      parent:
        row.parent && row.parent.mapPolygonId === row.mapPolygonId
          ? { slug: row.parent.slug, name: ru ? row.parent.nameRu : row.parent.nameEn }
          : null,
      establishedOn: row.establishedOn ? kazakhstanCalendarDay(kazakhstanStartOf(row.establishedOn)) : null,
    }))
    .sort((a, b) => (a.kind === b.kind ? collator.compare(a.name, b.name) : a.kind === "CITY" ? -1 : 1));

  const { from, to } = periodFor(options.filters, incidents, now);
  const frames = summarizeRegionFrames({
    regions: rows.map((row) => ({ slug: row.slug, establishedOn: row.establishedOn ? kazakhstanStartOf(row.establishedOn) : null })),
    incidents,
    from,
    to,
    zone: options.filters.zone,
    now,
  });
  return {
    period: {
      from,
      to,
      fromDay: kazakhstanCalendarDay(from),
      toDay: kazakhstanCalendarDay(new Date(Math.max(from.getTime(), to.getTime() - 1))),
      fromFilters: Boolean(options.filters.from || options.filters.to || options.filters.years.length > 0),
    },
    regions,
    incidents: incidents.map((incident) => ({
      slug: incident.slug,
      title: incident.title,
      scope: incident.scope,
      type: incident.type,
      startsAt: incident.startsAt,
    })),
    frames,
  };
}

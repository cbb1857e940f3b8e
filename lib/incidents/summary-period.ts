import type { Granularity } from "@/lib/incidents/disruption-hours";
import { periodOfFilters, type IncidentFilters } from "@/lib/schemas/incident-filters";
import { kazakhstanDayStart } from "@/lib/time/format";
import { dateTimeFormat } from "@/lib/time/intl-formats";

/** Up to this long a period is shown by month by default; longer ones by year. */
const MONTHLY_UP_TO_MS = 3 * 366 * 24 * 3_600_000;

/** The period the curated charts cover: the filters' dates, else their years, else the whole record up to now. */
export function summaryPeriod(filters: IncidentFilters, incidents: { startsAt: Date }[], now: Date): { from: Date; to: Date } {
  const explicit = periodOfFilters(filters);
  const years = [...filters.years].sort((a, b) => a - b);
  const earliest = incidents.reduce<Date | null>((min, incident) => (min === null || incident.startsAt < min ? incident.startsAt : min), null);
  const earliestYear = earliest ? Number(dateTimeFormat("en", { timeZone: "Asia/Almaty", year: "numeric" }).format(earliest)) : null;
  const from =
    explicit.from ??
    (years.length > 0 ? kazakhstanDayStart(years[0]!, 1, 1) : earliestYear !== null ? kazakhstanDayStart(earliestYear, 1, 1) : kazakhstanDayStart(2018, 1, 1));
  let to = explicit.to ?? (years.length > 0 ? kazakhstanDayStart(years.at(-1)! + 1, 1, 1) : now);
  if (!(to > from)) to = new Date(from.getTime() + 24 * 3_600_000);
  return { from, to };
}

export function defaultGranularity(from: Date, to: Date): Granularity {
  return to.getTime() - from.getTime() <= MONTHLY_UP_TO_MS ? "month" : "year";
}

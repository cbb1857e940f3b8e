import type { ZoneChoice } from "@/lib/time/format";
import { zonedDayStart, zonedParts } from "./ticks";
import type { TimelineItem } from "./items";
import type { TimeWindow } from "./view-window";

/**
 * Calendar periods of the chosen zone (Kazakhstan time, or UTC on request):
 * what the presets, "jump to a month" and the window's label are made of. A
 * Kazakhstan day begins at local midnight (18:00 UTC the day before, until
 * March 2024), never at midnight UTC.
 */
export type CalendarUnit = "year" | "month" | "day";

/** The calendar year, month or day of the zone that contains an instant. */
export function calendarUnitAt(instant: number, unit: CalendarUnit, zone: ZoneChoice): TimeWindow {
  const { year, month, day } = zonedParts(instant, zone);
  if (unit === "year") return { start: zonedDayStart(year, 1, 1, zone), end: zonedDayStart(year + 1, 1, 1, zone) };
  if (unit === "month") return monthWindow(year, month, zone);
  return { start: zonedDayStart(year, month, day, zone), end: zonedDayStart(year, month, day + 1, zone) };
}

/** A calendar month of the zone, as a window. */
export function monthWindow(year: number, month: number, zone: ZoneChoice): TimeWindow {
  return { start: zonedDayStart(year, month, 1, zone), end: zonedDayStart(year, month + 1, 1, zone) };
}

/** The start of the zone's calendar day that contains an instant. */
export function dayStartAt(instant: number, zone: ZoneChoice): number {
  const { year, month, day } = zonedParts(instant, zone);
  return zonedDayStart(year, month, day, zone);
}

/** The start of the zone's calendar day `days` after the one containing an instant. */
export function addDays(instant: number, days: number, zone: ZoneChoice): number {
  const { year, month, day } = zonedParts(instant, zone);
  return zonedDayStart(year, month, day + days, zone);
}

/** Whether an instant is midnight in the zone. */
export function isZoneMidnight(instant: number, zone: ZoneChoice): boolean {
  return dayStartAt(instant, zone) === instant;
}

/** "2022-01": the zone's calendar month of an instant. */
export function monthKeyAt(instant: number, zone: ZoneChoice): string {
  const { year, month } = zonedParts(instant, zone);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Reads "2022-01" (years 1990 to 2100, as the date filters allow); undefined otherwise. */
export function parseMonthKey(value: string | undefined): { year: number; month: number } | undefined {
  const match = value === undefined ? null : MONTH_KEY.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < 1990 || year > 2100) return undefined;
  return { year, month: Number(match[2]) };
}

/** The months (of the zone) in which some incident or phase starts, oldest first: the choices of "jump to a month". */
export function monthsWithData(items: Pick<TimelineItem, "start" | "phases">[], zone: ZoneChoice): string[] {
  const months = new Set(items.flatMap((item) => [item.start, ...item.phases.map((phase) => phase.start)]).map((instant) => monthKeyAt(instant, zone)));
  return [...months].sort();
}

import { KAZAKHSTAN_TIME_ZONE, kazakhstanDayStart } from "@/lib/time/format";
import type { CalendarDay } from "./values";

/**
 * STOP dates are calendar days with no zone. The tracker reads them as days
 * in Kazakhstan: a day is stored as the instant it begins there (UTC+6 before
 * 1 March 2024, UTC+5 since), the convention of DAY precision.
 */

/** The instant a STOP day begins in Kazakhstan: 1/4/2022 → 2022-01-03T18:00:00Z. */
export function dayStartInKazakhstan(day: CalendarDay): Date {
  return kazakhstanDayStart(day.year, day.month, day.day);
}

const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: KAZAKHSTAN_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar day an instant falls on in Kazakhstan. */
export function kazakhstanDayOf(instant: Date): CalendarDay {
  const parts = Object.fromEntries(dayFormat.formatToParts(instant).map((part) => [part.type, part.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

/** Whole days from a to b (b − a), counting calendar days. */
export function daysBetween(a: CalendarDay, b: CalendarDay): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

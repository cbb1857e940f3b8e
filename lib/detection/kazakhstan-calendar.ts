import { KAZAKHSTAN_TIME_ZONE } from "@/lib/time/format";
import { DAY_MS } from "./parameters";

/**
 * Which days are workdays in Kazakhstan, for the seasonal baseline: traffic
 * on a weekend or a public holiday (Nauryz, 21–23 March) looks like other
 * rest days, not like the Tuesday before.
 *
 * Days are Kazakhstan calendar days (UTC+6 until 1 March 2024, UTC+5 since,
 * from the runtime's time-zone data), numbered like epoch days: the local
 * midnight's wall-clock time / 24 h.
 */

export type DayType = "workday" | "rest";

const offsetByUtcDay = new Map<number, number>();
const offsetFormat = new Intl.DateTimeFormat("en-GB", { timeZone: KAZAKHSTAN_TIME_ZONE, timeZoneName: "longOffset" });

/**
 * Kazakhstan's offset from UTC at an instant, in ms, looked up once per UTC
 * day (the offset at the day's last instant: on 29 February 2024, when the
 * country moved from UTC+6 to UTC+5 at 18:00 UTC, the whole UTC day gets +5).
 */
export function kazakhstanOffsetMs(epochMs: number): number {
  const utcDay = Math.floor(epochMs / DAY_MS);
  let offset = offsetByUtcDay.get(utcDay);
  if (offset === undefined) {
    const name = offsetFormat.formatToParts(new Date(utcDay * DAY_MS + DAY_MS - 1)).find((part) => part.type === "timeZoneName")?.value;
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? "");
    offset = match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000 : 0;
    offsetByUtcDay.set(utcDay, offset);
  }
  return offset;
}

/** The Kazakhstan calendar day of an instant, as a day number (local days since 1970-01-01). */
export function kazakhstanDayNumber(epochMs: number): number {
  return Math.floor((epochMs + kazakhstanOffsetMs(epochMs)) / DAY_MS);
}

/** Fixed-date public holidays (Labour Code, art. 84; Law on holidays), with the years they are days off. */
const FIXED_HOLIDAYS: readonly { month: number; day: number; from?: number; until?: number; moves: boolean }[] = [
  { month: 1, day: 1, moves: true }, // New Year
  { month: 1, day: 2, moves: true },
  { month: 1, day: 7, moves: false }, // Orthodox Christmas (religious: not moved)
  { month: 3, day: 8, moves: true }, // International Women's Day
  { month: 3, day: 21, moves: true }, // Nauryz
  { month: 3, day: 22, moves: true },
  { month: 3, day: 23, moves: true },
  { month: 5, day: 1, moves: true }, // Unity Day
  { month: 5, day: 7, moves: true }, // Defender of the Fatherland Day
  { month: 5, day: 9, moves: true }, // Victory Day
  { month: 7, day: 6, moves: true }, // Capital Day
  { month: 8, day: 30, moves: true }, // Constitution Day
  { month: 10, day: 25, from: 2022, moves: true }, // Republic Day, a day off again since 2022
  { month: 12, day: 16, moves: true }, // Independence Day
  { month: 12, day: 17, until: 2021, moves: true }, // its second day, until 2021
];

/** Kurban Ait, first day (the date of Eid al-Adha; set each year by the Spiritual Administration). */
const KURBAN_AIT: readonly string[] = [
  "2018-08-21", "2019-08-11", "2020-07-31", "2021-07-20", "2022-07-09", "2023-06-28",
  "2024-06-16", "2025-06-06", "2026-05-27", "2027-05-16", "2028-05-05", "2029-04-24", "2030-04-13",
];

const dayNumberOf = (year: number, month: number, day: number) => Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
/** 0 = Sunday … 6 = Saturday; day 0 (1970-01-01) was a Thursday. */
const weekdayOf = (dayNumber: number) => (((dayNumber + 4) % 7) + 7) % 7;
const isWeekend = (dayNumber: number) => weekdayOf(dayNumber) === 0 || weekdayOf(dayNumber) === 6;

const holidaysByYear = new Map<number, ReadonlySet<number>>();

/**
 * The year's days off besides weekends. A holiday that falls on a Saturday or
 * Sunday moves its day off to the next workday (Labour Code, art. 84),
 * except religious holidays. One-off transfers decreed by the government each
 * year are not known here.
 */
export function holidaysOf(year: number): ReadonlySet<number> {
  const known = holidaysByYear.get(year);
  if (known) return known;
  const days = new Set<number>();
  const moved: number[] = [];
  for (const holiday of FIXED_HOLIDAYS) {
    if ((holiday.from !== undefined && year < holiday.from) || (holiday.until !== undefined && year > holiday.until)) continue;
    const dayNumber = dayNumberOf(year, holiday.month, holiday.day);
    days.add(dayNumber);
    if (holiday.moves && isWeekend(dayNumber)) moved.push(dayNumber);
  }
  for (const date of KURBAN_AIT) {
    if (Number(date.slice(0, 4)) === year) days.add(dayNumberOf(year, Number(date.slice(5, 7)), Number(date.slice(8, 10))));
  }
  for (const dayNumber of moved) {
    let next = dayNumber + 1;
    while (isWeekend(next) || days.has(next)) next += 1;
    days.add(next);
  }
  holidaysByYear.set(year, days);
  return days;
}

const dayTypes = new Map<number, DayType>();

/** Workday or rest day (weekend or holiday) for a Kazakhstan day number. */
export function dayTypeOf(dayNumber: number): DayType {
  let type = dayTypes.get(dayNumber);
  if (type === undefined) {
    const year = new Date(dayNumber * DAY_MS).getUTCFullYear();
    type = isWeekend(dayNumber) || holidaysOf(year).has(dayNumber) ? "rest" : "workday";
    dayTypes.set(dayNumber, type);
  }
  return type;
}

/** The day type of the Kazakhstan day an instant falls on. */
export function dayTypeAt(epochMs: number): DayType {
  return dayTypeOf(kazakhstanDayNumber(epochMs));
}

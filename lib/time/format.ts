/**
 * How the tracker shows instants. Everything is stored in UTC; readers see
 * Kazakhstan time (Asia/Almaty: UTC+6 until 1 March 2024, UTC+5 since) unless
 * they ask for UTC. Node's and browsers' time-zone data know the 2024 change.
 */
import { dateTimeFormat, numberFormat } from "@/lib/time/intl-formats";

export const KAZAKHSTAN_TIME_ZONE = "Asia/Almaty";

export type ZoneChoice = "local" | "utc";
export type Precision = "EXACT" | "HOUR" | "DAY" | "ESTIMATED";

/** The Intl locale for a UI locale: English dates are written day-month-year. */
export function intlLocale(locale: string): string {
  return locale === "en" ? "en-GB" : locale;
}

/** The zone a `tz` query parameter asks for: "utc" is UTC, anything else (or nothing) Kazakhstan time. */
export function zoneFromQuery(value: unknown): ZoneChoice {
  return value === "utc" ? "utc" : "local";
}

export function timeZoneOf(zone: ZoneChoice): string {
  return zone === "utc" ? "UTC" : KAZAKHSTAN_TIME_ZONE;
}

/** "UTC+6", "UTC+5" or "UTC" for an instant in a zone. */
export function utcOffsetLabel(instant: Date, timeZone: string): string {
  const part = dateTimeFormat("en-GB", { timeZone, timeZoneName: "shortOffset" })
    .formatToParts(instant)
    .find((p) => p.type === "timeZoneName")?.value;
  return (part ?? "GMT").replace(/^GMT(\+0)?$/, "UTC").replace(/^GMT/, "UTC");
}

/** Kazakhstan's offset from UTC at an instant, in milliseconds (6 h before March 2024, 5 h since). */
function kazakhstanOffsetMs(instant: Date): number {
  const name = dateTimeFormat("en-GB", { timeZone: KAZAKHSTAN_TIME_ZONE, timeZoneName: "longOffset" })
    .formatToParts(instant)
    .find((part) => part.type === "timeZoneName")?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? "");
  if (!match) return 0;
  return (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000;
}

/** The instant a calendar day begins in Kazakhstan. Months and days may overflow, as in Date.UTC. */
export function kazakhstanDayStart(year: number, month: number, day: number): Date {
  const wallClock = Date.UTC(year, month - 1, day);
  // Guess with the offset at the wall-clock time, then correct with the offset at the guess.
  const guess = wallClock - kazakhstanOffsetMs(new Date(wallClock));
  return new Date(wallClock - kazakhstanOffsetMs(new Date(guess)));
}

function isKazakhstanMidnight(instant: Date): boolean {
  const time = dateTimeFormat("en-GB", { timeZone: KAZAKHSTAN_TIME_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
  return time === "00:00";
}

export type InstantParts = {
  /** ISO 8601 in UTC, for <time dateTime>. */
  iso: string;
  date: string;
  /** Absent for day precision. */
  time?: string;
  /** Absent for day precision. */
  offset?: string;
  approximate: boolean;
};

/**
 * The pieces to show for an instant at a given precision. Day-precision values
 * are calendar dates in Kazakhstan and keep their local date in UTC view.
 */
export function instantParts(instant: Date, options: { locale: string; zone: ZoneChoice; precision: Precision; seconds?: boolean }): InstantParts {
  // A day-precision value, or an estimate placed at Kazakhstan midnight, is a date.
  const dayOnly = options.precision === "DAY" || (options.precision === "ESTIMATED" && isKazakhstanMidnight(instant));
  const timeZone = dayOnly ? KAZAKHSTAN_TIME_ZONE : timeZoneOf(options.zone);
  const locale = intlLocale(options.locale);
  const date = dateTimeFormat(locale, { timeZone, day: "numeric", month: "long", year: "numeric" }).format(instant);
  if (dayOnly) return { iso: instant.toISOString(), date, approximate: options.precision === "ESTIMATED" };
  const time = dateTimeFormat(locale, {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    ...(options.seconds ? { second: "2-digit" } : {}),
    hourCycle: "h23",
  }).format(instant);
  return {
    iso: instant.toISOString(),
    date,
    time,
    offset: utcOffsetLabel(instant, timeZone),
    approximate: options.precision === "ESTIMATED" || options.precision === "HOUR",
  };
}

/** A calendar date "YYYY-MM-DD" (a Kazakhstan day) in words: "4 January 2022". */
export function formatCalendarDay(day: string, locale: string): string {
  return dateTimeFormat(intlLocale(locale), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`));
}

/** "5 Jan 2022" style short date in Kazakhstan, for lists and axes. */
export function shortDate(instant: Date, locale: string): string {
  return dateTimeFormat(intlLocale(locale), { timeZone: KAZAKHSTAN_TIME_ZONE, day: "numeric", month: "short", year: "numeric" }).format(
    instant,
  );
}

/** The calendar year of an instant in Kazakhstan. */
export function kazakhstanYear(instant: Date): number {
  return Number(dateTimeFormat("en", { timeZone: KAZAKHSTAN_TIME_ZONE, year: "numeric" }).format(instant));
}

/** "111 hours", "4.5 days", "5 months": a duration in words, in the reader's language. */
export function formatDuration(milliseconds: number, locale: string): string {
  const hours = milliseconds / 3_600_000;
  const unit = (value: number, name: "hour" | "day" | "month") =>
    numberFormat(intlLocale(locale), { style: "unit", unit: name, unitDisplay: "long", maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
  if (hours < 168) return unit(Math.max(hours, 0), "hour");
  const days = hours / 24;
  if (days < 60) return unit(days, "day");
  return unit(days / 30.44, "month");
}

/**
 * The instant a period really ends. An end known only to the day is stored as
 * that day's midnight in Kazakhstan and covers the whole day, so it runs to the
 * next midnight.
 */
export function effectiveEnd(endsAt: Date, precision: Precision | null): Date {
  return precision === "DAY" ? new Date(endsAt.getTime() + 24 * 3_600_000) : endsAt;
}

/** Length of a period with a recorded end, honouring day-precision ends. */
export function periodLength(period: { startsAt: Date; endsAt: Date; endPrecision: Precision | null }): number {
  return effectiveEnd(period.endsAt, period.endPrecision).getTime() - period.startsAt.getTime();
}

export type TimeTick = { at: Date; label: string };

/** Readable axis ticks between two instants, in Kazakhstan time: hours, days, months or years. */
export function timeTicks(from: Date, to: Date, locale: string, maxTicks = 8): TimeTick[] {
  const span = to.getTime() - from.getTime();
  if (!(span > 0)) return [];
  const day = 24 * 3_600_000;
  const fmt = (options: Intl.DateTimeFormatOptions) =>
    dateTimeFormat(intlLocale(locale), { timeZone: KAZAKHSTAN_TIME_ZONE, ...options });
  const localParts = (instant: Date) => {
    const parts = Object.fromEntries(
      fmt({ year: "numeric", month: "numeric", day: "numeric", hour: "numeric", hourCycle: "h23" })
        .formatToParts(instant)
        .map((p) => [p.type, Number(p.value)]),
    ) as Record<string, number>;
    return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! };
  };
  const local = (y: number, m: number, d: number, h = 0) => new Date(kazakhstanDayStart(y, m + 1, d).getTime() + h * 3_600_000);

  const start = localParts(from);
  const ticks: TimeTick[] = [];
  const push = (at: Date, label: string) => {
    if (at >= from && at <= to) ticks.push({ at, label });
  };
  if (span <= 3 * day) {
    const step = [1, 2, 3, 6, 12].find((h) => Math.floor(span / (h * 3_600_000)) + 1 <= maxTicks) ?? 24;
    for (let at = local(start.year, start.month - 1, start.day); at <= to; at = new Date(at.getTime() + step * 3_600_000)) {
      push(at, fmt({ day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at));
    }
  } else if (span <= 62 * day) {
    const step = [1, 2, 3, 7, 14].find((d) => Math.floor(span / (d * day)) + 1 <= maxTicks) ?? 14;
    for (let at = local(start.year, start.month - 1, start.day); at <= to; at = new Date(at.getTime() + step * day)) {
      push(at, fmt({ day: "numeric", month: "short" }).format(at));
    }
  } else if (span <= 3 * 366 * day) {
    const months = span / (30.44 * day);
    const step = [1, 2, 3, 6, 12].find((m) => Math.floor(months / m) + 1 <= maxTicks) ?? 12;
    for (let m = start.month - 1; ; m += step) {
      const at = local(start.year, m, 1);
      if (at > to) break;
      push(at, fmt({ month: "short", year: "numeric" }).format(at));
    }
  } else {
    const years = span / (365.25 * day);
    const step = [1, 2, 5, 10].find((y) => Math.floor(years / y) + 1 <= maxTicks) ?? 10;
    for (let y = start.year; ; y += step) {
      const at = local(y, 0, 1);
      if (at > to) break;
      push(at, String(y));
    }
  }
  return ticks;
}

/** "Jan 2022" for "2022-01", "2022" for "2022": a curated bucket's label. */
export function bucketLabel(key: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  if (!match) return key;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 15));
  return dateTimeFormat(intlLocale(locale), { timeZone: "UTC", month: "short", year: "numeric" }).format(date);
}

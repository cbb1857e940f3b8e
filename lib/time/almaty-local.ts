import { KAZAKHSTAN_TIME_ZONE, kazakhstanDayStart } from "@/lib/time/format";

/**
 * Kazakhstan wall-clock time as staff type it ("2022-01-05T17:15", the value of
 * an <input type="datetime-local">), converted to and from instants in UTC.
 *
 * The offset comes from the platform's time-zone data (Intl), so the change of
 * 1 March 2024 (UTC+6 before, UTC+5 since) and the daylight saving time
 * Kazakhstan kept until 2005 are handled. Nothing here throws on user input:
 * malformed or impossible values come back as a reason.
 */

/** "YYYY-MM-DDTHH:mm", optionally with ":ss" and ".sss", as datetime-local inputs produce. */
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

export type AlmatyLocalParseFailure =
  /** Not "YYYY-MM-DDTHH:mm", or a month, day or time that does not exist (30 February, 25:00). */
  | "malformed"
  /** A wall-clock time the clocks skipped (the spring-forward hour of the old daylight saving time). */
  | "skipped";

export type AlmatyLocalParseResult = { ok: true; instant: Date } | { ok: false; reason: AlmatyLocalParseFailure };

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number; millisecond: number };

const wallClockFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: KAZAKHSTAN_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  era: "short",
});

/** The wall clock in Kazakhstan at an instant. */
function wallClockAt(instant: Date): WallClock {
  const parts: Record<string, string> = {};
  for (const part of wallClockFormat.formatToParts(instant)) parts[part.type] = part.value;
  const yearOfEra = Number(parts.year);
  return {
    // Proleptic Gregorian years before 1 AD come out as "BC" years of era.
    year: parts.era === "BC" || parts.era === "B" ? 1 - yearOfEra : yearOfEra,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: instant.getUTCMilliseconds(),
  };
}

/** Milliseconds since the epoch of a wall clock read as if it were UTC. */
function wallClockAsUtc(clock: WallClock): number {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  date.setUTCFullYear(clock.year, clock.month - 1, clock.day);
  date.setUTCHours(clock.hour, clock.minute, clock.second, clock.millisecond);
  return date.getTime();
}

/** Kazakhstan's offset from UTC at an instant, in milliseconds. */
function offsetAt(instant: number): number {
  return wallClockAsUtc(wallClockAt(new Date(instant))) - instant;
}

function parseWallClock(value: string): WallClock | null {
  const match = LOCAL_DATE_TIME.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second = "0", fraction = "0"] = match;
  const clock: WallClock = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
    millisecond: Number(fraction.padEnd(3, "0")),
  };
  if (clock.month < 1 || clock.month > 12 || clock.day < 1 || clock.hour > 23 || clock.minute > 59 || clock.second > 59) return null;
  // Reject days the month does not have (30 February): the date must not roll over.
  const check = new Date(wallClockAsUtc(clock));
  if (check.getUTCFullYear() !== clock.year || check.getUTCMonth() !== clock.month - 1 || check.getUTCDate() !== clock.day) return null;
  return clock;
}

const sameWallClock = (a: WallClock, b: WallClock) =>
  a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute && a.second === b.second;

/**
 * Reads Kazakhstan wall-clock time. A time that happened twice (the hour
 * repeated when clocks went back, e.g. 23:00–23:59 on 29 February 2024) is the
 * earlier of the two; a time that never happened is refused.
 */
export function parseAlmatyLocal(value: string): AlmatyLocalParseResult {
  const clock = parseWallClock(value);
  if (!clock) return { ok: false, reason: "malformed" };
  const asUtc = wallClockAsUtc(clock);
  // The offsets in force a day either side cover every transition near this time.
  const offsets = new Set([offsetAt(asUtc - 86_400_000), offsetAt(asUtc), offsetAt(asUtc + 86_400_000)]);
  const candidates = [...offsets]
    .map((offset) => asUtc - offset)
    .filter((instant) => sameWallClock(wallClockAt(new Date(instant)), clock))
    .sort((a, b) => a - b);
  const earliest = candidates[0];
  if (earliest === undefined) return { ok: false, reason: "skipped" };
  return { ok: true, instant: new Date(earliest) };
}

/** "2022-01-05T17:15" (Kazakhstan) → "2022-01-05T11:15:00.000Z"; null when the value cannot be read. */
export function almatyLocalToIso(value: string): string | null {
  const result = parseAlmatyLocal(value);
  return result.ok ? result.instant.toISOString() : null;
}

const pad = (value: number, length = 2) => String(value).padStart(length, "0");

/**
 * An instant as Kazakhstan wall-clock time for a datetime-local input:
 * "YYYY-MM-DDTHH:mm", with seconds (and milliseconds) only when they are not
 * zero, so that converting back gives the same instant. Null for an invalid
 * date or string.
 */
export function isoToAlmatyLocal(instant: Date | string): string | null {
  const date = typeof instant === "string" ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return null;
  const clock = wallClockAt(date);
  if (clock.year < 0 || clock.year > 9999) return null;
  let text = `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}T${pad(clock.hour)}:${pad(clock.minute)}`;
  if (clock.second !== 0 || clock.millisecond !== 0) text += `:${pad(clock.second)}`;
  if (clock.millisecond !== 0) text += `.${pad(clock.millisecond, 3)}`;
  return text;
}

/**
 * The instant the Kazakhstan calendar day of a wall-clock value or a date
 * begins ("2022-01-05T17:15" or "2022-01-05" → 2022-01-04T18:00Z): where a
 * DAY-precision value is kept. Null when the value cannot be read.
 */
export function almatyLocalDayStart(value: string): Date | null {
  // A date alone ("2022-01-05") is read as that day's first minute.
  const clock = parseWallClock(/^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? `${value.trim()}T00:00` : value);
  if (!clock) return null;
  return kazakhstanDayStart(clock.year, clock.month, clock.day);
}

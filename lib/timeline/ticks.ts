import { intlLocale, kazakhstanDayStart, timeZoneOf, type ZoneChoice } from "@/lib/time/format";
import { DAY, HOUR } from "./view-window";

/**
 * Axis ticks for any window from hours to decades, in Kazakhstan time or in
 * UTC: round hours, days, months or years of the chosen zone. Formatters are
 * cached, because the axis is recomputed on every frame of a zoom or a pan.
 */
export type ZonedTick = { at: number; label: string };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(intlLocale(locale), { timeZone, ...options });
    formatters.set(key, cached);
  }
  return cached;
}

/** Calendar parts of an instant in a zone. */
export function zonedParts(instant: number, zone: ZoneChoice): { year: number; month: number; day: number; hour: number } {
  const parts = formatter("en", timeZoneOf(zone), { year: "numeric", month: "numeric", day: "numeric", hour: "numeric", hourCycle: "h23" }).formatToParts(instant);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return { year: value("year"), month: value("month"), day: value("day"), hour: value("hour") };
}

/** The instant a calendar day of the zone begins (months and days may overflow, as in Date.UTC). */
export function zonedDayStart(year: number, month: number, day: number, zone: ZoneChoice): number {
  return zone === "utc" ? Date.UTC(year, month - 1, day) : kazakhstanDayStart(year, month, day).getTime();
}

const HOUR_STEPS = [1, 2, 3, 6, 12];
const DAY_STEPS = [1, 2, 3, 7, 14];
const MONTH_STEPS = [1, 2, 3, 6];
const YEAR_STEPS = [1, 2, 5, 10, 20, 50];

export function zonedTicks(from: number, to: number, options: { zone: ZoneChoice; locale: string; maxTicks?: number }): ZonedTick[] {
  const span = to - from;
  if (!(span > 0)) return [];
  const maxTicks = options.maxTicks ?? 8;
  const timeZone = timeZoneOf(options.zone);
  const format = (instant: number, parts: Intl.DateTimeFormatOptions) => formatter(options.locale, timeZone, parts).format(instant);
  const first = zonedParts(from, options.zone);
  const ticks: ZonedTick[] = [];
  const fits = (unit: number) => (step: number) => span / (step * unit) <= maxTicks;

  const hourStep = HOUR_STEPS.find(fits(HOUR));
  {
    const step = hourStep;
    if (step) {
      const dayStart = zonedDayStart(first.year, first.month, first.day, options.zone);
      for (let at = dayStart; at <= to; at += step * HOUR) {
        if (at < from) continue;
        // Midnight carries the date; other hours only the time.
        const midnight = zonedParts(at, options.zone).hour === 0;
        const label = midnight
          ? format(at, { day: "numeric", month: "short" })
          : format(at, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
        ticks.push({ at, label });
      }
      return ticks;
    }
  }
  const dayStep = DAY_STEPS.find(fits(DAY));
  if (dayStep) {
    for (let n = 0; ; n += dayStep) {
      const at = zonedDayStart(first.year, first.month, first.day + n, options.zone);
      if (at > to) break;
      if (at >= from) ticks.push({ at, label: format(at, { day: "numeric", month: "short" }) });
    }
    return ticks;
  }
  const monthStep = MONTH_STEPS.find(fits(30.44 * DAY));
  if (monthStep) {
    const firstMonth = Math.floor((first.month - 1) / monthStep) * monthStep;
    for (let m = firstMonth; ; m += monthStep) {
      const at = zonedDayStart(first.year, m + 1, 1, options.zone);
      if (at > to) break;
      if (at >= from) {
        const january = zonedParts(at, options.zone).month === 1;
        ticks.push({ at, label: format(at, january || ticks.length === 0 ? { month: "short", year: "numeric" } : { month: "short" }) });
      }
    }
    return ticks;
  }
  const yearStep = YEAR_STEPS.find(fits(365.25 * DAY)) ?? 100;
  for (let y = Math.floor(first.year / yearStep) * yearStep; ; y += yearStep) {
    const at = zonedDayStart(y, 1, 1, options.zone);
    if (at > to) break;
    if (at >= from) ticks.push({ at, label: String(y) });
  }
  return ticks;
}

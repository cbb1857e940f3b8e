/**
 * How the tracker shows instants. Everything is stored in UTC; readers see
 * Kazakhstan time (Asia/Almaty: UTC+6 until 1 March 2024, UTC+5 since) unless
 * they ask for UTC. Node's and browsers' time-zone data know the 2024 change.
 */
export const KAZAKHSTAN_TIME_ZONE = "Asia/Almaty";

export type ZoneChoice = "local" | "utc";
export type Precision = "EXACT" | "HOUR" | "DAY" | "ESTIMATED";

/** The Intl locale for a UI locale: English dates are written day-month-year. */
export function intlLocale(locale: string): string {
  return locale === "en" ? "en-GB" : locale;
}

export function timeZoneOf(zone: ZoneChoice): string {
  return zone === "utc" ? "UTC" : KAZAKHSTAN_TIME_ZONE;
}

/** "UTC+6", "UTC+5" or "UTC" for an instant in a zone. */
export function utcOffsetLabel(instant: Date, timeZone: string): string {
  const part = new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "shortOffset" })
    .formatToParts(instant)
    .find((p) => p.type === "timeZoneName")?.value;
  return (part ?? "GMT").replace(/^GMT(\+0)?$/, "UTC").replace(/^GMT/, "UTC");
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
export function instantParts(instant: Date, options: { locale: string; zone: ZoneChoice; precision: Precision }): InstantParts {
  const dayOnly = options.precision === "DAY";
  const timeZone = dayOnly ? KAZAKHSTAN_TIME_ZONE : timeZoneOf(options.zone);
  const locale = intlLocale(options.locale);
  const date = new Intl.DateTimeFormat(locale, { timeZone, day: "numeric", month: "long", year: "numeric" }).format(instant);
  if (dayOnly) return { iso: instant.toISOString(), date, approximate: false };
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
  return {
    iso: instant.toISOString(),
    date,
    time,
    offset: utcOffsetLabel(instant, timeZone),
    approximate: options.precision === "ESTIMATED" || options.precision === "HOUR",
  };
}

/** "5 Jan 2022" style short date in Kazakhstan, for lists and axes. */
export function shortDate(instant: Date, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone: KAZAKHSTAN_TIME_ZONE, day: "numeric", month: "short", year: "numeric" }).format(
    instant,
  );
}

/** The calendar year of an instant in Kazakhstan. */
export function kazakhstanYear(instant: Date): number {
  return Number(new Intl.DateTimeFormat("en", { timeZone: KAZAKHSTAN_TIME_ZONE, year: "numeric" }).format(instant));
}

/** "111 hours", "4.5 days", "5 months": a duration in words, in the reader's language. */
export function formatDuration(milliseconds: number, locale: string): string {
  const hours = milliseconds / 3_600_000;
  const unit = (value: number, name: "hour" | "day" | "month") =>
    new Intl.NumberFormat(intlLocale(locale), { style: "unit", unit: name, unitDisplay: "long", maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
  if (hours < 168) return unit(Math.max(hours, 0), "hour");
  const days = hours / 24;
  if (days < 60) return unit(days, "day");
  return unit(days / 30.44, "month");
}

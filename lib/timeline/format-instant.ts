import { intlLocale, timeZoneOf, type Precision, type ZoneChoice } from "@/lib/time/format";
import { addDays, isZoneMidnight } from "./calendar";

/**
 * Formatting for the timeline, with cached Intl formatters: the chart labels
 * hundreds of bars per frame while zooming, and creating a formatter costs far
 * more than using one.
 */
const cache = new Map<string, Intl.DateTimeFormat>();

function cached(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = cache.get(key);
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format;
}

/** "UTC+6", "UTC+5" or "UTC" for an instant in a zone (as utcOffsetLabel in lib/time/format.ts). */
export function offsetLabel(instant: number, timeZone: string): string {
  const part = cached(`offset|${timeZone}`, () => new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "shortOffset" }))
    .formatToParts(instant)
    .find((p) => p.type === "timeZoneName")?.value;
  return (part ?? "GMT").replace(/^GMT(\+0)?$/, "UTC").replace(/^GMT/, "UTC");
}

/** "5 Jan 2022, 17:15 UTC+6": an instant in the chosen zone, with the zone spelled out. */
export function formatTimelineInstant(instant: number, zone: ZoneChoice, locale: string): string {
  const timeZone = timeZoneOf(zone);
  const format = cached(
    `instant|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(intlLocale(locale), { timeZone, day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
  );
  return `${format.format(instant)} ${offsetLabel(instant, timeZone)}`;
}

/** "UTC+6", or "UTC+6 / UTC+5" when a window spans Kazakhstan's 2024 change of offset. */
export function zoneLabel(view: { start: number; end: number }, zone: ZoneChoice): string {
  const timeZone = timeZoneOf(zone);
  const first = offsetLabel(view.start, timeZone);
  const last = offsetLabel(view.end, timeZone);
  return first === last ? first : `${first} / ${last}`;
}

const perObject = new WeakMap<object, Map<string, string>>();

/** A string computed once per object and key (e.g. an incident's label in one language and zone). */
export function cachedText(object: object, key: string, compute: () => string): string {
  let texts = perObject.get(object);
  if (!texts) {
    texts = new Map();
    perObject.set(object, texts);
  }
  let text = texts.get(key);
  if (text === undefined) {
    text = compute();
    texts.set(key, text);
  }
  return text;
}

/** "5 Jan 2022": the calendar date of an instant in a zone. */
export function formatTimelineDate(instant: number, zone: ZoneChoice, locale: string): string {
  const timeZone = timeZoneOf(zone);
  return cached(`date|${locale}|${timeZone}`, () => new Intl.DateTimeFormat(intlLocale(locale), { timeZone, day: "numeric", month: "short", year: "numeric" })).format(instant);
}

/**
 * An instant at the precision it is known to: a day-precision value (or an
 * estimate at Kazakhstan midnight) is its Kazakhstan calendar date, whatever
 * the zone shown, as on the incident pages (lib/time/format.ts, instantParts).
 */
export function formatTimelineValue(instant: number, precision: Precision | null, zone: ZoneChoice, locale: string): string {
  const dayOnly = precision === "DAY" || (precision === "ESTIMATED" && isZoneMidnight(instant, "local"));
  return dayOnly ? formatTimelineDate(instant, "local", locale) : formatTimelineInstant(instant, zone, locale);
}

/**
 * The bounds of a window for its label. A bound at midnight of the zone (what
 * the date filters, the month, week and day presets and "jump to a month"
 * give) reads as a day, and an end at midnight as the day before it, included:
 * 1 to 31 January, not "1 Jan, 00:00 – 1 Feb, 00:00" (nor "2 Jan – 1 Feb").
 * Any other bound reads with its time.
 */
export function windowBounds(view: { start: number; end: number }, zone: ZoneChoice, locale: string): { from: string; to: string; wholeDays: boolean } {
  const startsAtMidnight = isZoneMidnight(view.start, zone);
  const endsAtMidnight = isZoneMidnight(view.end, zone);
  return {
    from: startsAtMidnight ? formatTimelineDate(view.start, zone, locale) : formatTimelineInstant(view.start, zone, locale),
    to: endsAtMidnight ? formatTimelineDate(addDays(view.end, -1, zone), zone, locale) : formatTimelineInstant(view.end, zone, locale),
    wholeDays: startsAtMidnight && endsAtMidnight,
  };
}

/** "January 2022": a month key ("2022-01") in words. */
export function formatMonthKey(key: string, locale: string): string {
  const [year, month] = key.split("-").map(Number) as [number, number];
  return cached(`month|${locale}`, () => new Intl.DateTimeFormat(intlLocale(locale), { timeZone: "UTC", month: "long", year: "numeric" })).format(Date.UTC(year, month - 1, 15));
}

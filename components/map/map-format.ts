import { classOf, classRange, type ClassScale } from "@/lib/geo/map-classes";
import type { MapModelFrame } from "@/lib/geo/map-model";
import { dateTimeFormat, numberFormat } from "@/lib/time/intl-formats";

/**
 * Sequential blues (ColorBrewer "Blues", its lightest step dropped): one hue
 * from light to dark reads the same for colour-blind readers. The map also
 * prints each value on its area, so colour is never the only cue.
 */
export const CLASS_COLOURS = ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"] as const;
export const ZERO_COLOUR = "#eeeeee";
export const NO_REGION_COLOUR = "#d9d9d9";
export const NOT_FORMED_FILL = "url(#map-not-formed)";

/** The colour of class `index` (1…classes) when a scale has `classes` classes. */
export function classColour(index: number, classes: number): string {
  if (index <= 0) return ZERO_COLOUR;
  const position = classes <= 1 ? 2 : Math.round(((index - 1) * (CLASS_COLOURS.length - 1)) / (classes - 1));
  return CLASS_COLOURS[position]!;
}

export function fillFor(value: number | null, scale: ClassScale): string {
  if (value === null) return NOT_FORMED_FILL;
  return classColour(classOf(value, scale), scale.classes);
}

/** A calendar day "YYYY-MM-DD" as a Date at noon UTC, so formatting in UTC never shifts it. */
const dayDate = (day: string) => new Date(`${day}T12:00:00Z`);

export function formatDay(day: string, locale: string): string {
  return dateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(dayDate(day));
}

export function formatMonth(key: string, locale: string): string {
  return dateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(dayDate(`${key}-15`));
}

/** "January 2022" for a month, "15 March 2018 – 22 November 2026" for the whole period. */
export function frameLabel(frame: MapModelFrame, locale: string): string {
  if (frame.key !== "all") return formatMonth(frame.key, locale);
  return `${formatDay(frame.fromDay, locale)} – ${formatDay(frame.toDay, locale)}`;
}

export function formatHours(hours: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 1 }).format(hours);
}

/** Short form for labels on the map: 1.2K. */
export function formatCompact(value: number, locale: string): string {
  return numberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }).format(value);
}

export { classOf, classRange };

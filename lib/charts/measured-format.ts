import { intlLocale } from "@/lib/time/format";
import { dateTimeFormat, numberFormat } from "@/lib/time/intl-formats";

/**
 * How the measured-signal chart writes its figures, in the reader's language:
 * its tables, its axis and its cursor (the browser island) say the same
 * value the same way.
 */

/** A measured value: ratios with two decimals, counts rounded sensibly. */
export function formatValue(value: number, locale: string): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return numberFormat(intlLocale(locale), { maximumFractionDigits: digits }).format(value);
}

/** Date and time in Kazakhstan (or UTC), e.g. "6 Jan 2022, 03:00". */
export function formatInstant(iso: string, locale: string, timeZone: string): string {
  return dateTimeFormat(intlLocale(locale), {
    timeZone,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(iso));
}

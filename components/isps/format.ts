import { intlLocale } from "@/lib/time/format";

/** Hours with at most one decimal, in the reader's number format. */
export function formatHours(hours: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(hours);
}

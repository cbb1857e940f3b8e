import { intlLocale } from "@/lib/time/format";
import { numberFormat } from "@/lib/time/intl-formats";

/** Hours with at most one decimal, in the reader's number format. */
export function formatHours(hours: number, locale: string): string {
  return numberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(hours);
}

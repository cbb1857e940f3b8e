import { kazakhstanDayStart, shortDate } from "@/lib/time/format";

type PeriodMessages = {
  all: () => string;
  between: (from: string, to: string) => string;
  since: (from: string) => string;
  until: (to: string) => string;
  years: (years: string) => string;
};

/** A Kazakhstan calendar date ("YYYY-MM-DD") in the reader's language: "4 Jan 2022". */
export function calendarDateLabel(date: string, locale: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return shortDate(kazakhstanDayStart(year, month, day), locale);
}

/**
 * The period a card shows, from the filters: from–to (inclusive Kazakhstan
 * dates), either end open, the chosen years, or everything recorded.
 */
export function filterPeriodLabel(filters: { years: number[]; from?: string; to?: string }, locale: string, messages: PeriodMessages): string {
  const from = filters.from ? calendarDateLabel(filters.from, locale) : undefined;
  const to = filters.to ? calendarDateLabel(filters.to, locale) : undefined;
  if (from && to) return messages.between(from, to);
  if (from) return messages.since(from);
  if (to) return messages.until(to);
  if (filters.years.length > 0) return messages.years(filters.years.toSorted((a, b) => a - b).join(", "));
  return messages.all();
}

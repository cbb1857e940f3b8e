import type { EndStatus, TimePrecision } from "@/lib/generated/prisma/enums";
import type { MeasureFigure } from "@/lib/incidents/disruption-hours";
import { formatCalendarDay, instantParts, intlLocale } from "@/lib/time/format";
import { numberFormat } from "@/lib/time/intl-formats";

/**
 * Words for a figure, shared by pages, downloads, cards and the API, so a
 * number is always printed the same way with the same caveats. `t` is a
 * translator for the "measures" messages.
 */
type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Hours with at most one decimal, in the reader's number format. */
export function formatHoursValue(hours: number, locale: string): string {
  return numberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(hours);
}

/** What part of a figure rests on open ends or comes and goes, as phrases; empty when nothing does. */
export function openEndPhrases(figure: MeasureFigure, t: Translate, locale: string): string[] {
  const phrases: string[] = [];
  if (figure.toLastReportHours > 0) phrases.push(t("open.toLastReport", { hours: formatHoursValue(figure.toLastReportHours, locale) }));
  if (figure.toNowHours > 0) phrases.push(t("open.toNow", { hours: formatHoursValue(figure.toNowHours, locale) }));
  if (figure.onAndOffHours > 0) phrases.push(t("open.onAndOff", { hours: formatHoursValue(figure.onAndOffHours, locale) }));
  return phrases;
}

/** "of which 24 h counted to the last day …; 19.3 h of on-and-off disruption", or "" when nothing is open. */
export function openEndNote(figure: MeasureFigure, t: Translate, locale: string): string {
  const phrases = openEndPhrases(figure, t, locale);
  return phrases.length === 0 ? "" : t("open.of", { details: phrases.join("; ") });
}

/**
 * An end in words, as plain text (feeds and other text-only places): "ended
 * 6 January 2022" at the precision it is known to, "ongoing (last checked …)",
 * or "end not recorded (last reported …)". `t` translates "measures.end".
 */
export function endText(
  end: { endStatus: EndStatus; endsAt: Date | null; endPrecision: TimePrecision | null; lastCheckedOn: Date | null; lastReportedOn: Date | null },
  t: Translate,
  locale: string,
): string {
  const day = (date: Date) => formatCalendarDay(date.toISOString().slice(0, 10), locale);
  if (end.endStatus === "RECORDED" && end.endsAt) {
    const parts = instantParts(end.endsAt, { locale, zone: "local", precision: end.endPrecision ?? "ESTIMATED" });
    return t("ended", { date: parts.time ? `${parts.date}, ${parts.time} ${parts.offset}` : parts.date });
  }
  if (end.endStatus === "ONGOING") return end.lastCheckedOn ? t("ongoing", { date: day(end.lastCheckedOn) }) : t("ongoingUnchecked");
  return end.lastReportedOn ? t("notRecordedReported", { date: day(end.lastReportedOn) }) : t("notRecorded");
}

import type { EndStatus, TimePrecision } from "@/lib/generated/prisma/enums";
import { MEASURES, type MeasureFigure, type MeasureFigures } from "@/lib/incidents/disruption-hours";

/** A figure in the API's snake_case shape (ZFigure). */
export function apiFigure(figure: MeasureFigure) {
  return { hours: figure.hours, to_last_report_hours: figure.toLastReportHours, to_now_hours: figure.toNowHours, on_and_off_hours: figure.onAndOffHours };
}

/** Every measure's figure in the API's shape (ZMeasureFigures). */
export function apiMeasureFigures(figures: MeasureFigures) {
  return Object.fromEntries(MEASURES.map((measure) => [measure, apiFigure(figures[measure])])) as Record<(typeof MEASURES)[number], ReturnType<typeof apiFigure>>;
}

/** A calendar date (midnight UTC) as YYYY-MM-DD. */
export const apiDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** An incident's start and what is known about its end (decision 0013), in the API's shape (the list's items and the detail). */
export function apiPeriod(period: {
  startsAt: Date;
  startPrecision: TimePrecision;
  endsAt: Date | null;
  endPrecision: TimePrecision | null;
  endStatus: EndStatus;
  lastCheckedOn: Date | null;
  lastReportedOn: Date | null;
}) {
  return {
    starts_at: period.startsAt.toISOString(),
    start_precision: period.startPrecision,
    ends_at: period.endsAt?.toISOString() ?? null,
    end_precision: period.endPrecision,
    end_status: period.endStatus,
    last_checked_on: apiDay(period.lastCheckedOn),
    last_reported_on: apiDay(period.lastReportedOn),
  };
}

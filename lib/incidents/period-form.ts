import type { EndStatus, TimePrecision } from "@/lib/generated/prisma/enums";
import { getFormField, setFormField } from "@/lib/incidents/form-path";
import { isLocalDate, type FormReader } from "@/lib/incidents/form-reader";
import type { IncidentFormValue, PhaseFormValue } from "@/lib/incidents/form-value";
import { boundingPhases, openEndOfPhases, type PhasePeriod } from "@/lib/incidents/period-of-phases";
import type { IncidentSnapshot } from "@/lib/incidents/snapshot";
import { almatyLocalDayStart, isoToAlmatyLocal, parseAlmatyLocal } from "@/lib/time/almaty-local";

/**
 * The period of an incident or a phase in the editor (decisions 0013 and
 * 0014): the fields of group "period" in the field tables. Unlike other
 * fields, they depend on each other, so this module converts them as a
 * whole:
 * - instants are Kazakhstan wall-clock strings ("2022-01-05T17:15"), or a
 *   date alone ("2022-01-05") when known only to the day;
 * - `endStatus` says what is known about an end that is not given (ongoing,
 *   or not recorded); with an end, the end is recorded whatever it holds;
 * - the incident's `endUnknown` is the "ongoing / end unknown" box;
 * - the incident's `periodSetByHand` is the "override" box: unticked, the
 *   period is the phases' — its end status and last report too — (the
 *   schema's `periodFromPhases`), see `periodFromPhaseFields`.
 * Pure.
 */

export { isLocalDate } from "@/lib/incidents/form-reader";

/** What an end that is not given can be. */
export type OpenEndStatus = Exclude<EndStatus, "RECORDED">;

/** The incident's own period fields, as the form holds them. */
export type PeriodFormValue = Pick<IncidentFormValue, "startsAt" | "startPrecision" | "endUnknown" | "endsAt" | "endPrecision" | "endStatus" | "lastReportedOn">;

type PhasePeriodForm = Pick<PhaseFormValue, "startsAt" | "startPrecision" | "endsAt" | "endPrecision" | "endStatus" | "lastReportedOn">;
type IncidentPeriodForm = PeriodFormValue & Pick<IncidentFormValue, "lastCheckedOn" | "periodSetByHand">;
type StoredPeriod = Pick<IncidentSnapshot, "startsAt" | "startPrecision" | "endsAt" | "endPrecision" | "endStatus" | "lastReportedOn" | "lastCheckedOn" | "periodFromPhases">;

/* ------------------------------------------------------------------------- */
/* Times                                                                     */
/* ------------------------------------------------------------------------- */

/**
 * The instant a start or end field stands for at its precision — a date
 * alone, or DAY precision, is the start of that day in Kazakhstan — or null
 * when it is empty or cannot be read.
 */
export function localInstant(value: string, precision: TimePrecision | string): Date | null {
  if (value.trim() === "") return null;
  if (precision === "DAY" || isLocalDate(value)) return almatyLocalDayStart(value);
  const parsed = parseAlmatyLocal(value);
  return parsed.ok ? parsed.instant : null;
}

/** The precision a typed value suggests: a date alone is to the day, a time on the hour to the hour, any other time exact. */
export function suggestedPrecision(value: string): TimePrecision | "" {
  const text = value.trim();
  if (text === "") return "";
  if (isLocalDate(text)) return "DAY";
  const time = /T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(text);
  if (!time) return "";
  return time[2] === "00" && (time[3] ?? "00") === "00" ? "HOUR" : "EXACT";
}

const PRECISION_OF: Record<string, string> = { startsAt: "startPrecision", endsAt: "endPrecision" };

/** Whether a path is a start or an end ("startsAt", "phases.2.endsAt"). */
export const isTimePath = (path: string) => /(^|\.)(startsAt|endsAt)$/.test(path);

/**
 * Sets a start or end ("startsAt", "phases.2.endsAt") and with it the
 * precision the new value suggests — unless someone chose the precision: one
 * that is set and differs from what the old value suggested is kept.
 */
export function setTimeField(form: IncidentFormValue, path: string, value: string): IncidentFormValue {
  const field = path.split(".").at(-1) ?? "";
  const precisionPath = PRECISION_OF[field] ? `${path.slice(0, -field.length)}${PRECISION_OF[field]}` : null;
  const next = setFormField(form, path, value);
  if (!precisionPath) return next;
  const before = getFormField(form, path);
  const precision = getFormField(form, precisionPath);
  const chosen = typeof precision === "string" && precision !== "" && precision !== suggestedPrecision(typeof before === "string" ? before : "");
  return chosen ? next : setFormField(next, precisionPath, suggestedPrecision(value));
}

/* ------------------------------------------------------------------------- */
/* The period from the phases                                                */
/* ------------------------------------------------------------------------- */

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The period the phases give (lib/incidents/period-of-phases.ts): the first
 * phase's start and the last phase's end, as they are typed, or no end when a
 * phase has none — then ongoing when a phase is, otherwise not recorded with
 * the latest day a phase is reported in effect. Phases whose start cannot be
 * read yet are left out (they show their own error). Null without a readable
 * phase.
 */
export function periodFromPhaseFields(form: IncidentFormValue): PeriodFormValue | null {
  const readable = form.phases.flatMap((phase) => {
    const startsAt = localInstant(phase.startsAt, phase.startPrecision);
    if (!startsAt) return [];
    const lastReportedOn = phase.lastReportedOn.trim();
    const period: PhasePeriod = {
      startsAt,
      startPrecision: phase.startPrecision || "EXACT",
      endsAt: localInstant(phase.endsAt, phase.endPrecision),
      endPrecision: phase.endPrecision || null,
      endStatus: phase.endsAt.trim() === "" ? phase.endStatus : "RECORDED",
      lastReportedOn: CALENDAR_DATE.test(lastReportedOn) ? new Date(`${lastReportedOn}T00:00:00Z`) : null,
    };
    return [{ phase, period }];
  });
  const periods = readable.map((entry) => entry.period);
  const bounds = boundingPhases(periods);
  if (!bounds) return null;
  const first = readable[bounds.first]!.phase;
  const last = bounds.last === null ? null : readable[bounds.last]!.phase;
  const openEnd = last === null ? openEndOfPhases(periods) : null;
  return {
    startsAt: first.startsAt,
    startPrecision: first.startPrecision,
    endUnknown: last === null,
    endsAt: last?.endsAt ?? "",
    endPrecision: last?.endPrecision ?? "",
    endStatus: openEnd?.endStatus ?? "NOT_RECORDED",
    lastReportedOn: openEnd?.lastReportedOn?.toISOString().slice(0, 10) ?? "",
  };
}

/** Ticks or unticks "set the period by hand"; ticking it starts from the phases' period, so nothing jumps. */
export function setPeriodSetByHand(form: IncidentFormValue, byHand: boolean): IncidentFormValue {
  const derived = byHand && !form.periodSetByHand ? periodFromPhaseFields(form) : null;
  return { ...form, ...derived, periodSetByHand: byHand };
}

/** Whether the incident's period is shown as the phases' rather than typed in. */
export const followsPhases = (form: IncidentFormValue) => !form.periodSetByHand && form.phases.length > 0;

/* ------------------------------------------------------------------------- */
/* Stored period → form                                                      */
/* ------------------------------------------------------------------------- */

/**
 * A stored instant as the editor shows it: Kazakhstan wall-clock time, or the
 * date alone when it is known only to the day (a DAY value, or an estimate
 * placed at midnight), which reads back to the same instant.
 */
function instantToLocal(value: Date | string | undefined, precision: TimePrecision | undefined): string {
  if (value === undefined) return "";
  const local = isoToAlmatyLocal(value) ?? "";
  const dateOnly = precision === "DAY" || (precision === "ESTIMATED" && local.endsWith("T00:00"));
  return dateOnly ? local.slice(0, 10) : local;
}
/** A calendar date as "YYYY-MM-DD", or "". */
export const calendarToText = (value: Date | string | undefined): string =>
  value === undefined ? "" : typeof value === "string" ? value : Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
const openEndOf = (status: EndStatus | undefined): OpenEndStatus => (status === "ONGOING" ? "ONGOING" : "NOT_RECORDED");

/** A phase's stored period as the form holds it. */
export function phasePeriodToForm(stored: Partial<StoredPeriod> = {}): PhasePeriodForm {
  return {
    startsAt: instantToLocal(stored.startsAt, stored.startPrecision),
    startPrecision: stored.startPrecision ?? "",
    endsAt: instantToLocal(stored.endsAt, stored.endPrecision),
    endPrecision: stored.endPrecision ?? "",
    endStatus: openEndOf(stored.endStatus),
    lastReportedOn: calendarToText(stored.lastReportedOn),
  };
}

/** An incident's stored period as the form holds it; a new one (nothing stored) follows its phases. */
export function incidentPeriodToForm(stored?: StoredPeriod): IncidentPeriodForm {
  return {
    ...phasePeriodToForm(stored),
    periodSetByHand: stored !== undefined && stored.periodFromPhases !== true,
    endUnknown: stored !== undefined && stored.endsAt === undefined,
    lastCheckedOn: calendarToText(stored?.lastCheckedOn),
  };
}

/* ------------------------------------------------------------------------- */
/* Form → input                                                              */
/* ------------------------------------------------------------------------- */

/** A phase's period as the schema's input. An empty end is an open end, and what is known about it is said beside it. */
export function phasePeriodToInput(phase: PhasePeriodForm, read: FormReader, prefix: string) {
  const endGiven = phase.endsAt.trim() !== "";
  return {
    startsAt: read.instant(phase.startsAt, phase.startPrecision, `${prefix}startsAt`),
    startPrecision: read.choice(phase.startPrecision),
    endsAt: read.instant(phase.endsAt, phase.endPrecision, `${prefix}endsAt`),
    endPrecision: read.choice(phase.endPrecision),
    endStatus: endGiven ? ("RECORDED" as const) : phase.endStatus,
    lastReportedOn: !endGiven && phase.endStatus === "NOT_RECORDED" ? read.text(phase.lastReportedOn) : undefined,
  };
}

/** The incident's period as the schema's input: the phases' while it follows them, otherwise as typed. */
export function incidentPeriodToInput(form: IncidentFormValue, read: FormReader) {
  const period = (!form.periodSetByHand && periodFromPhaseFields(form)) || form;
  // An end left empty is an open end, as a phase's is: what is known about it is said beside it.
  const endGiven = !period.endUnknown && period.endsAt.trim() !== "";
  return {
    startsAt: read.instant(period.startsAt, period.startPrecision, "startsAt"),
    startPrecision: read.choice(period.startPrecision),
    endsAt: endGiven ? read.instant(period.endsAt, period.endPrecision, "endsAt") : undefined,
    endPrecision: endGiven ? read.choice(period.endPrecision) : undefined,
    endStatus: endGiven ? ("RECORDED" as const) : period.endStatus,
    // The day someone last checked is the incident's own, also while the period follows the phases.
    lastCheckedOn: !endGiven && period.endStatus === "ONGOING" ? read.text(form.lastCheckedOn) : undefined,
    lastReportedOn: !endGiven && period.endStatus === "NOT_RECORDED" ? read.text(period.lastReportedOn) : undefined,
    periodFromPhases: form.periodSetByHand ? undefined : true,
  };
}

/* ------------------------------------------------------------------------- */
/* What the editor shows                                                     */
/* ------------------------------------------------------------------------- */

/** The period fields a phase shows, in order (relative paths). */
export function phasePeriodPaths(phase: PhasePeriodForm): string[] {
  const openEnd = phase.endsAt.trim() === "" ? ["endStatus", ...(phase.endStatus === "NOT_RECORDED" ? ["lastReportedOn"] : [])] : [];
  return ["startsAt", "startPrecision", "endsAt", "endPrecision", ...openEnd];
}

/** The period fields the incident shows, in order: the boxes, then its own fields or only the day last checked while it follows ongoing phases. */
export function incidentPeriodPaths(form: IncidentFormValue): string[] {
  const paths = ["periodSetByHand"];
  if (!followsPhases(form)) {
    paths.push("startsAt", "startPrecision", "endUnknown");
    if (!form.endUnknown) paths.push("endsAt", "endPrecision");
    if (form.endUnknown || form.endsAt.trim() === "") paths.push("endStatus", form.endStatus === "ONGOING" ? "lastCheckedOn" : "lastReportedOn");
  } else if (periodFromPhaseFields(form)?.endStatus === "ONGOING") {
    // Following its phases, an ongoing incident still needs the day someone last checked.
    paths.push("lastCheckedOn");
  }
  return paths;
}

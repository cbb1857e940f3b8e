import type { EndStatus } from "@/lib/generated/prisma/enums";
import { isoToAlmatyLocal } from "@/lib/time/almaty-local";
import { effectiveEnd, type Precision } from "@/lib/time/format";

/**
 * An incident's period taken from its phases (decision 0014): it starts when
 * the first phase starts and ends when the last phase ends, each at that
 * phase's precision. When any phase has no recorded end, neither has the
 * incident, and what is known about its end follows the phases' (decision
 * 0013): ongoing when a phase is ongoing, otherwise not recorded, last
 * reported on the latest day a source reports any phase in effect. The shared
 * schema checks an incident that follows its phases against this, and the
 * editor fills the period in with it, so browser and server agree. Pure.
 */

export type PhasePeriod = {
  startsAt: Date;
  startPrecision: Precision;
  endsAt?: Date | null;
  endPrecision?: Precision | null;
  /** Left out: NOT_RECORDED without an end (resolvedEndStatus). */
  endStatus?: EndStatus | null;
  /** A calendar date (midnight UTC): the last Kazakhstan day a source reports a phase without an end. */
  lastReportedOn?: Date | null;
};
export type DerivedPeriod = {
  startsAt: Date;
  startPrecision: Precision;
  endsAt?: Date;
  endPrecision?: Precision;
  endStatus: EndStatus;
  /** NOT_RECORDED only, when any day is known: a calendar date (midnight UTC). */
  lastReportedOn?: Date;
};

/**
 * Which phase starts first and which ends last (by the instant an end really
 * ends: a day-precision end covers its day). `last` is null when a phase has
 * no recorded end. Ties go to the phase listed first. Null without phases.
 */
export function boundingPhases(phases: readonly PhasePeriod[]): { first: number; last: number | null } | null {
  if (phases.length === 0) return null;
  let first = 0;
  phases.forEach((phase, index) => {
    if (phase.startsAt.getTime() < phases[first]!.startsAt.getTime()) first = index;
  });
  if (phases.some((phase) => !phase.endsAt)) return { first, last: null };
  const endOf = (phase: PhasePeriod) => effectiveEnd(phase.endsAt!, phase.endPrecision ?? null).getTime();
  let last = 0;
  phases.forEach((phase, index) => {
    if (endOf(phase) > endOf(phases[last]!)) last = index;
  });
  return { first, last };
}

/** The Kazakhstan calendar day (as midnight UTC) of the last moment of a recorded end: a DAY end is its own day. */
function lastDayOf(endsAt: Date, precision: Precision | null): Date {
  const lastMoment = new Date(effectiveEnd(endsAt, precision).getTime() - 1);
  return new Date(`${isoToAlmatyLocal(lastMoment)!.slice(0, 10)}T00:00:00Z`);
}

/**
 * What is known about the end of phases that do not all end: ONGOING when a
 * phase without an end is ongoing; otherwise NOT_RECORDED, last reported on
 * the latest day any phase is known to be in effect (a phase without an end:
 * its last report; a phase with one: its last day), if any.
 */
export function openEndOfPhases(phases: readonly PhasePeriod[]): { endStatus: "ONGOING" | "NOT_RECORDED"; lastReportedOn?: Date } {
  if (phases.some((phase) => !phase.endsAt && phase.endStatus === "ONGOING")) return { endStatus: "ONGOING" };
  const days = phases.flatMap((phase) => (phase.endsAt ? [lastDayOf(phase.endsAt, phase.endPrecision ?? null)] : phase.lastReportedOn ? [phase.lastReportedOn] : []));
  if (days.length === 0) return { endStatus: "NOT_RECORDED" };
  return { endStatus: "NOT_RECORDED", lastReportedOn: new Date(Math.max(...days.map((day) => day.getTime()))) };
}

/** The period the phases span, or null without phases. */
export function periodOfPhases(phases: readonly PhasePeriod[]): DerivedPeriod | null {
  const bounds = boundingPhases(phases);
  if (!bounds) return null;
  const first = phases[bounds.first]!;
  const start = { startsAt: first.startsAt, startPrecision: first.startPrecision };
  if (bounds.last === null) return { ...start, ...openEndOfPhases(phases) };
  const last = phases[bounds.last]!;
  const period: DerivedPeriod = { ...start, endsAt: last.endsAt!, endStatus: "RECORDED" };
  if (last.endPrecision) period.endPrecision = last.endPrecision;
  return period;
}

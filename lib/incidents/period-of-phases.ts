import { effectiveEnd, type Precision } from "@/lib/time/format";

/**
 * An incident's period taken from its phases: it starts when the first phase
 * starts and ends when the last phase ends, each at that phase's precision.
 * When any phase has no recorded end, neither has the incident. The shared
 * schema checks an incident that follows its phases against this, and the
 * editor fills the period in with it, so browser and server agree. Pure.
 */

export type PhasePeriod = { startsAt: Date; startPrecision: Precision; endsAt?: Date | null; endPrecision?: Precision | null };
export type DerivedPeriod = { startsAt: Date; startPrecision: Precision; endsAt?: Date; endPrecision?: Precision };

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

/** The period the phases span, or null without phases. */
export function periodOfPhases(phases: readonly PhasePeriod[]): DerivedPeriod | null {
  const bounds = boundingPhases(phases);
  if (!bounds) return null;
  const first = phases[bounds.first]!;
  const period: DerivedPeriod = { startsAt: first.startsAt, startPrecision: first.startPrecision };
  if (bounds.last !== null) {
    const last = phases[bounds.last]!;
    period.endsAt = last.endsAt!;
    if (last.endPrecision) period.endPrecision = last.endPrecision;
  }
  return period;
}

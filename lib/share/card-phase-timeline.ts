import type { DisruptionType, PhaseExtent } from "@/lib/generated/prisma/enums";
import { timeTicks } from "@/lib/time/format";

/**
 * An incident's phases on a real time axis, for its social card: every phase
 * (never a subset), each bar from its start to where the figures count it to
 * (decision 0008), positioned and sized in proportion to time. Bars that
 * overlap in time go on separate lanes; a phase that is not counted (no
 * recorded end, no last report) runs to the axis's end and is marked open.
 * The axis is the incident page's phase chart's (components/timeline/
 * phase-timeline.tsx): from the first start to the last counted end, or to
 * now when nothing has ended. Positions are fractions of the axis (0–1).
 */

export type CardPhaseInput = {
  number: number;
  type: DisruptionType;
  extent: PhaseExtent;
  startsAt: Date;
  /** Where the figures count the phase to; null when it is not counted. */
  countedUntil: Date | null;
};

export type CardPhaseBar = {
  number: number;
  type: DisruptionType;
  extent: PhaseExtent;
  /** Its lane, 0 at the top. */
  lane: number;
  start: number;
  end: number;
  /** Not counted: drawn to the axis's end, fading. */
  open: boolean;
};

export type CardPhaseTimeline = {
  from: Date;
  to: Date;
  lanes: number;
  bars: CardPhaseBar[];
  /** Axis ticks in Kazakhstan time, as fractions of the axis. */
  ticks: { at: number; label: string }[];
};

const HOUR = 3_600_000;

/**
 * `minWidth`: the narrowest a bar is drawn, as a fraction of the axis (a
 * one-hour cut in a month still shows); lanes keep bars apart at that width.
 */
export function cardPhaseTimeline(phases: CardPhaseInput[], now: Date, locale: string, options: { minWidth?: number; maxTicks?: number } = {}): CardPhaseTimeline | null {
  if (phases.length === 0) return null;
  const minWidth = options.minWidth ?? 0;
  const ends = phases.map((phase) => (phase.countedUntil && phase.countedUntil > phase.startsAt ? phase.countedUntil : null));
  const from = new Date(Math.min(...phases.map((phase) => phase.startsAt.getTime())));
  const closed = ends.filter((end): end is Date => end !== null).map((end) => end.getTime());
  const to = closed.length === 0 ? (now > from ? now : new Date(from.getTime() + HOUR)) : new Date(Math.max(...closed, from.getTime() + HOUR));
  const span = to.getTime() - from.getTime();
  const fraction = (instant: Date) => Math.min(1, Math.max(0, (instant.getTime() - from.getTime()) / span));

  const placed = phases.map((phase, index) => {
    const end = ends[index] ?? null;
    return {
      number: phase.number,
      type: phase.type,
      extent: phase.extent,
      start: fraction(phase.startsAt),
      end: end ? fraction(end) : 1,
      open: end === null,
    };
  });
  // Lanes: in order of start, each bar on the first lane whose last bar (at its drawn width) ends before it begins.
  const order = placed.map((_, index) => index).sort((a, b) => placed[a]!.start - placed[b]!.start || placed[a]!.end - placed[b]!.end || placed[a]!.number - placed[b]!.number);
  const laneEnds: number[] = [];
  const lanes = new Map<number, number>();
  for (const index of order) {
    const bar = placed[index]!;
    const drawnEnd = Math.max(bar.end, bar.start + minWidth);
    let lane = laneEnds.findIndex((end) => end <= bar.start);
    if (lane === -1) lane = laneEnds.push(drawnEnd) - 1;
    else laneEnds[lane] = drawnEnd;
    lanes.set(index, lane);
  }
  return {
    from,
    to,
    lanes: laneEnds.length,
    bars: placed.map((bar, index) => ({ ...bar, lane: lanes.get(index)! })),
    ticks: timeTicks(from, to, locale, options.maxTicks ?? 4).map((tick) => ({ at: fraction(tick.at), label: tick.label })),
  };
}

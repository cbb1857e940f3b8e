import { dayTypeAt } from "./kazakhstan-calendar";
import {
  BASELINE_LOOKBACK_DAYS,
  BASELINE_MIN_DAYS,
  BASELINE_NEIGHBOUR_STEPS,
  BASELINE_SIMILAR_DAYS,
  DAY_MS,
  EXTREME_DAYS,
  EXTREME_REFERENCE_FALLBACK_DAYS,
  EXTREME_RELATIVE_DEVIATION,
} from "./parameters";
import { medianOf, type SeriesReader } from "./series-reader";
import type { SeasonalBaselineWindow } from "./signals";

/**
 * What the series usually reads at this time of day on this kind of day.
 *
 * 1. Look at the same time of day on each of the last 28 days (the signal's
 *    lookbackDays; Cloudflare's window).
 * 2. Leave out extreme days of the last week: below half or above 1.5 times
 *    the median of the same time over the older days (IODA keeps extreme
 *    values out of its baseline for up to 7 days). A disruption older than a
 *    week counts again; about two weeks in, it is the new normal.
 * 3. Take the 6 (similarDays) most recent remaining days of the same type as the bucket's
 *    day (workday, or weekend/holiday in Kazakhstan), or of any type when
 *    fewer than 3 exist (a new series, the days after a long holiday).
 * 4. The baseline is the median of those days' values at the same time and
 *    the neighbouring buckets.
 *
 * Only buckets at least a day minus a bucket before the one judged are read,
 * so a run never looks ahead.
 * Returns NaN when there is not enough history.
 */
export function seasonalBaseline(
  reader: SeriesReader,
  at: number,
  window: SeasonalBaselineWindow = DEFAULT_WINDOW,
  scratch: BaselineScratch = new BaselineScratch(window),
): number {
  const { stepMs } = reader;
  const { lookbackDays, similarDays } = window;
  const neighbours = stepMs * 2 <= DAY_MS ? BASELINE_NEIGHBOUR_STEPS : 0;

  // The day's value at this time of day for each of the lookback days (the bucket itself, else a neighbour).
  let known = 0;
  let oldest = 0;
  for (let day = 1; day <= lookbackDays; day += 1) {
    const value = dayValue(reader, at - day * DAY_MS, neighbours);
    scratch.dayValues[day] = value;
    if (Number.isNaN(value)) continue;
    known += 1;
    oldest = day;
  }
  if (known < BASELINE_MIN_DAYS) return Number.NaN;

  const reference = extremeReference(scratch, lookbackDays, oldest);
  const low = Number.isNaN(reference) ? -Infinity : reference * (1 - EXTREME_RELATIVE_DEVIATION);
  const high = Number.isNaN(reference) ? Infinity : reference * (1 + EXTREME_RELATIVE_DEVIATION);
  const extreme = (day: number, value: number) => day <= EXTREME_DAYS && (value < low || value > high);

  const dayType = dayTypeAt(at);
  let similar = 0;
  let any = 0;
  for (let day = 1; day <= lookbackDays && similar < similarDays; day += 1) {
    const value = scratch.dayValues[day]!;
    if (Number.isNaN(value) || extreme(day, value)) continue;
    if (any < similarDays) scratch.anyDays[any++] = day;
    if (dayTypeAt(at - day * DAY_MS) === dayType) scratch.similarDays[similar++] = day;
  }
  const useSimilar = similar >= BASELINE_MIN_DAYS;
  if (!useSimilar && any < BASELINE_MIN_DAYS) return Number.NaN;
  const days = useSimilar ? scratch.similarDays : scratch.anyDays;
  const dayCount = useSimilar ? similar : any;

  let count = 0;
  for (let position = 0; position < dayCount; position += 1) {
    const day = days[position]!;
    const centre = at - day * DAY_MS;
    for (let offset = -neighbours; offset <= neighbours; offset += 1) {
      const value = reader.valueAt(centre + offset * stepMs);
      if (Number.isNaN(value) || extreme(day, value)) continue;
      scratch.numbers[count++] = value;
    }
  }
  return medianOf(scratch.numbers, count);
}

/**
 * What the last week's values are judged against: the median of the older
 * days of the lookback; with too few of them, of the oldest days known.
 * NaN when even those are too few (nothing is then extreme).
 */
function extremeReference(scratch: BaselineScratch, lookbackDays: number, oldestKnownDay: number): number {
  let count = 0;
  for (let day = EXTREME_DAYS + 1; day <= lookbackDays; day += 1) {
    const value = scratch.dayValues[day]!;
    if (!Number.isNaN(value)) scratch.numbers[count++] = value;
  }
  if (count < BASELINE_MIN_DAYS) {
    count = 0;
    for (let day = oldestKnownDay; day >= 1 && count < EXTREME_REFERENCE_FALLBACK_DAYS; day -= 1) {
      const value = scratch.dayValues[day]!;
      if (!Number.isNaN(value)) scratch.numbers[count++] = value;
    }
  }
  return count >= BASELINE_MIN_DAYS ? medianOf(scratch.numbers, count) : Number.NaN;
}

/** The stretch [from, to) of a series a bucket's baseline is computed from: the lookback and the neighbouring buckets. */
export function baselineSpan(at: number, stepMs: number, window: SeasonalBaselineWindow = DEFAULT_WINDOW): [number, number] {
  return [at - window.lookbackDays * DAY_MS - BASELINE_NEIGHBOUR_STEPS * stepMs, at - DAY_MS + (BASELINE_NEIGHBOUR_STEPS + 1) * stepMs];
}

/** The day's value at a time: its bucket, or the nearest neighbour's when the bucket is a gap. */
function dayValue(reader: SeriesReader, at: number, neighbours: number): number {
  const value = reader.valueAt(at);
  if (!Number.isNaN(value)) return value;
  for (let offset = 1; offset <= neighbours; offset += 1) {
    const before = reader.valueAt(at - offset * reader.stepMs);
    if (!Number.isNaN(before)) return before;
    const after = reader.valueAt(at + offset * reader.stepMs);
    if (!Number.isNaN(after)) return after;
  }
  return Number.NaN;
}

const DEFAULT_WINDOW: SeasonalBaselineWindow = { lookbackDays: BASELINE_LOOKBACK_DAYS, similarDays: BASELINE_SIMILAR_DAYS };

/** Reusable buffers for one window, so that a run's thousands of baselines allocate nothing. */
export class BaselineScratch {
  readonly dayValues: Float64Array;
  readonly numbers: Float64Array;
  readonly similarDays: Int32Array;
  readonly anyDays: Int32Array;

  constructor(window: SeasonalBaselineWindow = DEFAULT_WINDOW) {
    this.dayValues = new Float64Array(window.lookbackDays + 1);
    this.numbers = new Float64Array(window.lookbackDays * (2 * BASELINE_NEIGHBOUR_STEPS + 1));
    this.similarDays = new Int32Array(window.similarDays);
    this.anyDays = new Int32Array(window.similarDays);
  }
}

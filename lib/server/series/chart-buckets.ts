import "server-only";

/**
 * Bucket arithmetic shared by the downsampling query (SQL `date_bin`) and the
 * gap filling that follows it. Buckets are aligned to BUCKET_ORIGIN, a Monday
 * at midnight UTC: day buckets start at 00:00 UTC, week buckets on Mondays.
 * (Kazakhstan's offset changed in 2024, so no fixed origin could align
 * buckets with local midnight over the years a chart spans.)
 */
export const BUCKET_ORIGIN = new Date("2000-01-03T00:00:00Z");

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** Bucket widths a reader can name, smallest first; beyond the last, whole weeks. */
export const NICE_BUCKET_SECONDS = [
  MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  WEEK,
  2 * WEEK,
  4 * WEEK,
];

/** Start of the bucket `at` falls in (as date_bin computes it). */
export function bucketStart(at: Date, bucketSeconds: number): Date {
  const width = bucketSeconds * 1000;
  const offset = at.getTime() - BUCKET_ORIGIN.getTime();
  return new Date(BUCKET_ORIGIN.getTime() + Math.floor(offset / width) * width);
}

/** How many buckets cover [from, to): the first may start before `from`. */
export function bucketCount(from: Date, to: Date, bucketSeconds: number): number {
  if (to <= from) return 0;
  return Math.ceil((to.getTime() - bucketStart(from, bucketSeconds).getTime()) / (bucketSeconds * 1000));
}

/** The starts of every bucket covering [from, to), in order. */
export function bucketStarts(from: Date, to: Date, bucketSeconds: number): Date[] {
  const first = bucketStart(from, bucketSeconds).getTime();
  const count = bucketCount(from, to, bucketSeconds);
  return Array.from({ length: count }, (_, index) => new Date(first + index * bucketSeconds * 1000));
}

/**
 * The smallest nice bucket width, no finer than the data (`minSeconds`, the
 * series' step), with which at most `maxPoints` aligned buckets cover
 * [from, to). At least two buckets must be allowed: a period can straddle
 * a boundary of every width (the origin's), but two buckets as wide as the
 * period always cover it.
 */
export function chooseBucketSeconds(options: { from: Date; to: Date; maxPoints: number; minSeconds?: number }): number {
  const { from, to, maxPoints } = options;
  if (!(maxPoints >= 2)) throw new RangeError(`maxPoints must be at least 2, not ${maxPoints}`);
  const minSeconds = Math.max(1, options.minSeconds ?? 0);
  const fits = (seconds: number) => seconds >= minSeconds && bucketCount(from, to, seconds) <= maxPoints;
  const nice = NICE_BUCKET_SECONDS.find(fits);
  if (nice) return nice;
  const rangeSeconds = (to.getTime() - from.getTime()) / 1000;
  let weeks = Math.max(1, Math.ceil(Math.max(rangeSeconds / maxPoints, minSeconds) / WEEK));
  while (!fits(weeks * WEEK)) weeks += 1;
  return weeks * WEEK;
}

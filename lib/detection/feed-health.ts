import { FEED_ACTIVE_LOOKBACK_MS, FEED_HEALTHY_SHARE, MINUTE_MS } from "./parameters";
import type { PreparedSeries, RunData } from "./run-data";
import type { FeedStatus, GroupFreshness } from "./types";

/**
 * Whether a missing point of `prepared` at `at` is the network's silence
 * rather than the feed's (then it counts as a total drop):
 *
 * - the source is healthy: at least FEED_HEALTHY_SHARE of its other series
 *   (any signal) that were active in the day before have their point for
 *   the bucket, and
 * - the signal itself is not silent everywhere: some other series of the
 *   same source and signal has its point (IODA's datasources are collected
 *   by separate pipelines; when the telescope's stalls, every telescope
 *   series goes quiet at once).
 *
 * A series alone in its feed cannot be vouched for.
 */
export function feedHealthyAt(run: RunData, prepared: PreparedSeries, at: number): boolean {
  const bucket = run.sourceBucket(prepared, at, sourceBucket);
  // The series itself has no point here; it counts among the active ones if it had one lately.
  const selfActive = prepared.reader.hasValueBetween(at - FEED_ACTIVE_LOOKBACK_MS, at) ? 1 : 0;
  return (bucket.signalsPresent.get(prepared.family) ?? 0) > 0 && bucket.present >= FEED_HEALTHY_SHARE * (bucket.active - selfActive);
}

/** Who reported for a bucket: series of the source with a point, active lately, and with a point per signal. */
export type SourceBucket = { present: number; active: number; signalsPresent: Map<string, number> };

function sourceBucket(members: readonly PreparedSeries[], at: number): SourceBucket {
  const bucket: SourceBucket = { present: 0, active: 0, signalsPresent: new Map() };
  for (const member of members) {
    if (!Number.isNaN(member.reader.valueAt(at))) {
      bucket.present += 1;
      bucket.active += 1;
      bucket.signalsPresent.set(member.family, (bucket.signalsPresent.get(member.family) ?? 0) + 1);
    } else if (member.reader.hasValueBetween(at - FEED_ACTIVE_LOOKBACK_MS, at)) {
      bucket.active += 1;
    }
  }
  return bucket;
}

/** Without a staleAfter of its own, a feed is stale after three of its buckets without data. */
const DEFAULT_STALE_STEPS = 3;

function staleAfterMs(members: readonly PreparedSeries[]): number {
  const stated = members.find((member) => member.params)?.params?.staleAfterMinutes;
  if (stated !== undefined) return stated * MINUTE_MS;
  return DEFAULT_STALE_STEPS * Math.max(...members.map((member) => member.stepMs));
}

/** Each (source, signal) feed's latest data and whether it is stale at the run's end. */
export function feedStatuses(run: RunData): FeedStatus[] {
  return run.familyNames().map((name) => {
    const members = run.familyMembers(name);
    const lastDataUntil = latest(members.map((member) => run.lastDataUntil(member)));
    const { source, signal } = members[0]!.series;
    return {
      source,
      signal,
      lastDataUntil: lastDataUntil === null ? null : new Date(lastDataUntil),
      stale: lastDataUntil === null || run.until - lastDataUntil > staleAfterMs(members),
    };
  });
}

/**
 * A group's latest data and whether it has none recently. Judged on its
 * connectivity signals when it has any (OONI's sparse hours say little about
 * whether a network is up), else on its service signals.
 */
export function groupFreshness(run: RunData, group: { key: string; operator: string | null; members: readonly PreparedSeries[] }): GroupFreshness {
  const connectivity = group.members.filter((member) => member.params?.kind === "connectivity");
  const judged = connectivity.length > 0 ? connectivity : group.members.filter((member) => member.params);
  const lastDataUntil = latest(judged.map((member) => run.lastDataUntil(member)));
  const stale =
    judged.length === 0 ||
    judged.every((member) => {
      const last = run.lastDataUntil(member);
      return last === null || run.until - last > staleAfterMs([member]);
    });
  return { group: group.key, operator: group.operator, lastDataUntil: lastDataUntil === null ? null : new Date(lastDataUntil), stale };
}

function latest(instants: (number | null)[]): number | null {
  let best: number | null = null;
  for (const instant of instants) if (instant !== null && (best === null || instant > best)) best = instant;
  return best;
}

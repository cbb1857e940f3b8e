/**
 * Seasonal baselines kept from one run to the next, for a caller that runs
 * the detector again and again over series that only grow (as
 * series_points does: points are inserted ON CONFLICT DO NOTHING and never
 * changed). An entry remembers how many points its baseline was computed
 * from and is used only while that number is the same, so a backfilled gap
 * in the baseline's four weeks recomputes it. Do not pass one for series
 * whose stored values can change.
 */
export class BaselineCache {
  private readonly bySeries = new Map<string, Map<number, { basis: number; value: number }>>();

  /** The cached baseline of the bucket starting at `at` of a series, if it was computed from `basis` points. */
  get(seriesId: string, at: number, basis: number): number | undefined {
    const entry = this.bySeries.get(seriesId)?.get(at);
    return entry && entry.basis === basis ? entry.value : undefined;
  }

  set(seriesId: string, at: number, basis: number, value: number): void {
    let entries = this.bySeries.get(seriesId);
    if (!entries) this.bySeries.set(seriesId, (entries = new Map()));
    entries.set(at, { basis, value });
  }

  /** Forgets buckets that start before `before` (epoch ms), which later runs will not ask for again. */
  prune(before: number): void {
    for (const entries of this.bySeries.values()) {
      for (const at of entries.keys()) if (at < before) entries.delete(at);
    }
  }
}

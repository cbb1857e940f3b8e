import { BaselineScratch, baselineSpan, seasonalBaseline } from "./baseline";
import type { BaselineCache } from "./baseline-cache";
import { signalKey, signalParameters, type SeasonalBaselineWindow, type SignalParameters } from "./signals";
import { firstPointAtOrAfter, SeriesReader, stepMsOf } from "./series-reader";
import type { DetectionInput, DetectionSeries } from "./types";

/** A series with what one run needs to know about it. */
export type PreparedSeries = {
  series: DetectionSeries;
  /** "ioda.ping-slash24": its row's key (the registry's, for a signal stored under one name), else signalKey. */
  key: string;
  /** "IODA|ping-slash24": series of one feed, for feed health. */
  family: string;
  params: SignalParameters | undefined;
  stepMs: number;
  reader: SeriesReader;
};

/**
 * One run's view of the input: series prepared once, and their baselines
 * computed at most once per bucket. Nothing here outlives the run. Points
 * at or after the window's end are never read.
 */
export class RunData {
  readonly until: number;
  readonly prepared: readonly PreparedSeries[];
  private readonly families = new Map<string, PreparedSeries[]>();
  private readonly sources = new Map<string, PreparedSeries[]>();
  private readonly baselines = new Map<PreparedSeries, Map<number, number>>();
  private readonly scratches = new Map<string, BaselineScratch>();
  private readonly cache: BaselineCache | undefined;

  constructor(input: DetectionInput) {
    this.until = input.window.until.getTime();
    this.cache = input.baselineCache;
    this.prepared = input.series.map((series) => {
      const stepMs = stepMsOf(series);
      // Only what had arrived by the window's end: a caller may pass longer series.
      const arrived = firstPointAtOrAfter(series.points, this.until);
      const points = arrived === series.points.length ? series.points : series.points.slice(0, arrived);
      const params = signalParameters(series.source, series.signal);
      return {
        series,
        key: params?.key ?? signalKey(series.source, series.signal),
        family: `${series.source}|${series.signal}`,
        params,
        stepMs,
        reader: new SeriesReader(points, stepMs),
      };
    });
    for (const prepared of this.prepared) {
      const family = this.families.get(prepared.family) ?? [];
      family.push(prepared);
      this.families.set(prepared.family, family);
      const source = this.sources.get(prepared.series.source) ?? [];
      source.push(prepared);
      this.sources.set(prepared.series.source, source);
    }
  }

  private readonly sourceBuckets = new Map<string, unknown>();

  /** A per-bucket summary of the series' source, computed once per run by `compute` over the source's series. */
  sourceBucket<T>(prepared: PreparedSeries, at: number, compute: (members: readonly PreparedSeries[], at: number) => T): T {
    const key = `${prepared.series.source}|${Math.floor(at / prepared.stepMs) * prepared.stepMs}`;
    let summary = this.sourceBuckets.get(key) as T | undefined;
    if (summary === undefined) {
      summary = compute(this.sources.get(prepared.series.source) ?? [], at);
      this.sourceBuckets.set(key, summary);
    }
    return summary;
  }

  familyNames(): string[] {
    return [...this.families.keys()].sort();
  }

  familyMembers(name: string): readonly PreparedSeries[] {
    return this.families.get(name) ?? [];
  }

  /** The seasonal baseline of the series' bucket holding `at` (memoised for the run, and across runs with a BaselineCache). */
  baselineAt(prepared: PreparedSeries, at: number): number {
    let memo = this.baselines.get(prepared);
    if (!memo) this.baselines.set(prepared, (memo = new Map()));
    const bucketStart = Math.floor(at / prepared.stepMs) * prepared.stepMs;
    let baseline = memo.get(bucketStart);
    if (baseline !== undefined) return baseline;
    const window = prepared.params?.kind === "connectivity" ? prepared.params.baseline : undefined;
    const basis = this.cache ? this.pointsBetween(prepared, ...baselineSpan(bucketStart, prepared.stepMs, window)) : 0;
    baseline = this.cache?.get(prepared.series.id, bucketStart, basis);
    if (baseline === undefined) {
      baseline = seasonalBaseline(prepared.reader, bucketStart, window, this.scratchFor(window));
      this.cache?.set(prepared.series.id, bucketStart, basis, baseline);
    }
    memo.set(bucketStart, baseline);
    return baseline;
  }

  private scratchFor(window: SeasonalBaselineWindow | undefined): BaselineScratch {
    const key = window ? `${window.lookbackDays}|${window.similarDays}` : "default";
    let scratch = this.scratches.get(key);
    if (!scratch) this.scratches.set(key, (scratch = new BaselineScratch(window)));
    return scratch;
  }

  private pointsBetween(prepared: PreparedSeries, from: number, to: number): number {
    return prepared.reader.countBefore(to) - prepared.reader.countBefore(from);
  }

  /** The start of the series' first point, or null. */
  firstPointAt(prepared: PreparedSeries): number | null {
    return prepared.reader.points[0]?.at ?? null;
  }

  /** The end of the latest bucket before the run's end, or null. */
  lastDataUntil(prepared: PreparedSeries): number | null {
    const points = prepared.reader.points;
    return points.length > 0 ? points[points.length - 1]!.at + prepared.stepMs : null;
  }
}

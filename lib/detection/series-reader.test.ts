import { describe, expect, it } from "vitest";
import { medianOf, SeriesReader, stepMsOf } from "./series-reader";
import type { DetectionSeries } from "./types";

const STEP = 300_000;
const points = [0, 1, 2, 5, 6, 9].map((bucket) => ({ at: bucket * STEP, value: bucket * 10 }));

describe("SeriesReader", () => {
  const reader = new SeriesReader(points, STEP);

  it("finds a bucket's point through gaps, and NaN for a gap", () => {
    expect(reader.valueAt(5 * STEP)).toBe(50);
    expect(reader.valueAt(5 * STEP + 1000)).toBe(50);
    expect(reader.valueAt(9 * STEP)).toBe(90);
    expect(reader.valueAt(3 * STEP)).toBeNaN();
    expect(reader.valueAt(-STEP)).toBeNaN();
    expect(reader.valueAt(10 * STEP)).toBeNaN();
  });

  it("counts the points before an instant", () => {
    expect([0, 1, 3, 5, 6, 7, 9, 10].map((bucket) => reader.countBefore(bucket * STEP))).toEqual([0, 1, 3, 3, 4, 5, 5, 6]);
    expect(reader.hasValueBetween(3 * STEP, 5 * STEP)).toBe(false);
    expect(reader.hasValueBetween(3 * STEP, 6 * STEP)).toBe(true);
  });

  it("gives 1 as the weight of a point that states none", () => {
    const weighted = new SeriesReader([{ at: 0, value: 0.5, weight: 4 }, { at: STEP, value: 1 }], STEP);
    expect([weighted.weightAt(0), weighted.weightAt(STEP), weighted.weightAt(2 * STEP)]).toEqual([4, 1, 1]);
  });
});

describe("stepMsOf and medianOf", () => {
  it("takes the stated step, else the most common gap", () => {
    const series = { stepSeconds: null, points } as unknown as DetectionSeries;
    expect(stepMsOf(series)).toBe(STEP);
    expect(stepMsOf({ ...series, stepSeconds: 10_800 })).toBe(10_800_000);
  });

  it("takes the median of the first entries", () => {
    expect(medianOf(Float64Array.from([5, 1, 3, 100]), 3)).toBe(3);
    expect(medianOf(Float64Array.from([4, 1, 3, 2]), 4)).toBe(2.5);
    expect(medianOf(new Float64Array(2), 0)).toBeNaN();
  });
});

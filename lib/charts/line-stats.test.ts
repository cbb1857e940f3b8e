import { describe, expect, it } from "vitest";
import { lineStats, median } from "./line-stats";

describe("median", () => {
  it("is the middle value, the mean of the middle two for an even count, and null for none", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5])).toBe(5);
    expect(median([])).toBeNull();
  });

  it("does not reorder what it is given", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("lineStats", () => {
  it("takes the first bucket of the lowest value, and counts gaps apart", () => {
    const points = [
      { at: "2022-01-05T00:00:00.000Z", value: 4 },
      { at: "2022-01-05T01:00:00.000Z", value: 2 },
      { at: "2022-01-05T02:00:00.000Z", value: null },
      { at: "2022-01-05T03:00:00.000Z", value: 2 },
      { at: "2022-01-05T04:00:00.000Z", value: 9 },
    ];
    expect(lineStats(points)).toEqual({ withData: 4, gaps: 1, min: { value: 2, at: "2022-01-05T01:00:00.000Z" }, max: 9, median: 3 });
  });

  it("has no figures for a line of gaps", () => {
    expect(lineStats([{ at: "2022-01-05T00:00:00.000Z", value: null }])).toEqual({ withData: 0, gaps: 1, min: null, max: null, median: null });
  });
});

import { describe, expect, it } from "vitest";
import { foldShortRuns } from "./segments";

describe("foldShortRuns", () => {
  it("folds a stretch shorter than the minimum into the one before it, then joins equal neighbours", () => {
    const runs = [
      { level: "blackout" as const, first: 0, count: 10 },
      { level: "disrupted" as const, first: 10, count: 1 },
      { level: "blackout" as const, first: 11, count: 8 },
      { level: "normal" as const, first: 19, count: 6 },
      { level: "blackout" as const, first: 25, count: 7 },
    ];
    expect(foldShortRuns(runs, 6)).toEqual([
      { level: "blackout", first: 0, count: 19 },
      { level: "normal", first: 19, count: 6 },
      { level: "blackout", first: 25, count: 7 },
    ]);
  });

  it("folds a short first stretch into the next, and leaves a lone stretch alone", () => {
    expect(foldShortRuns([{ level: "disrupted", first: 0, count: 2 }, { level: "blackout", first: 2, count: 9 }], 6)).toEqual([{ level: "blackout", first: 0, count: 11 }]);
    expect(foldShortRuns([{ level: "disrupted", first: 0, count: 2 }], 6)).toEqual([{ level: "disrupted", first: 0, count: 2 }]);
  });

  it("never folds a short drop into the restorations around it", () => {
    const runs = [
      { level: "blackout" as const, first: 0, count: 10 },
      { level: "normal" as const, first: 10, count: 8 },
      { level: "disrupted" as const, first: 18, count: 3 },
      { level: "normal" as const, first: 21, count: 8 },
    ];
    expect(foldShortRuns(runs, 6)).toEqual(runs);
  });
});

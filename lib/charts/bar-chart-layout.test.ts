import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { axisTicks, gutterPercent, hideBelowRem, layoutBarChart, niceCeiling, THINNING_BREAKPOINTS_REM } from "./bar-chart-layout";

describe("niceCeiling", () => {
  it("rounds up to the next round number", () => {
    expect(niceCeiling(88.5)).toBe(100);
    expect(niceCeiling(148.8)).toBe(150);
    expect(niceCeiling(7)).toBe(8);
    expect(niceCeiling(3)).toBe(3);
    expect(niceCeiling(0.7)).toBe(0.8);
    expect(niceCeiling(1001)).toBe(1200);
  });

  it("keeps a round number as it is, without binary noise", () => {
    expect(niceCeiling(120)).toBe(120);
    expect(niceCeiling(0.3)).toBe(0.3);
  });

  it("gives 1 for nothing to draw", () => {
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(-5)).toBe(1);
    expect(niceCeiling(Number.NaN)).toBe(1);
  });
});

describe("axisTicks", () => {
  it("ends on the top, in equal round steps", () => {
    expect(axisTicks(100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(axisTicks(120)).toEqual([0, 20, 40, 60, 80, 100, 120]);
    expect(axisTicks(150)).toEqual([0, 50, 100, 150]);
    expect(axisTicks(250)).toEqual([0, 50, 100, 150, 200, 250]);
    expect(axisTicks(1.2)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1, 1.2]);
    expect(axisTicks(1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it("steps in whole numbers on a count axis", () => {
    expect(axisTicks(1, { integers: true })).toEqual([0, 1]);
    expect(axisTicks(2, { integers: true })).toEqual([0, 1, 2]);
    expect(axisTicks(3, { integers: true })).toEqual([0, 1, 2, 3]);
    expect(axisTicks(8, { integers: true })).toEqual([0, 2, 4, 6, 8]);
    expect(axisTicks(15, { integers: true })).toEqual([0, 5, 10, 15]);
  });

  it("every top niceCeiling gives has a tick on it, from two to seven ticks", () => {
    for (let value = 0.05; value < 5000; value *= 1.37) {
      const top = niceCeiling(value);
      const ticks = axisTicks(top);
      expect(ticks.at(-1), `top ${top}`).toBe(top);
      expect(ticks.length, `top ${top}`).toBeGreaterThanOrEqual(3);
      expect(ticks.length, `top ${top}`).toBeLessThanOrEqual(7);
    }
  });
});

describe("gutterPercent", () => {
  it("grows with the longest label, within bounds", () => {
    expect(gutterPercent(["0", "50", "100"])).toBeGreaterThan(gutterPercent(["0", "5", "10"]));
    expect(gutterPercent([])).toBe(4);
    expect(gutterPercent(["1 000 000 000 000"])).toBe(20);
  });
});

describe("hideBelowRem", () => {
  it("never hides the first label, nor any when there is room", () => {
    expect(hideBelowRem(0, 24, 50, 0.9)).toBeNull();
    expect(hideBelowRem(1, 3, 30, 0.9)).toBeNull();
  });

  it("hides every other label first, then every other of those, on narrower frames", () => {
    // Twelve months labelled "Jan 2022" (about 55 px) over 90 % of the frame.
    const odd = hideBelowRem(1, 12, 55, 0.9)!;
    const second = hideBelowRem(2, 12, 55, 0.9)!;
    const fourth = hideBelowRem(4, 12, 55, 0.9);
    expect(odd).toBeGreaterThan(second);
    expect(fourth === null || fourth < second).toBe(true);
    // Stride 1 needs (55 + 8) × 12 / 0.9 = 840 px = 52.5 rem: hidden below the next breakpoint, 60 rem.
    expect(odd).toBe(60);
    expect(THINNING_BREAKPOINTS_REM).toContain(second);
  });

  it("hides below the widest breakpoint when even that is too narrow", () => {
    expect(hideBelowRem(1, 500, 60, 0.9)).toBe(80);
  });

  it("has a container query for every breakpoint it names, and no other", () => {
    const css = readFileSync(new URL("../../components/charts/bar-chart.module.css", import.meta.url), "utf8");
    const queries = [...css.matchAll(/@container \(max-width: (\d+)rem\) \{ \.xLabel\[data-hide-below="(\d+)"\] \{ display: none; \} \}/g)];
    expect(queries.map((query) => Number(query[1]))).toEqual([...THINNING_BREAKPOINTS_REM]);
    for (const query of queries) expect(query[2]).toBe(query[1]);
  });
});

describe("layoutBarChart", () => {
  const frame = { heightPx: 200, marginTopPx: 20, marginBottomPx: 30, gutterPercent: 10 };
  const layout = layoutBarChart({
    categories: [
      { key: "2022-01", label: "Jan 2022", values: { full: 60, partial: 30, service: 24 } },
      { key: "2022-02", label: "Feb 2022", values: { full: 0, partial: 0, service: 120 } },
    ],
    series: [
      { key: "full", stack: "network" },
      { key: "partial", stack: "network" },
      { key: "service", stack: "service" },
    ],
    top: 100,
    ticks: [0, 50, 100],
    frame,
  });
  const bar = (category: string, series: string) => layout.bars.find((entry) => entry.category === category && entry.series === series)!;

  it("puts the plot between the margins and the gutter, in percent", () => {
    expect(layout.plot).toEqual({ left: 10, right: 100, top: 10, bottom: 85 });
    expect(layout.ticks).toEqual([
      { value: 0, y: 85 },
      { value: 50, y: 47.5 },
      { value: 100, y: 10 },
    ]);
  });

  it("stacks series of one stack from 0 up, heights in proportion to the figures", () => {
    const full = bar("2022-01", "full");
    const partial = bar("2022-01", "partial");
    expect(full.y + full.height).toBeCloseTo(85, 2);
    expect(full.height).toBeCloseTo(0.6 * 75, 2);
    expect(partial.y + partial.height).toBeCloseTo(full.y, 2);
    expect(partial.height).toBeCloseTo(0.3 * 75, 2);
    expect(partial.x).toBe(full.x);
  });

  it("draws another stack as a bar of its own beside it", () => {
    const full = bar("2022-01", "full");
    const service = bar("2022-01", "service");
    expect(service.x).toBeGreaterThan(full.x + full.width);
    expect(service.width).toBe(full.width);
    expect(service.y + service.height).toBeCloseTo(85, 2);
    expect(service.height).toBeCloseTo(0.24 * 75, 2);
  });

  it("keeps every figure, zeros included, and clamps a bar above the top to the plot", () => {
    expect(layout.bars).toHaveLength(6);
    expect(bar("2022-02", "full")).toMatchObject({ value: 0, height: 0 });
    const over = bar("2022-02", "service");
    expect(over.value).toBe(120);
    expect(over.y).toBe(10);
  });

  it("gives each category a band inside the plot, in order, its bars inside it", () => {
    const [january, february] = layout.categories;
    expect(january!.x).toBeGreaterThanOrEqual(10);
    expect(february!.x + february!.width).toBeLessThanOrEqual(100);
    expect(february!.x).toBeGreaterThan(january!.x + january!.width);
    for (const entry of layout.bars) {
      const band = layout.categories.find((category) => category.key === entry.category)!;
      expect(entry.x).toBeGreaterThanOrEqual(band.x);
      expect(entry.x + entry.width).toBeLessThanOrEqual(band.x + band.width + 0.001);
    }
  });
});

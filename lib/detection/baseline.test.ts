import { describe, expect, it } from "vitest";
import { seasonalBaseline } from "./baseline";
import { dayTypeAt } from "./kazakhstan-calendar";
import { DAY_MS, HOUR_MS } from "./parameters";
import { SeriesReader } from "./series-reader";
import type { SeriesPoint } from "./types";

const STEP = 5 * 60_000;
const JUDGED = Date.UTC(2026, 1, 10, 15, 0); // Tuesday 10 February 2026, 20:00 in Kazakhstan

function reader(value: (at: number) => number | null, from = JUDGED - 35 * DAY_MS, until = JUDGED + DAY_MS): SeriesReader {
  const points: SeriesPoint[] = [];
  for (let at = from; at < until; at += STEP) {
    const v = value(at);
    if (v !== null) points.push({ at, value: v });
  }
  return new SeriesReader(points, STEP);
}

describe("seasonalBaseline", () => {
  it("is the usual value of a steady series", () => {
    expect(seasonalBaseline(reader(() => 100), JUDGED)).toBe(100);
  });

  it("follows the time of day: the evening is compared with evenings", () => {
    const evening = (at: number) => (new Date(at).getUTCHours() >= 13 && new Date(at).getUTCHours() < 18 ? 150 : 100);
    expect(seasonalBaseline(reader(evening), JUDGED)).toBe(150);
    expect(seasonalBaseline(reader(evening), JUDGED - 6 * HOUR_MS)).toBe(100);
  });

  it("compares rest days (weekends, Nauryz) with rest days and workdays with workdays", () => {
    const restDaysLow = (at: number) => (dayTypeAt(at) === "rest" ? 60 : 100);
    expect(seasonalBaseline(reader(restDaysLow), JUDGED)).toBe(100);
    expect(seasonalBaseline(reader(restDaysLow), JUDGED + 4 * DAY_MS)).toBe(60); // Saturday
    const nauryz = Date.UTC(2026, 2, 23, 15, 0); // a Monday
    expect(seasonalBaseline(reader(restDaysLow, nauryz - 35 * DAY_MS, nauryz + DAY_MS), nauryz)).toBe(60);
  });

  it("leaves a blackout of the last week out, never reading the judged bucket or later", () => {
    const blackout = (at: number) => (at >= JUDGED - 3 * DAY_MS ? 0 : 100);
    expect(seasonalBaseline(reader(blackout), JUDGED)).toBe(100);
    const gap = (at: number) => (at >= JUDGED - 3 * DAY_MS && at < JUDGED - 2 * DAY_MS ? null : at >= JUDGED - DAY_MS + HOUR_MS ? 1e9 : 100);
    expect(seasonalBaseline(reader(gap), JUDGED)).toBe(100);
  });

  it("lets a drop back in once it is a week old, and takes it as the new normal two weeks in", () => {
    const halved = (at: number) => (at >= JUDGED - 14 * DAY_MS ? 40 : 100);
    expect(seasonalBaseline(reader(halved), JUDGED)).toBe(40);
    // After five days it is still a drop.
    const recent = (at: number) => (at >= JUDGED - 5 * DAY_MS ? 40 : 100);
    expect(seasonalBaseline(reader(recent), JUDGED)).toBe(100);
  });

  it("needs three days of history", () => {
    expect(seasonalBaseline(reader(() => 100, JUDGED - 2 * DAY_MS - HOUR_MS), JUDGED)).toBeNaN();
    expect(seasonalBaseline(reader(() => 100, JUDGED - 3 * DAY_MS - HOUR_MS), JUDGED)).toBe(100);
  });
});

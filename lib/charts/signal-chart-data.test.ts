import { describe, expect, it } from "vitest";
import type { ChartPoint } from "./signal-chart";
import { decodeBuckets, decodeValues, encodeBuckets, encodeValues, nearestIndex } from "./signal-chart-data";

const points = (entries: [string, number | null][]): ChartPoint[] => entries.map(([at, value]) => ({ at, value }));

describe("the figures a server-drawn measured chart leaves for its cursor", () => {
  it("writes evenly spaced buckets as start, step and count, and reads them back", () => {
    const line = points([
      ["2022-01-01T00:00:00.000Z", 1],
      ["2022-01-01T03:00:00.000Z", null],
      ["2022-01-01T06:00:00.000Z", 2],
    ]);
    const encoded = encodeBuckets(line);
    expect(encoded).toBe(`${Date.parse("2022-01-01T00:00:00Z")}/${3 * 3_600_000}/3`);
    expect(decodeBuckets(encoded)).toEqual(line.map((point) => Date.parse(point.at)));
  });

  it("writes every start when the buckets are uneven, or there is only one", () => {
    const uneven = points([
      ["2022-01-01T00:00:00.000Z", 1],
      ["2022-01-01T01:00:00.000Z", 1],
      ["2022-01-01T05:00:00.000Z", 1],
    ]);
    expect(decodeBuckets(encodeBuckets(uneven))).toEqual(uneven.map((point) => Date.parse(point.at)));
    const single = points([["2022-01-01T00:00:00.000Z", 1]]);
    expect(decodeBuckets(encodeBuckets(single))).toEqual([Date.parse("2022-01-01T00:00:00Z")]);
    expect(decodeBuckets("")).toEqual([]);
    expect(decodeBuckets("1,x,3")).toEqual([]);
  });

  it("keeps a line's values exactly, and its gaps as gaps (never zeros)", () => {
    const line = points([
      ["2022-01-01T00:00:00.000Z", 0.873_123_456_7],
      ["2022-01-01T01:00:00.000Z", null],
      ["2022-01-01T02:00:00.000Z", 0],
      ["2022-01-01T03:00:00.000Z", -12_345.5],
      ["2022-01-01T04:00:00.000Z", null],
    ]);
    expect(encodeValues(line)).toBe("0.8731234567,,0,-12345.5,");
    expect(decodeValues(encodeValues(line))).toEqual([0.873_123_456_7, null, 0, -12_345.5, null]);
    expect(decodeValues("1,abc,2")).toEqual([1, null, 2]);
  });

  it("finds the bucket nearest to a time, ties to the earlier one, and clamps to the ends", () => {
    const starts = [0, 10, 20, 30];
    expect(nearestIndex(starts, -5)).toBe(0);
    expect(nearestIndex(starts, 4)).toBe(0);
    expect(nearestIndex(starts, 5)).toBe(0);
    expect(nearestIndex(starts, 6)).toBe(1);
    expect(nearestIndex(starts, 20)).toBe(2);
    expect(nearestIndex(starts, 99)).toBe(3);
    expect(nearestIndex([], 3)).toBe(-1);
    expect(nearestIndex(starts, Number.NaN)).toBe(-1);
  });
});

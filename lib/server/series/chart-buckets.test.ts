import { describe, expect, it } from "vitest";
import { bucketCount, bucketStart, bucketStarts, chooseBucketSeconds, NICE_BUCKET_SECONDS } from "./chart-buckets";

const HOUR = 3600;
const DAY = 24 * HOUR;

describe("chart buckets", () => {
  it("aligns buckets to midnight UTC and weeks to Mondays", () => {
    expect(bucketStart(new Date("2022-01-05T11:15:00Z"), 12 * HOUR).toISOString()).toBe("2022-01-05T00:00:00.000Z");
    expect(bucketStart(new Date("2022-01-05T11:15:00Z"), 7 * DAY).toISOString()).toBe("2022-01-03T00:00:00.000Z"); // a Monday
    expect(bucketStart(new Date("1999-12-31T23:59:00Z"), DAY).toISOString()).toBe("1999-12-31T00:00:00.000Z"); // before the origin
  });

  it("counts the aligned buckets that cover a period", () => {
    expect(bucketCount(new Date("2022-01-01T00:00:00Z"), new Date("2023-01-01T00:00:00Z"), 12 * HOUR)).toBe(730);
    // Starting mid-bucket needs one more.
    expect(bucketCount(new Date("2022-01-01T06:00:00Z"), new Date("2022-01-02T06:00:00Z"), 12 * HOUR)).toBe(3);
    expect(bucketCount(new Date("2022-01-02T00:00:00Z"), new Date("2022-01-01T00:00:00Z"), HOUR)).toBe(0);
    expect(bucketStarts(new Date("2022-01-01T06:00:00Z"), new Date("2022-01-02T06:00:00Z"), 12 * HOUR).map((d) => d.toISOString())).toEqual([
      "2022-01-01T00:00:00.000Z",
      "2022-01-01T12:00:00.000Z",
      "2022-01-02T00:00:00.000Z",
    ]);
  });

  it("picks the smallest nice width that fits maxPoints and is no finer than the data", () => {
    const year = { from: new Date("2022-01-01T00:00:00Z"), to: new Date("2023-01-01T00:00:00Z") };
    expect(chooseBucketSeconds({ ...year, maxPoints: 1000 })).toBe(12 * HOUR);
    expect(chooseBucketSeconds({ ...year, maxPoints: 730 })).toBe(12 * HOUR);
    expect(chooseBucketSeconds({ ...year, maxPoints: 729 })).toBe(DAY);
    const day = { from: new Date("2022-01-05T00:00:00Z"), to: new Date("2022-01-06T00:00:00Z") };
    expect(chooseBucketSeconds({ ...day, maxPoints: 1000, minSeconds: 300 })).toBe(300);
    expect(chooseBucketSeconds({ ...day, maxPoints: 1000, minSeconds: 3600 })).toBe(3600);
    // A step between nice widths rounds up to the next one.
    expect(chooseBucketSeconds({ ...day, maxPoints: 1000, minSeconds: 420 })).toBe(600);
    expect(() => chooseBucketSeconds({ ...day, maxPoints: 1 })).toThrow(RangeError);
  });

  it("never exceeds maxPoints, for any period", () => {
    const starts = ["2022-01-01T00:00:00Z", "2022-03-17T13:27:41Z", "1995-06-30T23:59:59Z"];
    const lengths = [60, 3_599, 86_400 * 3 + 17, 86_400 * 400, 86_400 * 365 * 30];
    for (const start of starts) {
      for (const seconds of lengths) {
        for (const maxPoints of [2, 3, 7, 100, 999, 1000]) {
          const from = new Date(start);
          const to = new Date(from.getTime() + seconds * 1000);
          const width = chooseBucketSeconds({ from, to, maxPoints, minSeconds: 300 });
          expect(bucketCount(from, to, width)).toBeLessThanOrEqual(maxPoints);
          expect(width).toBeGreaterThanOrEqual(300);
          // A nice width, or (beyond them, or where alignment decides) whole weeks.
          expect(NICE_BUCKET_SECONDS.includes(width) || width % (7 * DAY) === 0).toBe(true);
        }
      }
    }
  });
});

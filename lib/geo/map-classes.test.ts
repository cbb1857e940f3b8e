import { describe, expect, it } from "vitest";
import { classOf, classRange, classScale } from "./map-classes";

describe("map colour classes", () => {
  it("gives small counts one class per value", () => {
    const scale = classScale(3);
    expect(scale).toEqual({ step: 1, classes: 3 });
    expect([0, 1, 2, 3].map((value) => classOf(value, scale))).toEqual([0, 1, 2, 3]);
  });

  it("uses nice widths and at most five classes for large values", () => {
    const scale = classScale(744);
    expect(scale).toEqual({ step: 200, classes: 4 });
    expect([0.5, 200, 200.1, 744].map((value) => classOf(value, scale))).toEqual([1, 1, 2, 4]);
    expect(classScale(1000)).toEqual({ step: 200, classes: 5 });
    expect(classScale(1001)).toEqual({ step: 500, classes: 3 });
  });

  it("keeps fractions of an hour in the first class and zero in its own", () => {
    const scale = classScale(0.4);
    expect(scale).toEqual({ step: 1, classes: 1 });
    expect(classOf(0.4, scale)).toBe(1);
    expect(classOf(0, scale)).toBe(0);
    expect(classScale(0)).toEqual({ step: 1, classes: 0 });
  });

  it("describes each class's range, the last one open", () => {
    const scale = classScale(744);
    expect(classRange(1, scale)).toEqual({ above: 0, upTo: 200 });
    expect(classRange(4, scale)).toEqual({ above: 600, upTo: null });
  });
});

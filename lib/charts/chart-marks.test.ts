import { describe, expect, it } from "vitest";
import { chartMarkKey } from "./chart-marks";

describe("chartMarkKey", () => {
  it("names a mark by its category and series, the same in the chart and its table", () => {
    expect(chartMarkKey(2022, "FULL_BLACKOUT")).toBe("2022:FULL_BLACKOUT");
    expect(chartMarkKey("2022-01", "full_blackout")).toBe("2022-01:full_blackout");
    expect(chartMarkKey("2022", "kcell")).not.toBe(chartMarkKey("2022-01", "kcell"));
  });
});

import { describe, expect, it } from "vitest";
import { hoursMarkKey, perYearMarkKey } from "./chart-marks";

describe("chart mark keys", () => {
  it("name an operator's hours of a measure in a bucket the same way for every chart that draws them", () => {
    expect(hoursMarkKey("kcell", "2022-01", "full_blackout")).toBe("kcell:2022-01:full_blackout");
    expect(hoursMarkKey("kcell", "2022", "full_blackout")).not.toBe(hoursMarkKey("kcell", "2022-01", "full_blackout"));
  });

  it("name a year's incidents of one type", () => {
    expect(perYearMarkKey(2022, "FULL_BLACKOUT")).toBe("2022:FULL_BLACKOUT");
  });
});

import { describe, expect, it } from "vitest";
import { formatInstant, formatValue } from "./measured-format";

describe("how the measured chart writes its figures", () => {
  it("writes instants in the zone asked for", () => {
    expect(formatInstant("2022-01-05T11:15:00Z", "en", "Asia/Almaty")).toBe("5 Jan 2022, 17:15");
    expect(formatInstant("2022-01-05T11:15:00Z", "en", "UTC")).toBe("5 Jan 2022, 11:15");
  });

  it("writes ratios with two decimals and counts rounded, in the reader's number format", () => {
    expect(formatValue(0.87312, "en")).toBe("0.87");
    expect(formatValue(12.345, "en")).toBe("12.3");
    expect(formatValue(1234.5, "en")).toBe("1,235");
    expect(formatValue(1234.5, "ru")).toMatch(/^1\s235$/);
  });
});

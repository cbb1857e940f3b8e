import { describe, expect, it } from "vitest";
import { dateTimeFormat, numberFormat } from "./intl-formats";

describe("shared Intl formatters", () => {
  it("make each locale and option set once, and format as a new formatter would", () => {
    const options = { timeZone: "Asia/Almaty", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;
    const instant = new Date("2022-01-05T11:15:00Z");
    expect(dateTimeFormat("en-GB", { ...options })).toBe(dateTimeFormat("en-GB", options));
    expect(dateTimeFormat("en-GB", options).format(instant)).toBe(new Intl.DateTimeFormat("en-GB", options).format(instant));
    expect(dateTimeFormat("en-GB", options).format(instant)).toBe("5 Jan, 17:15");
    expect(dateTimeFormat("ru", options)).not.toBe(dateTimeFormat("en-GB", options));
    expect(dateTimeFormat("en-GB", { ...options, timeZone: "UTC" }).format(instant)).toBe("5 Jan, 11:15");
  });

  it("tell number options apart", () => {
    expect(numberFormat("en-GB", { maximumFractionDigits: 1 })).toBe(numberFormat("en-GB", { maximumFractionDigits: 1 }));
    expect(numberFormat("en-GB", { maximumFractionDigits: 1 }).format(1234.56)).toBe("1,234.6");
    expect(numberFormat("en-GB", { maximumFractionDigits: 2 }).format(1234.567)).toBe("1,234.57");
    expect(numberFormat("ru", { maximumFractionDigits: 1 }).format(1234.56)).toBe(new Intl.NumberFormat("ru", { maximumFractionDigits: 1 }).format(1234.56));
  });
});

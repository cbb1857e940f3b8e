import { describe, expect, it } from "vitest";
import { kazakhstanDayStart } from "@/lib/time/format";
import { dayTypeAt, dayTypeOf, holidaysOf, kazakhstanDayNumber, kazakhstanOffsetMs } from "./kazakhstan-calendar";
import { DAY_MS, HOUR_MS } from "./parameters";

const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

describe("Kazakhstan's calendar for the baseline", () => {
  it("uses UTC+6 before 1 March 2024 and UTC+5 since, as the runtime's time-zone data", () => {
    expect(kazakhstanOffsetMs(Date.parse("2022-01-05T11:15:00Z"))).toBe(6 * HOUR_MS);
    expect(kazakhstanOffsetMs(Date.parse("2025-01-05T11:15:00Z"))).toBe(5 * HOUR_MS);
    // 2022-01-05 11:15 UTC is 17:15 in Almaty; 19:00 UTC is already the 6th there.
    expect(kazakhstanDayNumber(Date.parse("2022-01-05T11:15:00Z"))).toBe(dayNumber("2022-01-05"));
    expect(kazakhstanDayNumber(Date.parse("2022-01-05T19:00:00Z"))).toBe(dayNumber("2022-01-06"));
    expect(kazakhstanDayNumber(kazakhstanDayStart(2025, 6, 1).getTime())).toBe(dayNumber("2025-06-01"));
  });

  it("counts weekends and public holidays as rest days", () => {
    expect(dayTypeOf(dayNumber("2026-02-10"))).toBe("workday"); // a Tuesday
    expect(dayTypeOf(dayNumber("2026-02-14"))).toBe("rest"); // a Saturday
    expect(dayTypeOf(dayNumber("2026-03-23"))).toBe("rest"); // Nauryz, a Monday
    expect(dayTypeOf(dayNumber("2026-05-27"))).toBe("rest"); // Kurban Ait
    expect(dayTypeOf(dayNumber("2022-10-25"))).toBe("rest"); // Republic Day, a day off again since 2022
    expect(dayTypeOf(dayNumber("2021-10-25"))).toBe("workday");
    // A Kazakhstan evening that is still the previous day in UTC.
    expect(dayTypeAt(Date.parse("2026-03-20T20:00:00Z"))).toBe("rest");
  });

  it("moves a holiday that falls on a weekend to the next workday, except religious ones", () => {
    // Nauryz 2026: 21 March is a Saturday and 22 March a Sunday, so 24 and 25 March are days off too.
    const nauryz = holidaysOf(2026);
    expect(["2026-03-21", "2026-03-22", "2026-03-23", "2026-03-24", "2026-03-25"].every((day) => nauryz.has(dayNumber(day)))).toBe(true);
    expect(dayTypeOf(dayNumber("2026-03-26"))).toBe("workday");
    // 1 and 2 January 2022 fell on a weekend: the 3rd and 4th were days off.
    expect(dayTypeOf(dayNumber("2022-01-03"))).toBe("rest");
    expect(dayTypeOf(dayNumber("2022-01-04"))).toBe("rest");
    expect(dayTypeOf(dayNumber("2022-01-05"))).toBe("workday");
    // Orthodox Christmas on Saturday 7 January 2023 is not moved.
    expect(dayTypeOf(dayNumber("2023-01-09"))).toBe("workday");
  });
});

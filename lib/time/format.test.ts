import { describe, expect, it } from "vitest";
import { effectiveEnd, kazakhstanDayStart, formatDuration, instantParts, kazakhstanYear, periodLength, timeTicks, utcOffsetLabel, zoneFromQuery } from "@/lib/time/format";

describe("instantParts", () => {
  it("shows Almaty time at UTC+6 before 1 March 2024", () => {
    const parts = instantParts(new Date("2022-01-05T11:15:00Z"), { locale: "en", zone: "local", precision: "EXACT" });
    expect(parts).toEqual({ iso: "2022-01-05T11:15:00.000Z", date: "5 January 2022", time: "17:15", offset: "UTC+6", approximate: false });
  });

  it("shows Almaty time at UTC+5 since 1 March 2024", () => {
    const parts = instantParts(new Date("2025-01-05T11:15:00Z"), { locale: "en", zone: "local", precision: "EXACT" });
    expect(parts.time).toBe("16:15");
    expect(parts.offset).toBe("UTC+5");
  });

  it("shows UTC on request", () => {
    const parts = instantParts(new Date("2022-01-05T11:15:00Z"), { locale: "en", zone: "utc", precision: "HOUR" });
    expect(parts).toMatchObject({ time: "11:15", offset: "UTC", approximate: true });
  });

  it("keeps a day-precision date on its Kazakhstan calendar day in either zone", () => {
    const midnightAlmaty = new Date("2022-01-04T00:00:00+06:00");
    for (const zone of ["local", "utc"] as const) {
      const parts = instantParts(midnightAlmaty, { locale: "en", zone, precision: "DAY" });
      expect(parts.date).toBe("4 January 2022");
      expect(parts.time).toBeUndefined();
    }
  });

  it("writes Russian dates", () => {
    const parts = instantParts(new Date("2022-01-05T11:15:00Z"), { locale: "ru", zone: "local", precision: "EXACT" });
    expect(parts.date).toBe("5 января 2022 г.");
    expect(parts.time).toBe("17:15");
  });

  it("shows an estimate placed at Kazakhstan midnight as an approximate date", () => {
    const parts = instantParts(new Date("2023-01-01T00:00:00+06:00"), { locale: "en", zone: "utc", precision: "ESTIMATED" });
    expect(parts).toEqual({ iso: "2022-12-31T18:00:00.000Z", date: "1 January 2023", approximate: true });
  });

  it("gives seconds when asked (the audit log and import runs)", () => {
    const at = new Date("2026-11-22T07:23:22.456Z");
    expect(instantParts(at, { locale: "en", zone: "local", precision: "EXACT", seconds: true })).toMatchObject({ time: "12:23:22", offset: "UTC+5" });
    expect(instantParts(at, { locale: "ru", zone: "utc", precision: "EXACT", seconds: true })).toMatchObject({ time: "07:23:22", offset: "UTC" });
  });

  it("marks estimated times as approximate", () => {
    expect(instantParts(new Date("2022-01-04T15:00:00Z"), { locale: "en", zone: "local", precision: "ESTIMATED" }).approximate).toBe(true);
  });
});

describe("zoneFromQuery", () => {
  it("reads tz=utc as UTC and anything else as Kazakhstan time", () => {
    expect(zoneFromQuery("utc")).toBe("utc");
    for (const value of [undefined, "", "local", "UTC", ["utc"], "Asia/Almaty"]) expect(zoneFromQuery(value)).toBe("local");
  });
});

describe("utcOffsetLabel and kazakhstanYear", () => {
  it("follows the 2024 change of zone", () => {
    expect(utcOffsetLabel(new Date("2024-02-29T12:00:00Z"), "Asia/Almaty")).toBe("UTC+6");
    expect(utcOffsetLabel(new Date("2024-03-01T12:00:00Z"), "Asia/Almaty")).toBe("UTC+5");
    expect(utcOffsetLabel(new Date("2024-03-01T12:00:00Z"), "Asia/Kolkata")).toBe("UTC+5:30");
    expect(utcOffsetLabel(new Date("2024-03-01T12:00:00Z"), "UTC")).toBe("UTC");
  });

  it("uses Kazakhstan's calendar for the year", () => {
    expect(kazakhstanYear(new Date("2021-12-31T20:00:00Z"))).toBe(2022);
  });
});

describe("formatDuration", () => {
  it("uses hours, days or months in the reader's language", () => {
    expect(formatDuration(111 * 3_600_000, "en")).toBe("111 hours");
    expect(formatDuration(1 * 3_600_000, "en")).toBe("1 hour");
    expect(formatDuration(10 * 24 * 3_600_000, "en")).toBe("10 days");
    expect(formatDuration(111 * 3_600_000, "ru")).toBe("111 часов");
  });
});

describe("kazakhstanDayStart", () => {
  it("is midnight in Kazakhstan on either side of the March 2024 change", () => {
    expect(kazakhstanDayStart(2022, 1, 1).toISOString()).toBe("2021-12-31T18:00:00.000Z");
    // Clocks went back an hour at 00:00 on 1 March 2024, so that day began (at +05) at 19:00 UTC.
    expect(kazakhstanDayStart(2024, 2, 29).toISOString()).toBe("2024-02-28T18:00:00.000Z");
    expect(kazakhstanDayStart(2024, 3, 1).toISOString()).toBe("2024-02-29T19:00:00.000Z");
    expect(kazakhstanDayStart(2024, 3, 2).toISOString()).toBe("2024-03-01T19:00:00.000Z");
    expect(kazakhstanDayStart(2025, 1, 1).toISOString()).toBe("2024-12-31T19:00:00.000Z");
    expect(kazakhstanDayStart(2024, 13, 1).toISOString()).toBe("2024-12-31T19:00:00.000Z");
  });
});

describe("effectiveEnd and periodLength", () => {
  it("treats a day-precision end as the whole day", () => {
    const endsAt = new Date("2022-01-17T00:00:00+06:00");
    expect(effectiveEnd(endsAt, "DAY").toISOString()).toBe("2022-01-17T18:00:00.000Z");
    expect(effectiveEnd(endsAt, "EXACT")).toBe(endsAt);
    expect(periodLength({ startsAt: new Date("2022-01-05T11:15:00Z"), endsAt: new Date("2022-01-10T02:15:00Z"), endPrecision: "HOUR" })).toBe(
      111 * 3_600_000,
    );
  });
});

describe("timeTicks", () => {
  it("uses days for a two-week incident, at Kazakhstan midnight", () => {
    const ticks = timeTicks(new Date("2022-01-02T00:00:00+06:00"), new Date("2022-01-17T18:00:00Z"), "en");
    expect(ticks.length).toBeGreaterThan(2);
    expect(ticks.length).toBeLessThanOrEqual(8);
    expect(ticks[0]).toEqual({ at: new Date("2022-01-02T00:00:00+06:00"), label: "2 Jan" });
  });

  it("uses years for a multi-year axis", () => {
    const ticks = timeTicks(new Date("2018-01-01T00:00:00+06:00"), new Date("2026-11-22T00:00:00Z"), "en");
    expect(ticks.map((tick) => tick.label)).toEqual(["2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026"].filter((_, i) => i % 2 === 0));
    expect(ticks[0]!.at.toISOString()).toBe("2017-12-31T18:00:00.000Z");
  });

  it("uses hours for a day-long event", () => {
    const ticks = timeTicks(new Date("2019-06-09T00:00:00+06:00"), new Date("2019-06-10T00:00:00+06:00"), "ru");
    expect(ticks[1]!.label).toMatch(/9 июн.*(03|06):00/);
  });
});

import { describe, expect, it } from "vitest";
import { almatyLocalDayStart, almatyLocalToIso, isoToAlmatyLocal, parseAlmatyLocal } from "@/lib/time/almaty-local";

describe("almatyLocalToIso", () => {
  it("reads Kazakhstan time at UTC+6 before 1 March 2024", () => {
    expect(almatyLocalToIso("2022-01-05T17:15")).toBe("2022-01-05T11:15:00.000Z");
  });

  it("reads Kazakhstan time at UTC+5 since 1 March 2024", () => {
    expect(almatyLocalToIso("2025-01-05T16:15")).toBe("2025-01-05T11:15:00.000Z");
  });

  it("handles the night of the change", () => {
    // Clocks went back from 00:00 (+06) on 1 March 2024 to 23:00 (+05) on 29 February.
    expect(almatyLocalToIso("2024-02-29T22:59")).toBe("2024-02-29T16:59:00.000Z");
    // 23:30 happened twice; the earlier one (+06) is taken.
    expect(almatyLocalToIso("2024-02-29T23:30")).toBe("2024-02-29T17:30:00.000Z");
    expect(almatyLocalToIso("2024-03-01T00:00")).toBe("2024-02-29T19:00:00.000Z");
    expect(almatyLocalToIso("2024-03-01T00:30")).toBe("2024-02-29T19:30:00.000Z");
  });

  it("accepts seconds, milliseconds and a space instead of the T", () => {
    expect(almatyLocalToIso("2022-01-05T17:15:30")).toBe("2022-01-05T11:15:30.000Z");
    expect(almatyLocalToIso("2022-01-05T17:15:30.5")).toBe("2022-01-05T11:15:30.500Z");
    expect(almatyLocalToIso(" 2022-01-05 17:15 ")).toBe("2022-01-05T11:15:00.000Z");
  });

  it("returns null for malformed or impossible values instead of throwing", () => {
    for (const value of ["", "yesterday", "2022-01-05", "2022-1-5T17:15", "2022-02-30T10:00", "2022-13-01T10:00", "2022-01-05T24:00", "2022-01-05T10:60", "2022-01-05T17:15Z", "2022-01-05T17:15+06:00"]) {
      expect(almatyLocalToIso(value), value).toBeNull();
    }
  });

  it("says why a value was refused", () => {
    expect(parseAlmatyLocal("2022-02-30T10:00")).toEqual({ ok: false, reason: "malformed" });
    // Kazakhstan kept daylight saving time until 2004: clocks jumped from 02:00 to 03:00 on 28 March 2004.
    expect(parseAlmatyLocal("2004-03-28T02:30")).toEqual({ ok: false, reason: "skipped" });
    expect(parseAlmatyLocal("2004-07-01T12:00")).toEqual({ ok: true, instant: new Date("2004-07-01T05:00:00Z") });
  });
});

describe("isoToAlmatyLocal", () => {
  it("writes Kazakhstan time for a datetime-local input on both sides of the 2024 change", () => {
    expect(isoToAlmatyLocal("2022-01-05T11:15:00.000Z")).toBe("2022-01-05T17:15");
    expect(isoToAlmatyLocal(new Date("2025-01-05T11:15:00Z"))).toBe("2025-01-05T16:15");
    expect(isoToAlmatyLocal("2024-02-29T18:30:00Z")).toBe("2024-02-29T23:30");
  });

  it("keeps seconds and milliseconds only when there are some", () => {
    expect(isoToAlmatyLocal("2022-01-05T11:15:07Z")).toBe("2022-01-05T17:15:07");
    expect(isoToAlmatyLocal("2022-01-05T11:15:00.250Z")).toBe("2022-01-05T17:15:00.250");
  });

  it("returns null for an invalid instant", () => {
    expect(isoToAlmatyLocal("not a date")).toBeNull();
    expect(isoToAlmatyLocal(new Date(Number.NaN))).toBeNull();
  });

  it("round-trips with almatyLocalToIso", () => {
    for (const iso of ["2018-03-14T18:00:00.000Z", "2022-01-05T11:15:00.000Z", "2024-02-29T17:30:00.000Z", "2024-02-29T19:00:00.000Z", "2025-06-30T23:59:59.999Z"]) {
      expect(almatyLocalToIso(isoToAlmatyLocal(iso)!), iso).toBe(iso);
    }
  });
});

describe("almatyLocalDayStart", () => {
  it("is midnight in Kazakhstan of the value's day", () => {
    expect(almatyLocalDayStart("2022-01-05T17:15")?.toISOString()).toBe("2022-01-04T18:00:00.000Z");
    expect(almatyLocalDayStart("2025-01-05T01:00")?.toISOString()).toBe("2025-01-04T19:00:00.000Z");
    expect(almatyLocalDayStart("2022-02-30T10:00")).toBeNull();
  });

  it("reads a date alone, as the editor holds a value known only to the day", () => {
    expect(almatyLocalDayStart("2022-01-05")?.toISOString()).toBe("2022-01-04T18:00:00.000Z");
    expect(almatyLocalDayStart("2024-03-01")?.toISOString()).toBe("2024-02-29T19:00:00.000Z");
    expect(almatyLocalDayStart("2022-02-30")).toBeNull();
  });
});

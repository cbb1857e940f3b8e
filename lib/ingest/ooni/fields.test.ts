import { describe, expect, it } from "vitest";
import { parseOoniTime, parseUtcDay, readCountryCode, readInput, readProbeAsn } from "./fields";

describe("OONI field readers", () => {
  it("reads a zone-less measurement_start_time as UTC, not local time", () => {
    expect(parseOoniTime("2022-05-24 01:20:29")?.toISOString()).toBe("2022-05-24T01:20:29.000Z");
    expect(parseOoniTime("2022-01-05T06:15:33")?.toISOString()).toBe("2022-01-05T06:15:33.000Z");
  });

  it("reads the API's microsecond timestamps and explicit offsets", () => {
    expect(parseOoniTime("2026-07-11T17:44:07.000000Z")?.toISOString()).toBe("2026-07-11T17:44:07.000Z");
    expect(parseOoniTime("2022-01-05T06:15:33.123456Z")?.toISOString()).toBe("2022-01-05T06:15:33.123Z");
    expect(parseOoniTime("2022-01-05T12:15:33+06:00")?.toISOString()).toBe("2022-01-05T06:15:33.000Z");
  });

  it("refuses impossible or foreign times", () => {
    expect(parseOoniTime("2022-02-30 10:00:00")).toBeNull();
    expect(parseOoniTime("2022-01-05 24:00:00")).toBeNull();
    expect(parseOoniTime("05/01/2022 10:00")).toBeNull();
    expect(parseOoniTime("")).toBeNull();
  });

  it("reads an aggregation day as UTC midnight", () => {
    expect(parseUtcDay("2022-03-01")?.toISOString()).toBe("2022-03-01T00:00:00.000Z");
    expect(parseUtcDay("2022-03-32")).toBeNull();
  });

  it("reads probe_asn as a string or an integer", () => {
    expect(readProbeAsn({ probe_asn: "AS12479" })).toEqual({ ok: true, value: 12479 });
    expect(readProbeAsn({ probe_asn: 9198 })).toEqual({ ok: true, value: 9198 });
    expect(readProbeAsn({ probe_asn: "as21299" })).toEqual({ ok: true, value: 21299 });
  });

  it("rejects probe_asn values that place the measurement nowhere", () => {
    expect(readProbeAsn({ probe_asn: "AS0" })).toMatchObject({ ok: false, field: "probe_asn", reason: expect.stringContaining("AS0") });
    expect(readProbeAsn({ probe_asn: "ASnine" })).toMatchObject({ ok: false, field: "probe_asn" });
    expect(readProbeAsn({})).toMatchObject({ ok: false, field: "probe_asn", reason: expect.stringContaining("missing") });
    expect(readProbeAsn({ probe_asn: 4_200_000_000 })).toMatchObject({ ok: false, field: "probe_asn" });
  });

  it("reads probe_cc and refuses OONI's unknown country", () => {
    expect(readCountryCode({ probe_cc: "kz" })).toEqual({ ok: true, value: "KZ" });
    expect(readCountryCode({ probe_cc: "ZZ" })).toMatchObject({ ok: false, field: "probe_cc" });
    expect(readCountryCode({ probe_cc: "KAZ" })).toMatchObject({ ok: false, field: "probe_cc" });
  });

  it("reads input as a string, null, missing or measurement_meta's empty string", () => {
    expect(readInput({ input: "https://t.me/" })).toEqual({ ok: true, value: "https://t.me/" });
    expect(readInput({ input: null })).toEqual({ ok: true, value: null });
    expect(readInput({})).toEqual({ ok: true, value: null });
    expect(readInput({ input: "" })).toEqual({ ok: true, value: null });
    expect(readInput({ input: 42 })).toMatchObject({ ok: false, field: "input" });
  });
});

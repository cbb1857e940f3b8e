import { describe, expect, it } from "vitest";
import { parseEmbedParams, rollingWindow } from "@/lib/schemas/embed";

describe("parseEmbedParams", () => {
  it("defaults to the light theme and a fixed window", () => {
    expect(parseEmbedParams({})).toEqual({ ok: true, params: { theme: "light" } });
    expect(parseEmbedParams({ theme: "dark", last: "30" })).toEqual({ ok: true, params: { theme: "dark", last: 30 } });
  });

  it("names the bad parameter", () => {
    expect(parseEmbedParams({ theme: "sepia" })).toEqual({ ok: false, param: "theme", value: "sepia" });
    expect(parseEmbedParams({ last: "0" })).toEqual({ ok: false, param: "last", value: "0" });
    expect(parseEmbedParams({ last: "3651" })).toEqual({ ok: false, param: "last", value: "3651" });
    expect(parseEmbedParams({ last: "2.5" })).toEqual({ ok: false, param: "last", value: "2.5" });
    expect(parseEmbedParams({ last: "abc" })).toEqual({ ok: false, param: "last", value: "abc" });
    expect(parseEmbedParams({ theme: ["dark", "light"] })).toEqual({ ok: false, param: "theme", value: "dark,light" });
  });

  it("refuses a rolling window together with a fixed one", () => {
    expect(parseEmbedParams({ last: "7", from: "2022-01-01" })).toEqual({ ok: false, param: "last", value: "7" });
  });
});

describe("rollingWindow", () => {
  it("counts Kazakhstan days, today included", () => {
    // 2022-01-05 20:00 UTC is already 2022-01-06 in Almaty (UTC+6 then).
    expect(rollingWindow(1, new Date("2022-01-05T20:00:00Z"))).toEqual({ from: "2022-01-06", to: "2022-01-06" });
    expect(rollingWindow(30, new Date("2022-03-01T06:00:00Z"))).toEqual({ from: "2022-01-31", to: "2022-03-01" });
  });
});

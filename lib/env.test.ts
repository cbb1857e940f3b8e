import { describe, expect, it } from "vitest";
import { readServerEnv } from "./env";

describe("readServerEnv: scheduled feeds", () => {
  it("leaves every feed off by default", () => {
    const env = readServerEnv({});
    expect(env.FEEDS_ENABLED).toBeUndefined();
    expect(env.FEEDS_INTERVAL_MINUTES).toBe(60);
  });

  it("reads a list of feeds in any case and spacing", () => {
    expect(readServerEnv({ FEEDS_ENABLED: " ooni, IODA ", FEEDS_INTERVAL_MINUTES: "180" })).toMatchObject({
      FEEDS_ENABLED: ["OONI", "IODA"],
      FEEDS_INTERVAL_MINUTES: 180,
    });
  });

  it("refuses an unknown feed or interval with a clear message", () => {
    expect(() => readServerEnv({ FEEDS_ENABLED: "ooni,ripe" })).toThrow(/FEEDS_ENABLED/);
    expect(() => readServerEnv({ FEEDS_INTERVAL_MINUTES: "7" })).toThrow(/FEEDS_INTERVAL_MINUTES must be one of 15, 30/);
  });
});

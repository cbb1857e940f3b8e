import { describe, expect, it } from "vitest";
import { isLoopbackHost, readServerEnv, siteUrlProblem } from "./env";

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

describe("siteUrlProblem: the site's address never comes from the client", () => {
  const production = readServerEnv({ NODE_ENV: "production" });

  it("requires SITE_URL when production listens beyond loopback, in one line naming it", () => {
    for (const hostname of ["0.0.0.0", "::", "192.0.2.10", "tracker.example.org"]) {
      const problem = siteUrlProblem(production, hostname);
      expect(problem, hostname).toMatch(/^SITE_URL must be set .*\S$/);
      expect(problem, hostname).not.toContain("\n");
    }
  });

  it("lets production run on loopback, or anywhere with SITE_URL, and development anywhere", () => {
    for (const hostname of ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"]) expect(siteUrlProblem(production, hostname), hostname).toBeNull();
    expect(siteUrlProblem(readServerEnv({ NODE_ENV: "production", SITE_URL: "https://tracker.example.org" }), "0.0.0.0")).toBeNull();
    expect(siteUrlProblem(readServerEnv({ NODE_ENV: "development" }), "0.0.0.0")).toBeNull();
  });

  it("listens on loopback unless told", () => {
    expect(readServerEnv({}).HOST).toBe("127.0.0.1");
    expect(isLoopbackHost(readServerEnv({}).HOST)).toBe(true);
  });
});

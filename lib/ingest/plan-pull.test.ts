import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { planPull } from "./plan-pull";
import { pullScope } from "./pull-scope";

const env = {
  OONI_API_URL: "https://ooni.example/",
  IODA_API_URL: "https://ioda.example/v2",
  CLOUDFLARE_API_URL: "https://cloudflare.example/client/v4",
  CLOUDFLARE_API_TOKEN: undefined as string | undefined,
};
const since = new Date("2022-01-05T00:00:00Z");
const until = new Date("2022-01-06T00:00:00Z");

describe("planPull", () => {
  it("takes each feed's API address from its own setting", () => {
    expect(planPull("ooni", { since, until, country: "KZ" }, env).baseUrl).toBe("https://ooni.example/");
    expect(planPull("ioda", { since, until, asns: [9198] }, env).baseUrl).toBe("https://ioda.example/v2");
    expect(planPull("cloudflare", { since, until, country: "KZ" }, { ...env, CLOUDFLARE_API_TOKEN: "secret" })).toMatchObject({
      baseUrl: "https://cloudflare.example/client/v4",
      token: "secret",
      source: "CLOUDFLARE",
    });
  });

  it("names the request as its saved cursor is kept, with no networks for an empty list", () => {
    const plan = planPull("ioda", { since, until, country: "KZ", asns: [21299, 9198] }, env);
    expect(plan).toMatchObject({ feed: "ioda", source: "IODA", request: { since, until, country: "KZ", asns: [21299, 9198] } });
    expect(plan.scope).toBe(pullScope({ since, until, country: "KZ", asns: [9198, 21299] }));
    const countryOnly = planPull("ooni", { since, until, country: "KZ", asns: [] }, env);
    expect(countryOnly.request).toEqual({ since, until, country: "KZ" });
    expect(countryOnly.scope).toBe("country=KZ&since=2022-01-05T00:00:00.000Z&until=2022-01-06T00:00:00.000Z");
    expect(countryOnly.token).toBeUndefined();
  });

  it("refuses a Cloudflare pull without its token with a FEED error naming the setting", () => {
    let thrown: unknown;
    try {
      planPull("cloudflare", { since, until, country: "KZ" }, env);
    } catch (error) {
      thrown = error;
    }
    expect(isAppError(thrown, "FEED")).toBe(true);
    expect((thrown as Error).message).toBe("cloudflare pulls need CLOUDFLARE_API_TOKEN (a Cloudflare API token with Radar read access) in the environment or .env.");
  });

  it("refuses a window that does not run forwards", () => {
    expect(() => planPull("ooni", { since: until, until: since, country: "KZ" }, env)).toThrow(expect.objectContaining({ code: "VALIDATION" }));
    expect(() => planPull("ooni", { since, until: since, country: "KZ" }, env)).toThrow(/window must end after it starts/);
  });
});

import { describe, expect, it } from "vitest";
import { pullScope } from "./pull-scope";

describe("pullScope", () => {
  const since = new Date("2022-01-01T00:00:00Z");
  const until = new Date("2022-01-31T00:00:00Z");

  it("names the same request the same way, whatever the order or spelling of its parts", () => {
    expect(pullScope({ since, until, country: " kz ", asns: [21299, 9198, 21299] })).toBe(
      "asns=9198,21299&country=KZ&since=2022-01-01T00:00:00.000Z&until=2022-01-31T00:00:00.000Z",
    );
    expect(pullScope({ since, until, country: "KZ", asns: [9198, 21299] })).toBe(pullScope({ since, until, country: "kz", asns: [21299, 9198] }));
  });

  it("tells different requests apart", () => {
    expect(pullScope({ since, until })).toBe("since=2022-01-01T00:00:00.000Z&until=2022-01-31T00:00:00.000Z");
    expect(pullScope({ since, until, asns: [9198] })).not.toBe(pullScope({ since, until, asns: [21299] }));
    expect(pullScope({ since, until: new Date("2022-02-01T00:00:00Z") })).not.toBe(pullScope({ since, until }));
  });
});

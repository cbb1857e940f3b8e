import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { createRenderRateLimit, renderBudgetKey } from "./render-rate-limit";

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress }, headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} }) as unknown as Pick<IncomingMessage, "headers" | "socket">;

describe("createRenderRateLimit", () => {
  it("allows perMinute renders at once, then refills one at a time, per client", () => {
    let clock = 0;
    const limit = createRenderRateLimit({ perMinute: 6, now: () => clock });
    for (let i = 0; i < 6; i++) expect(limit.take("a")).toEqual({ allowed: true });
    expect(limit.take("a")).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(limit.take("b")).toEqual({ allowed: true });
    clock += 9_000;
    expect(limit.take("a")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock += 1_000;
    expect(limit.take("a")).toEqual({ allowed: true });
    expect(limit.take("a").allowed).toBe(false);
  });

  it("forgets the clients seen longest ago beyond maxClients", () => {
    const limit = createRenderRateLimit({ perMinute: 1, maxClients: 2, now: () => 0 });
    limit.take("a");
    limit.take("b");
    limit.take("c");
    expect(limit.take("a")).toEqual({ allowed: true });
    expect(limit.take("c").allowed).toBe(false);
  });
});

describe("renderBudgetKey", () => {
  it("counts a direct client by its connection, whatever X-Forwarded-For claims", () => {
    expect(renderBudgetKey(request("::ffff:203.0.113.7", "198.51.100.1"), 0)).toBe("203.0.113.7");
  });

  it("counts IPv6 clients by their /64", () => {
    expect(renderBudgetKey(request("2001:db8:1:2:aaaa::1"), 0)).toBe(renderBudgetKey(request("2001:db8:1:2:bbbb::2"), 0));
    expect(renderBudgetKey(request("2001:db8:1:2::1"), 0)).not.toBe(renderBudgetKey(request("2001:db8:1:3::1"), 0));
  });

  it("behind trusted proxies, counts the address the outermost one saw", () => {
    expect(renderBudgetKey(request("10.0.0.2", "198.51.100.1, 203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(renderBudgetKey(request("10.0.0.2", "198.51.100.1, 203.0.113.7, 10.0.0.1"), 2)).toBe("203.0.113.7");
    expect(renderBudgetKey(request("10.0.0.2"), 1)).toBe("10.0.0.2");
  });
});

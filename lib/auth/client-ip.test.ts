import { describe, expect, it } from "vitest";
import { clientIpFrom, normalizeIp, rateLimitKeyForIp } from "./client-ip";

const headers = (values: Record<string, string>) => new Headers(values);

describe("clientIpFrom", () => {
  it("takes the peer address Next.js puts in X-Forwarded-For when no proxy is trusted", () => {
    expect(clientIpFrom(headers({ "x-forwarded-for": "203.0.113.7" }), 0)).toBe("203.0.113.7");
    expect(clientIpFrom(headers({ "x-forwarded-for": "::ffff:127.0.0.1" }), 0)).toBe("127.0.0.1");
  });

  it("with N trusted proxies, takes the N-th entry from the right and ignores what the client prepended", () => {
    const chain = headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.2" });
    expect(clientIpFrom(chain, 1)).toBe("10.0.0.2");
    expect(clientIpFrom(chain, 2)).toBe("203.0.113.7");
    expect(clientIpFrom(headers({ "x-forwarded-for": "203.0.113.7" }), 3)).toBe("203.0.113.7");
  });

  it("falls back to X-Real-IP, then to nothing", () => {
    expect(clientIpFrom(headers({ "x-real-ip": "198.51.100.4" }), 0)).toBe("198.51.100.4");
    expect(clientIpFrom(headers({}), 1)).toBeNull();
    expect(clientIpFrom(headers({ "x-forwarded-for": "not-an-ip" }), 0)).toBeNull();
  });
});

describe("normalizeIp", () => {
  it.each([
    ["203.0.113.7:51234", "203.0.113.7"],
    ["[2001:db8::1]:443", "2001:0db8:0000:0000:0000:0000:0000:0001"],
    ["2001:DB8::1", "2001:0db8:0000:0000:0000:0000:0000:0001"],
    ["fe80::1%eth0", "fe80:0000:0000:0000:0000:0000:0000:0001"],
    ["::1", "0000:0000:0000:0000:0000:0000:0000:0001"],
    ["::ffff:192.0.2.1", "192.0.2.1"],
    ["unknown", null],
    ["999.1.1.1", null],
  ])("%s → %s", (value, expected) => {
    expect(normalizeIp(value)).toBe(expected);
  });
});

describe("rateLimitKeyForIp", () => {
  it("keeps IPv4 addresses and groups IPv6 by /64", () => {
    expect(rateLimitKeyForIp("203.0.113.7")).toBe("203.0.113.7");
    expect(rateLimitKeyForIp(normalizeIp("2001:db8:1:2::5"))).toBe("2001:0db8:0001:0002::/64");
    expect(rateLimitKeyForIp(normalizeIp("2001:db8:1:2:aaaa::9"))).toBe("2001:0db8:0001:0002::/64");
    expect(rateLimitKeyForIp(null)).toBe("unknown");
  });
});

import { describe, expect, it } from "vitest";
import { siteOriginFrom } from "./site-origin";

const headers = (values: Record<string, string>) => new Headers(values);

describe("siteOriginFrom", () => {
  it("is SITE_URL's origin whatever the request says", () => {
    const spoofed = headers({ host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(siteOriginFrom(spoofed, { siteUrl: "https://tracker.example.org/", trustedProxies: 2 })).toBe("https://tracker.example.org");
  });

  it("without a trusted proxy, is the Host over http and ignores forwarded headers", () => {
    expect(siteOriginFrom(headers({ host: "127.0.0.1:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }), { trustedProxies: 0 })).toBe(
      "http://127.0.0.1:3000",
    );
    expect(siteOriginFrom(headers({ host: "LocalHost:3000" }), { trustedProxies: 0 })).toBe("http://localhost:3000");
    expect(siteOriginFrom(headers({ host: "[::1]:3000" }), { trustedProxies: 0 })).toBe("http://[::1]:3000");
    expect(siteOriginFrom(headers({ host: "app_upstream:3000" }), { trustedProxies: 0 })).toBe("http://app_upstream:3000");
  });

  it("behind N trusted proxies, takes the N-th forwarded value from the right", () => {
    const forwarded = headers({ host: "10.0.0.5:3000", "x-forwarded-host": "evil.example, tracker.example.org", "x-forwarded-proto": "http, https" });
    expect(siteOriginFrom(forwarded, { trustedProxies: 1 })).toBe("https://tracker.example.org");
    expect(siteOriginFrom(headers({ host: "10.0.0.5:3000" }), { trustedProxies: 1 })).toBe("http://10.0.0.5:3000");
    expect(siteOriginFrom(headers({ host: "h", "x-forwarded-host": "tracker.example.org", "x-forwarded-proto": "gopher" }), { trustedProxies: 1 })).toBe(
      "http://tracker.example.org",
    );
  });

  it("is null for a host that is no host name", () => {
    for (const host of ["evil.example/path", "a@b", "x:y:z", "exa mple.org", "évil.example"]) expect(siteOriginFrom(headers({ host }), { trustedProxies: 0 }), host).toBeNull();
    expect(siteOriginFrom(headers({ host: "ok.example", "x-forwarded-host": "evil.example/x" }), { trustedProxies: 1 })).toBeNull();
  });
});

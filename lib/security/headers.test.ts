import { describe, expect, it } from "vitest";
import { isEmbedPath } from "@/lib/security/embed-path";
import { pageContentSecurityPolicy } from "@/lib/security/headers";

describe("pageContentSecurityPolicy", () => {
  it("forbids framing, plugins and foreign scripts on ordinary pages", () => {
    const csp = pageContentSecurityPolicy({ nonce: "abc", frameable: false, dev: false });
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).not.toContain("unsafe-eval");
  });

  it("allows style sheets from the site only and inline styles only as attributes (inline elements in development)", () => {
    const csp = pageContentSecurityPolicy({ nonce: "abc", frameable: false, dev: false });
    expect(csp).toContain("style-src 'self';");
    expect(csp).toContain("style-src-attr 'unsafe-inline'");
    expect(csp.replace("style-src-attr 'unsafe-inline'", "")).not.toContain("'unsafe-inline'");
    expect(pageContentSecurityPolicy({ nonce: "abc", frameable: false, dev: true })).toContain("style-src 'self' 'unsafe-inline';");
  });

  it("lets embeds be framed anywhere, and allows eval only in development", () => {
    expect(pageContentSecurityPolicy({ nonce: "abc", frameable: true, dev: false })).toContain("frame-ancestors *");
    expect(pageContentSecurityPolicy({ nonce: "abc", frameable: false, dev: true })).toContain("'unsafe-eval'");
  });
});

describe("isEmbedPath", () => {
  it("is true only under /embed/, in either locale", () => {
    expect(isEmbedPath("/embed/timeline")).toBe(true);
    expect(isEmbedPath("/ru/embed/isp/kcell")).toBe(true);
    expect(isEmbedPath("/ru/embedded")).toBe(false);
    expect(isEmbedPath("/en/embed/map")).toBe(false);
    expect(isEmbedPath("/ru/incidents/embed/x")).toBe(false);
    expect(isEmbedPath("/embedded")).toBe(false);
    expect(isEmbedPath("/incidents/embed/x")).toBe(false);
    expect(isEmbedPath("/")).toBe(false);
  });

  it("judges the page an address renders, not its spelling", () => {
    expect(isEmbedPath("/%65mbed/map?theme=dark")).toBe(true);
    expect(isEmbedPath("/%72u/embed/map")).toBe(true);
    expect(isEmbedPath("/incidents/%2e%2e/embed/map")).toBe(true);
    for (const staff of ["/embed/%252e%252e/staff/audit", "/embed/../staff/users", "/embed/%2e%2e/staff/users", "/ru/embed/.%252e/staff/users"]) {
      expect(isEmbedPath(staff), staff).toBe(false);
    }
  });
});

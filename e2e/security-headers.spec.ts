import { createHash } from "node:crypto";
import { expect, test } from "./fixtures/test";
import { rawGet } from "./fixtures/raw-http";
import { PUBLIC_CACHE_CONTROL } from "@/lib/http/cache-policy";

const PAGES = ["/", "/incidents", "/ru/incidents/2022-01-qantar-shutdowns", "/timeline", "/map", "/isps", "/ru/isps/kcell", "/incidents/no-such-incident"];

test("public pages send a CSP that forbids framing and names the hash of each inline script, as shared caches keep them", async ({ request }) => {
  for (const path of PAGES) {
    const response = await request.get(path);
    const csp = response.headers()["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("object-src 'none'");
    expect(csp, path).not.toContain("'nonce-");
    expect(csp, path).not.toContain("'strict-dynamic'");
    const scriptSources = /script-src ([^;]+)/.exec(csp)?.[1]?.split(" ") ?? [];
    const html = await response.text();
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((match) => !/\ssrc=/.test(match[1]!));
    expect(inline.length, path).toBeGreaterThan(0);
    for (const [, , content] of inline) expect(scriptSources, path).toContain(`'sha256-${createHash("sha256").update(content!).digest("base64")}'`);
    expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
    expect(response.headers()["x-powered-by"], path).toBeUndefined();
    // Style sheets: the site's files, inlined and allowed by their hashes (decision 0030), and no other
    // <style>; inline styles otherwise only as attributes (React's style props).
    const styleSources = /style-src ([^;]+)/.exec(csp)?.[1]?.split(" ") ?? [];
    const styles = [...html.matchAll(/<style\b([^>]*)>([\s\S]*?)<\/style>/g)];
    expect(styles.length, path).toBeGreaterThan(0);
    for (const [, attributes, content] of styles) {
      expect(attributes, path).toMatch(/^ data-href="\/_next\/static\/[^"]+\.css"$/);
      expect(styleSources, path).toContain(`'sha256-${createHash("sha256").update(content!).digest("base64")}'`);
    }
    expect(styleSources, path).toEqual(["'self'", ...new Set(styles.map(([, , content]) => `'sha256-${createHash("sha256").update(content!).digest("base64")}'`))]);
    expect(html, path).not.toMatch(/<link[^>]+rel="stylesheet"/);
    expect(csp, path).toContain("style-src-attr 'unsafe-inline'");
    expect(csp.replace("style-src-attr 'unsafe-inline'", ""), path).not.toContain("'unsafe-inline'");
  }
});

test("every answer of the production build sends HSTS", async ({ request }) => {
  for (const path of ["/", "/ru/isps/kcell", "/staff/sign-in", "/api/v1/operators", "/feeds/incidents.xml", "/embed/map", "/embed.js"]) {
    expect((await request.get(path)).headers()["strict-transport-security"], path).toBe("max-age=31536000; includeSubDomains");
  }
});

test("staff pages and unknown addresses get a fresh nonce on every request, and their scripts carry it", async ({ request }) => {
  for (const path of ["/staff/sign-in", "/no-such-page"]) {
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const response = await request.get(path);
      const csp = response.headers()["content-security-policy"] ?? "";
      expect(csp, path).toContain("'strict-dynamic'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? "";
      nonces.add(nonce);
      const scripts = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size, path).toBe(3);
  }
});

test("API responses may not be framed or run anything", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
});

test("social card images send a PNG with cache headers and the API's CSP; their errors too", async ({ request }) => {
  for (const path of ["/api/og/home", "/api/og/timeline?locale=ru&from=2022-01-01&to=2022-01-31", "/api/og/incident/2022-01-qantar-shutdowns", "/api/og/isp/no-such-operator"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["content-type"], path).toBe(path.includes("no-such") ? "application/problem+json" : "image/png");
    expect(headers["cache-control"], path).toBe(path.includes("no-such") ? "no-store" : PUBLIC_CACHE_CONTROL);
    expect(headers["content-security-policy"], path).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
  }
});

test("the browser enforces the CSP, styles included, without reporting violations on any kind of page", async ({ page, login }) => {
  test.setTimeout(180_000);
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  const pages = [
    "/incidents/2022-01-qantar-shutdowns",
    "/incidents?year=2022",
    "/timeline?from=2022-01-01&to=2022-01-31",
    "/map?from=2022-01-01&to=2022-01-31&measure=full_blackout",
    "/isps",
    "/isps/kcell?from=2022-01-01&to=2022-01-31",
    "/ru/api-docs",
    "/embed/timeline?from=2022-01-01&to=2022-01-31",
    "/embed/map?theme=dark",
    "/embed/isp/kcell?from=2022-01-01&to=2022-01-31",
    "/embed/isps?by=year",
    "/embed/incident/2022-01-qantar-shutdowns",
    "/embed/timeline?theme=sepia",
    "/no-such-page",
    "/staff/sign-in",
    "/",
  ];
  for (const path of pages) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  // The chart's tooltips are added by client-side JavaScript once it hydrates: scripts did run under the policy.
  await expect(page.locator('[data-chart-interactive="true"]').first()).toBeAttached();
  // The staff console and the incident editor, with their client-side forms.
  await login({ role: "editor" });
  for (const path of ["/staff", "/staff/incidents/new", "/staff/incidents", "/staff/account"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  expect(violations).toEqual([]);
});

test("incident feeds send their content type, CDN cache headers and a CSP that runs nothing", async ({ request }) => {
  const feeds = {
    "/feeds/incidents.xml": "application/rss+xml; charset=utf-8",
    "/feeds/incidents.atom?locale=ru": "application/atom+xml; charset=utf-8",
    "/feeds/operators/kcell.json": "application/feed+json; charset=utf-8",
  };
  for (const [path, contentType] of Object.entries(feeds)) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    expect(headers["content-type"], path).toBe(contentType);
    expect(headers["cache-control"], path).toBe(PUBLIC_CACHE_CONTROL);
    expect(headers["content-security-policy"], path).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
  }
  const missing = await request.get("/feeds/operators/no-such-operator.xml");
  expect(missing.status()).toBe(404);
  expect(missing.headers()["content-type"]).toBe("text/plain; charset=utf-8");
});

test("pages link their incident feeds", async ({ request }) => {
  const links = {
    "/incidents": "/feeds/incidents.atom",
    "/ru/isps/kcell": "/feeds/operators/kcell.atom?locale=ru",
  };
  for (const [path, feed] of Object.entries(links)) {
    const html = await (await request.get(path)).text();
    const alternate = /<link rel="alternate" type="application\/atom\+xml"[^>]*href="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(alternate.replaceAll("&amp;", "&"), path).toMatch(new RegExp(`^https?://[^/]+${feed.replaceAll(".", "\\.").replaceAll("?", "\\?")}$`));
    expect(html, path).toContain(`href="${feed.replaceAll("&", "&amp;")}"`);
  }
});

test("embeds may be framed by any site, under the same hash-based CSP; nothing else may", async ({ request, baseURL }) => {
  const embeds = [
    "/embed/timeline?from=2022-01-01&to=2022-01-31",
    "/ru/embed/timeline?last=30",
    "/embed/map?from=2022-01-01&to=2022-01-31",
    "/ru/embed/map",
    "/embed/isp/kcell?from=2022-01-01&to=2022-01-31",
    "/ru/embed/isp/kcell",
    "/embed/isps?from=2022-01-01&to=2022-01-31",
    "/ru/embed/isps?by=year",
    "/embed/incident/2022-01-qantar-shutdowns",
    "/ru/embed/incident/2022-01-qantar-shutdowns",
    "/embed/timeline?theme=sepia",
  ];
  for (const path of embeds) {
    const response = await request.get(path);
    const csp = response.headers()["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors *");
    expect(csp, path).not.toContain("frame-ancestors 'none'");
    expect(csp, path).toMatch(/script-src 'self' 'sha256-/);
    expect(csp, path).toContain("object-src 'none'");
    expect(response.headers()["x-frame-options"], path).toBeUndefined();
  }
  for (const path of ["/timeline", "/ru/isps/kcell", "/api/health", "/staff/sign-in", "/embedded", "/incidents/embed"]) {
    const csp = (await request.get(path)).headers()["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors 'none'");
  }
  // Judged by the page an address renders, not by how it is spelled.
  for (const path of ["/%65mbed/map", "/%72u/embed/isp/kcell", "/incidents/%2e%2e/embed/timeline"]) {
    expect((await rawGet(baseURL!, path)).headers["content-security-policy"], path).toContain("frame-ancestors *");
  }
  for (const path of ["/embed/%252e%252e/staff/sign-in", "/ru/embed/%252e%252e/staff/sign-in", "/embed/../staff/sign-in", "/embed/%2e%2e/staff/sign-in"]) {
    const answer = await rawGet(baseURL!, path);
    expect(answer.status, path).toBe(200);
    expect(answer.headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
  }
});

test("the oEmbed endpoint answers JSON under the API's CSP, open CORS and CDN caching; its script is plain JavaScript", async ({ request, baseURL }) => {
  const page = `${baseURL}/isps/kcell?from=2022-01-01&to=2022-01-31`;
  const response = await request.get(`/api/oembed?url=${encodeURIComponent(page)}&format=json`);
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers["content-type"]).toContain("application/json");
  expect(headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(headers["access-control-allow-origin"]).toBe("*");
  expect(headers["cache-control"]).toMatch(/^public, .*s-maxage=\d+/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  const missing = await request.get(`/api/oembed?url=${encodeURIComponent("https://elsewhere.example/isps/kcell")}`);
  expect(missing.status()).toBe(404);
  expect(missing.headers()["content-type"]).toBe("application/problem+json");
  expect(missing.headers()["cache-control"]).toBe("no-store");

  const script = await request.get("/embed.js");
  expect(script.status()).toBe(200);
  expect(script.headers()["content-type"]).toMatch(/javascript/);
  expect((await script.body()).length).toBeLessThan(1024);
});

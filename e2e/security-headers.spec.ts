import { expect, test } from "./fixtures/test";

const PAGES = ["/", "/incidents", "/ru/incidents/2022-01-qantar-shutdowns", "/timeline", "/map", "/isps", "/ru/isps/kcell", "/no-such-page"];

test("pages send a nonce CSP that forbids framing, and their scripts carry the nonce", async ({ request }) => {
  for (const path of PAGES) {
    const response = await request.get(path);
    const csp = response.headers()["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("object-src 'none'");
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, path).toBeTruthy();
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
    expect(response.headers()["x-powered-by"], path).toBeUndefined();
  }
});

test("each request gets a fresh nonce", async ({ request }) => {
  const nonces = new Set<string>();
  for (let i = 0; i < 3; i++) {
    const csp = (await request.get("/")).headers()["content-security-policy"] ?? "";
    nonces.add(/'nonce-([^']+)'/.exec(csp)?.[1] ?? "");
  }
  expect(nonces.size).toBe(3);
});

test("API responses may not be framed or run anything", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
});

test("the browser enforces the CSP without reporting violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/incidents/2022-01-qantar-shutdowns");
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  // The chart is drawn by client-side JavaScript, so scripts did run under the policy.
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
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
    expect(headers["cache-control"], path).toBe("public, max-age=300, s-maxage=300, stale-while-revalidate=3600");
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

test("embeds may be framed by any site, under the same nonce CSP; nothing else may", async ({ request }) => {
  const embeds = [
    "/embed/timeline?from=2022-01-01&to=2022-01-31",
    "/ru/embed/timeline?last=30",
    "/embed/map?from=2022-01-01&to=2022-01-31",
    "/ru/embed/map",
    "/embed/isp/kcell?from=2022-01-01&to=2022-01-31",
    "/ru/embed/isp/kcell",
    "/embed/incident/2022-01-qantar-shutdowns",
    "/ru/embed/incident/2022-01-qantar-shutdowns",
    "/embed/timeline?theme=sepia",
  ];
  for (const path of embeds) {
    const response = await request.get(path);
    const csp = response.headers()["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors *");
    expect(csp, path).not.toContain("frame-ancestors 'none'");
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp, path).toContain("object-src 'none'");
    expect(response.headers()["x-frame-options"], path).toBeUndefined();
  }
  for (const path of ["/timeline", "/ru/isps/kcell", "/api/health", "/staff/sign-in", "/embedded", "/incidents/embed"]) {
    const csp = (await request.get(path)).headers()["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors 'none'");
  }
});

import { expect, test } from "./fixtures/test";
import { PUBLIC_CACHE_CONTROL } from "@/lib/http/cache-policy";

const API_PATHS = [
  "/api/v1/incidents?limit=2",
  "/api/v1/incidents/2022-01-qantar-shutdowns",
  "/api/v1/operators",
  "/api/v1/regions?format=csv",
  "/api/v1/series?operator=kcell&from=2022-01-01&to=2022-01-31&max_points=50",
  "/api/v1/openapi.json",
];

test("the public API sends open CORS, RateLimit and CDN cache headers, and a CSP that runs nothing", async ({ request }) => {
  for (const path of API_PATHS) {
    const response = await request.get(path, { headers: { Origin: "https://example.org" } });
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    expect(headers["access-control-allow-origin"], path).toBe("*");
    expect(headers["cache-control"], path).toBe(PUBLIC_CACHE_CONTROL);
    expect(headers["ratelimit-limit"], path).toMatch(/^\d+$/);
    expect(headers["ratelimit-remaining"], path).toMatch(/^\d+$/);
    expect(headers["ratelimit-reset"], path).toMatch(/^\d+$/);
    expect(headers["ratelimit-policy"], path).toMatch(/^\d+;w=60$/);
    expect(headers["content-security-policy"], path).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
  }
});

test("the public API answers preflights, bad parameters and unknown slugs", async ({ request }) => {
  const preflight = await request.fetch("/api/v1/incidents", { method: "OPTIONS", headers: { Origin: "https://example.org", "Access-Control-Request-Method": "GET" } });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()["access-control-allow-methods"]).toBe("GET, OPTIONS");

  const bad = await request.get("/api/v1/incidents?limit=500");
  expect(bad.status()).toBe(400);
  expect(bad.headers()["content-type"]).toBe("application/problem+json");
  expect(bad.headers()["cache-control"]).toBe("no-store");
  expect((await bad.json()).invalid_params[0].name).toBe("limit");

  const missing = await request.get("/api/v1/incidents/no-such-incident");
  expect(missing.status()).toBe(404);
  expect(missing.headers()["content-type"]).toBe("application/problem+json");
});

test("the API reference renders the document in English and Russian", async ({ page, expectAccessible }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { level: 1, name: "Public API" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "GET /api/v1/incidents/{slug}" })).toBeVisible();
  await expect(page.getByRole("row", { name: /cursor/ }).first()).toBeVisible();
  await expect(page.locator("pre code").first()).toContainText('curl "http');
  await expectAccessible();
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(360);

  await page.goto("/ru/api-docs");
  await expect(page.getByRole("heading", { level: 1, name: "Публичный API" })).toBeVisible();
  await expect(page.getByRole("link", { name: /openapi\.json/ })).toHaveAttribute("href", "/api/v1/openapi.json");
});

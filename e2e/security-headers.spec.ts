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

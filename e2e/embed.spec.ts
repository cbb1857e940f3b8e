import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { expectChartDrawn } from "./fixtures/chart-screenshot";
import { expect, test } from "./fixtures/test";

const JANUARY_2022 = "from=2022-01-01&to=2022-01-31";
const QANTAR = "2022-01-qantar-shutdowns";

test.slow();

/** No site chrome, and a credit line for the tracker's records (CC BY 4.0) with a link to the licences. */
async function expectNoChrome(page: Page) {
  await expect(page.locator("[data-embed]")).toBeVisible();
  await expect(page.locator(".site-header")).toHaveCount(0);
  await expect(page.locator(".site-footer")).toHaveCount(0);
  const attribution = page.locator("[data-embed-attribution]");
  await expect(attribution).toContainText("Kazakhstan Shutdown Tracker, incidents curated by the coalition (CC BY 4.0)");
  await expect(attribution.getByRole("link", { name: "Licences" })).toHaveAttribute("href", "/about-data");
}

test("each embed draws its chart without the site chrome, and links back to the full view", async ({ page }) => {
  await page.goto(`/embed/timeline?${JANUARY_2022}`);
  await expectNoChrome(page);
  await expectChartDrawn(page.locator("[data-timeline-chart]"));
  const full = page.getByRole("link", { name: "Open the full view" });
  await expect(full).toHaveAttribute("href", `/timeline?${JANUARY_2022}`);
  await expect(full).toHaveAttribute("target", "_blank");

  await page.goto(`/embed/map?${JANUARY_2022}`);
  await expectNoChrome(page);
  await expectChartDrawn(page.getByTestId("region-map"));

  await page.goto(`/embed/isp/kcell?${JANUARY_2022}`);
  await expectNoChrome(page);
  await expectChartDrawn(page.getByRole("figure", { name: "Hours of Kcell by measure" }));

  await page.goto(`/ru/embed/incident/${QANTAR}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.locator(".site-header")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Открыть полную версию" })).toHaveAttribute("href", `/ru/incidents/${QANTAR}`);
  await expectChartDrawn(page.locator("[data-embed] figure").first());
});

test("a bad parameter or an unknown slug shows a small error card inside the frame", async ({ page }) => {
  await page.goto("/embed/timeline?theme=sepia");
  await expect(page.locator("[data-embed-error]")).toContainText("The parameter “theme” has an invalid value: “sepia”.");
  await page.goto("/embed/map?from=2022-13-45");
  await expect(page.locator("[data-embed-error]")).toContainText("“from”");
  await page.goto("/ru/embed/timeline?last=0");
  await expect(page.locator("[data-embed-error]")).toContainText("«last»");
  await page.goto("/embed/isp/kcell?signals=nope");
  await expect(page.locator("[data-embed-error]")).toContainText("“signals”");
  const missing = await page.goto("/embed/isp/no-such-operator");
  expect(missing?.status()).toBe(404);
  await expect(page.locator("[data-embed-error]")).toContainText("Nothing was found at this address.");
  await expect(page.locator(".site-header")).toHaveCount(0);
});

test("the 404 card keeps the theme, the incident embed refuses a window, and the map's list link keeps the filters", async ({ page }) => {
  const missing = await page.goto("/embed/isp/no-such-operator?theme=dark");
  expect(missing?.status()).toBe(404);
  await expect(page.locator("[data-embed]")).toHaveAttribute("data-theme", "dark");

  await page.goto(`/embed/incident/${QANTAR}?last=30`);
  await expect(page.locator("[data-embed-error]")).toContainText("“last”");

  await page.goto(`/embed/map?${JANUARY_2022}&operator=kcell&selected=mangystau`);
  const list = page.locator('a[href*="/incidents?"]').first();
  const href = new URL((await list.getAttribute("href")) ?? "", "http://x");
  expect(href.searchParams.get("operator")).toBe("kcell");
  expect(href.searchParams.get("region")).toBe("mangystau");
});

test("dragging the timeline inside an embed opens nothing, even when released over a bar", async ({ page, context }) => {
  await page.goto(`/embed/timeline?${JANUARY_2022}`);
  const bar = page.locator("[data-timeline-chart] a[href]").first();
  await expect(bar).toBeVisible();
  const box = (await bar.boundingBox())!;
  const popups: string[] = [];
  context.on("page", (opened) => popups.push(opened.url()));
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 60, y, { steps: 5 });
  await page.mouse.move(x, y, { steps: 5 });
  await page.mouse.up();
  await page.waitForTimeout(500);
  expect(popups).toEqual([]);
  await expect(page).toHaveURL(/\/embed\/timeline/);
});

test("the dark theme applies its palette", async ({ page }) => {
  await page.goto(`/embed/timeline?${JANUARY_2022}&theme=dark`);
  const frame = page.locator("[data-embed]");
  await expect(frame).toHaveAttribute("data-theme", "dark");
  expect(await frame.evaluate((node) => getComputedStyle(node).backgroundColor)).toBe("rgb(17, 19, 23)");
  await page.goto(`/embed/timeline?${JANUARY_2022}`);
  expect(await page.locator("[data-embed]").evaluate((node) => getComputedStyle(node).backgroundColor)).toBe("rgb(255, 255, 255)");
});

test("a rolling window covers the last N days and links to the same fixed window", async ({ page }) => {
  await page.goto("/embed/timeline?last=30");
  await expect(page.locator("[data-embed-rolling]")).toHaveText("The last 30 days, updated automatically.");
  const href = (await page.getByRole("link", { name: "Open the full view" }).getAttribute("href")) ?? "";
  const query = new URL(href, "http://x").searchParams;
  const from = new Date(`${query.get("from")}T00:00:00Z`).getTime();
  const to = new Date(`${query.get("to")}T00:00:00Z`).getTime();
  expect((to - from) / 86_400_000).toBe(29);
});

for (const path of [`/embed/timeline?${JANUARY_2022}`, `/embed/isp/kcell?${JANUARY_2022}&theme=dark`, `/ru/embed/incident/${QANTAR}`]) {
  test(`axe finds no serious violations on ${path}`, async ({ page, expectAccessible }) => {
    await page.goto(path);
    await expect(page.locator("[data-embed]")).toBeVisible();
    await expectAccessible();
  });
}

test("another site can frame an embed, and the frame reports its height", async ({ page, baseURL }) => {
  const src = `${baseURL}/embed/isp/kcell?${JANUARY_2022}`;
  // A real server on another port: another origin, still on this machine (Chromium blocks a public page framing a local one).
  const host = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><html lang="en"><title>Host</title><body>
        <iframe id="kst" title="Kcell" src="${src}" width="600" height="300"></iframe>
        <script>
          window.heights = [];
          window.addEventListener("message", (event) => {
            if (event.data && event.data.type === "kst-embed-height") window.heights.push(event.data.height);
          });
        </script></body></html>`);
  });
  await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
  try {
    await page.goto(`http://127.0.0.1:${(host.address() as AddressInfo).port}/page.html`);
    const frame = page.frameLocator("#kst");
    await expect(frame.getByRole("figure", { name: "Hours of Kcell by measure" })).toBeVisible({ timeout: 60_000 });
    await expect.poll(() => page.evaluate(() => (window as unknown as { heights: number[] }).heights.length), { timeout: 30_000 }).toBeGreaterThan(0);
    const heights = await page.evaluate(() => (window as unknown as { heights: number[] }).heights);
    expect(heights.at(-1)).toBeGreaterThan(300);
  } finally {
    await new Promise((resolve) => host.close(resolve));
  }
});

test("an embed whose chart the server drew loads only its frame script until the reader points at it, then hydrates without errors", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  for (const path of [`/embed/incident/${QANTAR}`, `/embed/map?${JANUARY_2022}`, `/embed/timeline?${JANUARY_2022}`]) {
    const scripts: string[] = [];
    const onResponse = (response: { url: () => string; request: () => { resourceType: () => string } }) => {
      if (response.request().resourceType() === "script") scripts.push(new URL(response.url()).pathname);
    };
    page.on("response", onResponse);
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await expect(page.locator("[data-embed]"), path).toHaveAttribute("data-kst-hydrate", "on-interaction");
    expect(scripts, path).toEqual(["/embed-frame.js"]);
    expect(await page.evaluate(() => "next" in window), path).toBe(false);

    await page.locator("[data-embed-content] h1").hover();
    await expect.poll(() => page.evaluate(() => Boolean((window as unknown as { next?: { version?: string } }).next?.version)), { timeout: 30_000 }).toBe(true);
    expect(scripts.filter((script) => script.startsWith("/_next/static/")).length, path).toBeGreaterThan(0);
    // React reports a failed hydration (a mismatch, a missing chunk) as an error.
    await page.waitForLoadState("networkidle");
    expect(errors, path).toEqual([]);
    page.off("response", onResponse);
  }
});

test("a link to the tracker's pages opens in a new tab from the frame script, and the frame stays", async ({ page, context }) => {
  await page.goto(`/embed/map?${JANUARY_2022}&operator=kcell&selected=mangystau`);
  await page.waitForLoadState("networkidle");
  const list = page.locator('a[href*="/incidents?"]').first();
  await expect(list).not.toHaveAttribute("target", "_blank");
  const opened = context.waitForEvent("page");
  await list.click({ noWaitAfter: true });
  expect(new URL((await opened).url()).pathname).toBe("/incidents");
  await expect(page).toHaveURL(/\/embed\/map\?/);
});

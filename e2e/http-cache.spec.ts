import { expect, test } from "./fixtures/test";
import { rawGet } from "./fixtures/raw-http";
import { PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from "@/lib/http/cache-policy";

/**
 * The production server's shared response cache (scripts/serve-production.ts,
 * docs/decisions/0007): public answers are kept and served again, private ones
 * never, and publishing empties it at once.
 */
test("public pages, embeds and the API are kept by the server; staff pages never are", async ({ request }) => {
  for (const path of ["/incidents?year=2019", "/embed/isp/kcell?from=2022-01-01&to=2022-01-31", "/ru/timeline?year=2019", "/api/v1/operators", "/api/v1/disruption?operator=kcell&from=2022-01-01&to=2022-01-31"]) {
    // Other specs publish incidents meanwhile, and every publication empties the cache: try again until a pair lands.
    await expect(async () => {
      const first = await request.get(path);
      expect(first.status(), path).toBe(200);
      expect(first.headers()["cache-control"], path).toBe(PUBLIC_CACHE_CONTROL);
      expect(first.headers()["set-cookie"], path).toBeUndefined();
      const second = await request.get(path);
      expect(second.headers()["x-kst-cache"], path).toBe("hit");
      expect(await second.text(), path).toBe(await first.text());
    }).toPass({ timeout: 20_000 });
  }
  for (let i = 0; i < 2; i++) {
    const staff = await request.get("/staff/sign-in");
    expect(staff.headers()["cache-control"]).toContain("no-store");
    expect(staff.headers()["x-kst-cache"]).toBeUndefined();
  }
});

test("every spelling of a public address shares its one kept answer; every spelling of a staff address is private", async ({ baseURL }) => {
  const spellings: Record<string, string[]> = {
    "/incidents?year=2019": ["/%69ncidents?year=2019", "/incidents/?year=2019", "//incidents?year=2019", "/./incidents?year=2019", "/map/../incidents?year=2019", "/incidents?year=2019&utm_source=x"],
    "/ru/isps/kcell?from=2022-01-01&to=2022-01-31": ["/%72u/isps/%6bcell?to=2022-01-31&from=2022-01-01", "/ru//isps/kcell/?from=2022-01-01&to=2022-01-31", "/ru/isps/%2e/kcell?from=2022-01-01&to=2022-01-31&ref=1"],
    "/embed/isp/kcell?from=2022-01-01&to=2022-01-31": ["/%65mbed/isp/kcell?from=2022-01-01&to=2022-01-31&fbclid=1", "/embed/isp/kcell?to=2022-01-31&from=2022-01-01"],
  };
  for (const [canonical, variants] of Object.entries(spellings)) {
    await expect(async () => {
      const first = await rawGet(baseURL!, canonical);
      expect(first.headers["cache-control"], canonical).toBe(PUBLIC_CACHE_CONTROL);
      for (const variant of variants) {
        const answer = await rawGet(baseURL!, variant);
        expect(answer.headers["x-kst-cache"], variant).toBe("hit");
        expect(answer.body, variant).toBe(first.body);
      }
    }).toPass({ timeout: 30_000 });
  }
  for (const path of ["/%73taff/sign-in", "/%72u/%73taff/sign-in", "/incidents/%252e%252e/staff/sign-in", "/STAFF/sign-in", "/no-such-page"]) {
    for (let i = 0; i < 2; i++) {
      const answer = await rawGet(baseURL!, path);
      expect(answer.headers["cache-control"], path).toBe(PRIVATE_CACHE_CONTROL);
      expect(answer.headers["x-kst-cache"], path).toBeUndefined();
    }
  }
});

test("publishing an incident empties the server's cache at once", async ({ request, createIncident }) => {
  const path = "/incidents?year=2036";
  await request.get(path);
  expect((await request.get(path)).headers()["x-kst-cache"]).toBe("hit");

  const title = `Cache probe ${Date.now()}`;
  await createIncident({ title, startsAt: "2036-02-01T06:00:00Z", endsAt: "2036-02-01T09:00:00Z" });
  // The NOTIFY of the publishing transaction reaches the server within moments.
  await expect(async () => {
    const response = await request.get(path);
    expect(await response.text()).toContain(title);
  }).toPass({ timeout: 5_000 });
});

test("a kept page still hydrates under its hash-based script policy", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const path = "/isps/kcell?from=2022-01-01&to=2022-01-31";
  // Kept by the first visit, served from memory by the next (again if another spec's publication emptied the cache).
  await expect(async () => {
    await page.goto(path);
    const response = await page.goto(path);
    expect(response?.headers()["x-kst-cache"]).toBe("hit");
  }).toPass({ timeout: 30_000 });
  // The curated chart's tooltips are added in the browser only, once it hydrates: the scripts ran.
  await expect(page.locator('[data-chart-interactive="true"]').first()).toBeAttached();
  expect(violations).toEqual([]);
});

test("a public page, a missing one's too, is styled by the sheets inside it, without any request for a style sheet", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const styleSheetRequests: string[] = [];
  await page.route("**/*.css", (route) => {
    styleSheetRequests.push(route.request().url());
    return route.abort();
  });
  for (const [path, status] of [
    ["/isps/kcell?from=2022-01-01&to=2022-01-31", 200],
    ["/incidents/no-such-incident", 404],
  ] as const) {
    expect((await page.goto(path))?.status(), path).toBe(status);
    // The site's own look (app/globals.css), not the browser's defaults: the sheet is in the page.
    const look = await page.evaluate(() => {
      const style = getComputedStyle(document.body);
      return { margin: style.margin, text: style.getPropertyValue("--text").trim() };
    });
    expect(look.text, path).not.toBe("");
    expect(look.margin, path).toBe("0px");
  }
  expect(styleSheetRequests).toEqual([]);
  await context.close();
});

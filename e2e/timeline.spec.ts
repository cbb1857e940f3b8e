import type { Page } from "@playwright/test";
import { expectChartDrawn } from "./fixtures/chart-screenshot";
import { devBaseURL, keepDevPageStill } from "./fixtures/dev-server";
import { expect, test } from "./fixtures/test";

test.use(devBaseURL ? { baseURL: devBaseURL } : {});
test.beforeEach(async ({ page }) => keepDevPageStill(page));

const QANTAR = "2022-01-qantar-shutdowns";
const THROTTLING = "2018-03-throttling-opposition-streams";
const JANUARY_2022 = "/timeline?from=2022-01-01&to=2022-01-31";

/** The visible window from the address, in milliseconds. */
function viewOf(page: Page): { start: number; end: number } | null {
  const value = new URL(page.url()).searchParams.get("view");
  if (!value) return null;
  const [start, end] = value.split("~").map((part) => Date.parse(part));
  return { start: start!, end: end! };
}

const spanOf = (page: Page) => {
  const view = viewOf(page);
  return view ? view.end - view.start : Infinity;
};

async function slugs(page: Page, selector: string) {
  return (await page.locator(selector).evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-slug")))).sort();
}

test("the timeline: zoom, filter and click-through", async ({ page }) => {
  await page.goto(JANUARY_2022);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Timeline");
  const chart = page.locator("[data-timeline-chart]");
  await expectChartDrawn(chart);

  // January 2022: the Qantar cuts and partial restorations in the National lane and in every operator's lane.
  await expect(page.locator("[data-lane]")).toHaveCount(5);
  for (const lane of ["National", "Beeline", "Kazakhtelecom", "Kcell", "Tele2/Altel"]) await expect(chart.getByText(lane, { exact: true })).toBeVisible();
  const qantar = chart.locator(`[data-slug="${QANTAR}"]`);
  await expect(qantar).toHaveCount(1);
  expect(await qantar.locator("rect[style*='-hatch']").count(), "partial phases are hatched").toBeGreaterThan(0);
  expect(await qantar.locator("rect[style*='-stripes']").count(), "intermittent phases are striped").toBeGreaterThan(0);
  await expect(page.locator("[data-timeline-summary]")).toHaveText("2 incidents from 1 Jan 2022, 00:00 UTC+6 to 1 Feb 2022, 00:00 UTC+6; 1 of them is ongoing.");

  // The list view holds the same incidents as the chart.
  expect(await slugs(page, "[data-timeline-list] tbody tr")).toEqual(await slugs(page, "[data-timeline-chart] [data-slug]"));
  expect(await slugs(page, "[data-timeline-list] tbody tr")).toEqual([QANTAR, THROTTLING].sort());

  // Zoom in with the control: the window and the address change (without reloading the page).
  await page.getByRole("button", { name: "Zoom in" }).click();
  await expect(page).toHaveURL(/[?&]view=2022-01-\d\dT\d\d:\d\dZ~2022-01-\d\dT\d\d:\d\dZ/);
  const afterButton = spanOf(page);
  expect(afterButton).toBeLessThan(20 * 24 * 3_600_000);

  // Zoom in and pan with the keyboard.
  await page.locator("[data-timeline-plot]").focus();
  await page.keyboard.press("+");
  await expect.poll(() => spanOf(page)).toBeLessThan(afterButton * 0.75);
  const beforePan = viewOf(page)!;
  await page.keyboard.press("ArrowLeft");
  await expect.poll(() => viewOf(page)!.start).toBeLessThan(beforePan.start);

  // A preset: one week.
  await page.getByRole("button", { name: "Week" }).click();
  await expect.poll(() => spanOf(page)).toBe(7 * 24 * 3_600_000);
  await expect(page.getByRole("button", { name: "Week" })).toHaveAttribute("aria-pressed", "true");

  // Hover shows the summary card.
  await page.getByRole("button", { name: "Whole period" }).click();
  await expect.poll(() => viewOf(page)).toBeNull();
  await qantar.locator("rect").first().hover();
  const card = page.locator("[data-timeline-card]");
  await expect(card).toContainText("January 2022 unrest");
  await expect(card).toContainText("Full blackout");
  await expect(card).toContainText("Beeline, Kazakhtelecom, Kcell, Tele2/Altel");

  // A filter by type changes the items and lives in the address; the zoom is kept.
  await page.getByRole("button", { name: "Zoom in" }).click();
  await expect(page).toHaveURL(/view=/);
  const zoomed = new URL(page.url()).searchParams.get("view");
  await page.locator("summary", { hasText: "Types" }).click();
  await page.getByRole("checkbox", { name: "Throttling" }).check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/type=THROTTLING/);
  expect(new URL(page.url()).searchParams.get("view")).toBe(zoomed);
  await expect(page.locator("[data-timeline-chart] [data-slug]")).toHaveCount(1);
  expect(await slugs(page, "[data-timeline-list] tbody tr")).toEqual([THROTTLING]);

  // Click-through to the incident, in the same language.
  await page.goto(`/ru${JANUARY_2022}`);
  await page.locator(`[data-timeline-chart] [data-slug="${QANTAR}"] rect`).first().click();
  await expect(page).toHaveURL(new RegExp(`/ru/incidents/${QANTAR}$`), { timeout: 45_000 });
  await expect(page.getByRole("heading", { level: 1 })).toContainText("2022");
});

test("keyboard users move between incidents, see the card and open one", async ({ page }) => {
  await page.goto(JANUARY_2022);
  const item = (slug: string) => page.locator(`[data-timeline-chart] [data-slug="${slug}"]`);
  await page.locator("[data-timeline-plot]").focus();
  await page.keyboard.press("Tab");
  // Incidents in time order: the 2018 throttling (still ongoing), then Qantar.
  await expect(item(THROTTLING)).toBeFocused();
  await expect(page.locator("[data-timeline-card]")).toContainText("Nationwide throttling");
  await page.keyboard.press("ArrowRight");
  await expect(item(QANTAR)).toBeFocused();
  await expect(page.locator("[data-timeline-card]")).toContainText("Qantar");
  await page.keyboard.press("Escape");
  await expect(page.locator("[data-timeline-card]")).toHaveCount(0);
  await page.keyboard.press("Home");
  await expect(item(THROTTLING)).toBeFocused();
  await page.keyboard.press("End");
  await expect(item(QANTAR)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/incidents/${QANTAR}$`), { timeout: 45_000 });
});

test("times show in Kazakhstan time, or in UTC on request", async ({ page }) => {
  const day = "view=2022-01-05T00:00Z~2022-01-06T00:00Z";
  await page.goto(`${JANUARY_2022}&${day}`);
  const ticks = page.locator("[data-timeline-tick]");
  await expect(page.locator("[data-timeline-zone]")).toHaveText("UTC+6");
  await expect(ticks.first()).toBeVisible();
  const local = await ticks.allTextContents();
  expect(local).toContain("6 Jan"); // Kazakhstan midnight is 18:00 UTC
  expect(local[0]).toBe("06:00");
  await page.goto(`${JANUARY_2022}&tz=utc&${day}`);
  await expect(page.locator("[data-timeline-zone]")).toHaveText("UTC");
  const utc = await ticks.allTextContents();
  expect(utc).not.toEqual(local);
  expect(utc[0]).toBe("5 Jan");
  await expect(page.locator("[data-timeline-window]")).toContainText("5 Jan 2022, 00:00 UTC – 6 Jan 2022, 00:00 UTC");
});

test("a bad view parameter is ignored with a notice", async ({ page }) => {
  await page.goto(`${JANUARY_2022}&view=yesterday`);
  await expect(page.getByRole("status").filter({ hasText: "view=yesterday" })).toBeVisible();
  await expectChartDrawn(page.locator("[data-timeline-chart]"));
});

test("the overview's compact timeline leads to the timeline", async ({ page }) => {
  await page.goto("/");
  await expectChartDrawn(page.locator("[data-compact-timeline]"));
  await page.getByRole("link", { name: "Open the timeline" }).click();
  await expect(page).toHaveURL(/\/timeline$/);
  await expectChartDrawn(page.locator("[data-timeline-chart]"));
});

for (const path of ["/timeline", JANUARY_2022, "/ru/timeline?from=2022-01-01&to=2022-01-31&tz=utc"]) {
  test(`axe finds no serious violations on ${path}`, async ({ page, expectAccessible }) => {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await expect(page.locator("[data-timeline-chart] [data-slug]").first()).toBeVisible();
    await expectAccessible();
    // With the card open too.
    await page.locator("[data-timeline-chart] [data-slug]").first().focus();
    await expect(page.locator("[data-timeline-card]")).toBeVisible();
    await expectAccessible();
  });
}

test.describe("at 360 px", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test("the timeline fits the screen, draws and passes axe", async ({ page, expectAccessible }) => {
    await page.goto(JANUARY_2022);
    await page.waitForLoadState("networkidle");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectChartDrawn(page.locator("[data-timeline-chart]"));
    await page.getByRole("button", { name: "Day" }).click();
    await expect.poll(() => spanOf(page)).toBe(24 * 3_600_000);
    await expectAccessible();
  });
});

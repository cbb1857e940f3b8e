import { expectChartDrawn } from "./fixtures/chart-screenshot";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";

/**
 * The region map. Other tests may add incidents while this runs, so counts
 * are compared between views rather than fixed; the hours are the seed's,
 * worked out by hand in lib/server/disruption/reconciliation.int.test.ts
 * (the 2018 throttling, with no recorded end, is no longer counted).
 */

const FIRST_QUARTER_2022 = "/map?from=2022-01-01&to=2022-03-31";

const regionRow = (page: Page, name: string) => page.getByTestId("region-table").getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
const hoursCell = (page: Page, name: string, measure: string) => regionRow(page, name).locator(`td[data-measure="${measure}"]`);
const frameLabel = (page: Page) => page.getByTestId("map-frame");

/** Waits for the map island to hydrate: before that, the controls are inert (the links still work). */
async function openMap(page: Page, path: string) {
  const response = await page.goto(path);
  await expect(page.locator("[data-interactive]")).toBeAttached({ timeout: 30_000 });
  return response;
}

test("the map: slider and region click", async ({ page }) => {
  // Some thirty steps, each waiting for a render: slow on a loaded two-core machine.
  test.setTimeout(150_000);
  await openMap(page, FIRST_QUARTER_2022);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Map");
  await expect(page.getByText("Period: January 1, 2022 – March 31, 2022.")).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expectChartDrawn(page.getByTestId("region-map"));

  // Whole period: each measure apart, never one uniform figure.
  await expect(frameLabel(page)).toHaveText("Whole period");
  await expect(hoursCell(page, "Mangystau Region", "full_blackout")).toHaveText("88.5");
  await expect(hoursCell(page, "Mangystau Region", "partial_disruption")).toContainText("107.8");
  await expect(hoursCell(page, "Mangystau Region", "partial_disruption")).toContainText("of which 70 h to an open end");
  await expect(hoursCell(page, "Almaty", "full_blackout")).toHaveText("111");
  await expect(page.getByTestId("map-summary")).toContainText("January 1, 2022 – March 31, 2022:");
  await expect(page.getByTestId("map-measure-note")).toContainText("Published incidents with a phase affecting the region");

  // Switch the measure: the legend, the sentence saying what is counted and the address follow.
  await page.getByRole("radio", { name: "Full blackout" }).check();
  await expect(page.getByText("Full blackout: hours in the region")).toBeVisible();
  await expect(page).toHaveURL(/[?&]measure=full_blackout(&|$)/);
  await expect(page.getByTestId("map-summary")).toContainText("Full blackout, most hours: Almaty (111 h).");
  await expect(page.getByTestId("map-measure-note")).toContainText("every fixed and mobile connection in the region was cut");

  // Step the slider: a button, then the keyboard.
  await page.getByRole("button", { name: "Next month" }).click();
  await expect(frameLabel(page)).toHaveText("January 2022");
  await expect(page).toHaveURL(/[?&]month=2022-01(&|$)/);
  await expect(hoursCell(page, "Mangystau Region", "full_blackout")).toHaveText("88.5");
  const slider = page.getByRole("slider", { name: /Month/ });
  await slider.focus();
  await page.keyboard.press("ArrowRight");
  await expect(frameLabel(page)).toHaveText("February 2022");
  await expect(page).toHaveURL(/[?&]month=2022-02(&|$)/);
  await expect(hoursCell(page, "Mangystau Region", "full_blackout")).toHaveText("0");

  // Play from the whole period starts at the first month; pause holds it.
  await page.getByRole("button", { name: "Whole period" }).click();
  await expect(page).not.toHaveURL(/month=/);
  await page.getByRole("button", { name: "Play" }).click();
  await expect(frameLabel(page)).toHaveText("January 2022");
  await page.getByRole("button", { name: "Pause" }).click();
  await page.waitForTimeout(1_600);
  await expect(frameLabel(page)).toHaveText("January 2022");
  await expect(page).toHaveURL(/[?&]month=2022-01(&|$)/);
  // Playing on runs to the last month and stops there.
  await page.getByRole("button", { name: "Play" }).click();
  await expect(frameLabel(page)).toHaveText("March 2022", { timeout: 10_000 });
  await expect(page).toHaveURL(/[?&]month=2022-03(&|$)/);
  await expect(page.getByRole("button", { name: "Play" })).toBeVisible();

  // Back to January; click a region on the map.
  await page.getByRole("button", { name: "Previous month" }).click();
  await page.getByRole("button", { name: "Previous month" }).click();
  await expect(frameLabel(page)).toHaveText("January 2022");
  await page.locator('a[data-region="mangystau"]').click();
  await expect(page).toHaveURL(/[?&]selected=mangystau(&|$)/);
  const details = page.getByTestId("region-details");
  await expect(details.getByRole("heading", { name: "Mangystau Region" })).toBeVisible();
  await expect(details.getByRole("link", { name: /January 2022 unrest/ })).toBeVisible();
  const countOnMap = await regionRow(page, "Mangystau Region").getByRole("cell").first().textContent();
  await expect(details).toContainText(`${countOnMap} incident`);

  // The new regions: drawn inside their parent, their own rows, and the note.
  await expect(regionRow(page, "Abai Region")).toContainText("drawn inside East Kazakhstan Region");
  await expect(regionRow(page, "Abai Region")).toContainText("Not formed yet (formed on June 8, 2022)");
  await expect(page.getByTestId("map-note")).toContainText("Shymkent (2018), Abai Region (2022), Jetisu Region (2022), and Ulytau Region (2022) have no outline of their own");

  // The keyboard route: focus a city marker and press Enter.
  await page.locator('a[data-region="astana"]').focus();
  await page.keyboard.press("Enter");
  await expect(details.getByRole("heading", { name: "Astana" })).toBeVisible();
  await expect(page).toHaveURL(/[?&]selected=astana(&|$)/);

  // The state survives a reload: the address is the view.
  await page.reload();
  await expect(page.locator("[data-interactive]")).toBeAttached({ timeout: 30_000 });
  await expect(frameLabel(page)).toHaveText("January 2022");
  await expect(page.getByRole("radio", { name: "Full blackout" })).toBeChecked();
  await expect(page.getByTestId("region-details").getByRole("heading", { name: "Astana" })).toBeVisible();

  // The filtered list shows the same incidents for the same region and month.
  await page.locator('a[data-region="mangystau"]').click();
  await expect(details.getByRole("heading", { name: "Mangystau Region" })).toBeVisible();
  await details.getByRole("link", { name: "Open the incident list for Mangystau Region in this period" }).click();
  await expect(page).toHaveURL(/\/incidents\?region=mangystau&from=2022-01-01&to=2022-01-31$/);
  await expect(page.getByText(new RegExp(`^${countOnMap} incidents?$`))).toBeVisible();
  await expect(page.getByRole("link", { name: /January 2022 unrest/ })).toBeVisible();
});

test("the journalist's January 2022 link shows one month, and the filter bar keeps the map's state", async ({ page }) => {
  await openMap(page, "/map?from=2022-01-01&to=2022-01-31&measure=full_blackout&selected=almaty-city");
  await expect(page.getByText("Period: January 1, 2022 – January 31, 2022.")).toBeVisible();
  await expect(page.getByRole("slider", { name: /Month/ })).toHaveAttribute("max", "1");
  await expect(page.getByTestId("region-details").getByRole("heading", { name: "Almaty" })).toBeVisible();
  // Almaty city's regional incident of February 2021 is outside this period (Qantar is nationwide).
  const localInJanuary = Number(await regionRow(page, "Almaty").getByRole("cell").nth(1).textContent());

  // Changing a shared filter keeps the measure and the selection.
  await page.getByLabel("From").fill("2021-02-01");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/from=2021-02-01/);
  await expect(page).toHaveURL(/measure=full_blackout/);
  await expect(page).toHaveURL(/selected=almaty-city/);
  await expect(page.getByRole("radio", { name: "Full blackout" })).toBeChecked();
  await expect(regionRow(page, "Almaty").getByRole("cell").nth(1)).toHaveText(String(localInJanuary + 1));
});

test("bad map parameters are ignored with a notice", async ({ page }) => {
  // "hours" summed every kind of disruption into one figure; it is no longer a measure.
  const response = await page.goto("/map?measure=hours&month=1999-01&selected=atlantis");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("status")).toContainText("measure=hours, month=1999-01, selected=atlantis");
  await expect(frameLabel(page)).toHaveText("Whole period");
});

for (const path of ["/map?from=2022-01-01&to=2022-03-31&month=2022-01&selected=mangystau", "/ru/map?measure=service_blocking&selected=abai"]) {
  test(`axe finds no serious violations on ${path}`, async ({ page, expectAccessible }) => {
    await openMap(page, path);
    await page.waitForLoadState("networkidle");
    await expect(page.getByTestId("region-details").getByRole("heading")).toBeVisible();
    await expectAccessible();
  });
}

test("the Russian map is in Russian", async ({ page }) => {
  await page.goto("/ru/map?from=2022-01-01&to=2022-01-31");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Карта");
  await expect(page.getByRole("radio", { name: "Полное отключение" })).toBeVisible();
  await expect(page.getByTestId("map-note")).toContainText("Абайская область (2022)");
  await expect(hoursCell(page, "Мангистауская область", "partial_disruption")).toContainText("107,8");
});

test.describe("at 360 px", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test("the map fits the screen, draws, and passes axe", async ({ page, expectAccessible }) => {
    await openMap(page, "/map?from=2022-01-01&to=2022-03-31");
    await page.waitForLoadState("networkidle");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectChartDrawn(page.getByTestId("region-map"));
    await page.getByRole("button", { name: "Next month" }).click();
    await expect(frameLabel(page)).toHaveText("January 2022");
    await expectAccessible();
  });
});

import type { Locator, Page } from "@playwright/test";
import { expectChartDrawn } from "./fixtures/chart-screenshot";
import { expect as baseExpect, test } from "./fixtures/test";

/** Chart pages read measurements and draw after hydration: allow them a little longer than a plain page. */
const expect = baseExpect.configure({ timeout: 15_000 });
const KCELL_JANUARY = "/isps/kcell?from=2022-01-01&to=2022-01-31";
const YEAR_2022 = "/isps?from=2022-01-01&to=2022-12-31";

/** The labels of a chart's y-axis, bottom to top. */
async function yAxisLabels(chart: Locator): Promise<string[]> {
  const labels = chart.locator('[data-chart-axis="y"] text');
  await expect(labels.first()).toBeVisible();
  return labels.allTextContents();
}

/** Waits for the page's charts: the curated ones come drawn in the HTML; the measured ones may be client islands. */
async function waitForCharts(page: Page, count: number) {
  await expect.poll(() => page.locator("[role=figure] svg").count()).toBeGreaterThanOrEqual(count);
}

// e2e/fixtures/feeds/ (IODA signals for Kcell and Kazakhtelecom, OONI measurements and a Cloudflare outage for Kcell,
// January 2022), as `npm run demo` loads them, marked as example data. Replays store nothing, so every worker may run it.
test.beforeAll(async ({ fixtureRunner }) => {
  await fixtureRunner.run("load-example-data", {});
});

test.slow();

test("the overview shows all four operators on one scale, and compared on one chart", async ({ page }) => {
  await page.goto(YEAR_2022);
  await expect(page.getByRole("heading", { level: 1, name: "Operators" })).toBeVisible();
  const cards = page.getByRole("article");
  await expect(cards).toHaveCount(4);
  await waitForCharts(page, 5);

  const maxima: string[] = [];
  for (const name of ["Beeline", "Kazakhtelecom", "Kcell", "Tele2/Altel"]) {
    const chart = page.getByRole("figure", { name: `Hours of ${name} by measure` });
    await expectChartDrawn(chart);
    maxima.push((await yAxisLabels(chart)).at(-1)!);
  }
  // One shared y-domain: every small multiple ends on the same label.
  expect(new Set(maxima).size).toBe(1);
  expect(Number(maxima[0]!.replace(/\D/g, ""))).toBeGreaterThan(0);

  // Each operator's incidents are listed and link to their pages.
  const kcell = page.getByRole("article", { name: "Kcell" });
  await expect(kcell.getByRole("link", { name: /January 2022 unrest/ })).toHaveAttribute("href", "/incidents/2022-01-qantar-shutdowns");
  // Each figure is named for what it counts; the measures are never added into one number.
  await expect(kcell.getByTestId("curated-summary")).toContainText("Kcell in the period: Full blackout: 88.5 h");
  await expect(page.getByTestId("measure-definitions-operator").first()).toContainText("whole network, fixed and mobile, was cut off across the whole country");

  // The comparison shows one measure at a time (full blackout first): chart, sentence and table agree.
  const comparison = page.getByRole("figure", { name: "Full blackout: hours per operator, compared" });
  await expectChartDrawn(comparison);
  const table = page.getByRole("region", { name: "Full blackout: hours per operator and period" }).getByRole("table");
  const january = table.getByRole("row", { name: /^Jan 2022/ }).getByRole("cell");
  await expect(january).toHaveCount(4);
  for (const cell of await january.all()) await expect(cell).toHaveText("88.5");
  await expect(page.getByTestId("comparison-summary")).toContainText("Full blackout in the period:");
  // Switching the measure is a link; the comparison follows.
  await page.getByRole("navigation", { name: "Compare" }).getByRole("link", { name: "Partial or regional disruption" }).click();
  await expect(page).toHaveURL(/[?&]compare=partial_disruption/);
  const partial = page.getByRole("region", { name: "Partial or regional disruption: hours per operator and period" }).getByRole("table");
  await expect(partial.getByRole("row", { name: /^Jan 2022/ }).getByRole("cell")).toHaveText(["41.8", "41.8", "60.3", "60.3"]);

  // Granularity is a link that changes the address, and the tables follow.
  await page.getByRole("navigation", { name: "Group by" }).getByRole("link", { name: "Year" }).click();
  await expect(page).toHaveURL(/[?&]by=year/);
  await expect(page).toHaveURL(/[?&]compare=partial_disruption/);
  const byYear = page.getByRole("region", { name: "Partial or regional disruption: hours per operator and period" });
  await expect(byYear.getByRole("row", { name: /^2022/ })).toBeVisible();
  await expect(byYear.getByRole("row", { name: /^Jan 2022/ })).toHaveCount(0);
});

test("a journalist opens Kcell for January 2022: curated hours, measured signals and the phases shaded", async ({ page }) => {
  await page.goto(KCELL_JANUARY);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kcell: disruptions");
  await expect(page.getByText("The network: AS29355.")).toBeVisible();
  // The timeline, the map and the list open on the same operator and period.
  const views = page.getByRole("navigation", { name: "Views of the same data" });
  for (const [name, pathname] of [["Timeline", "/timeline"], ["Map", "/map"]]) {
    await expect(views.getByRole("link", { name })).toHaveAttribute("href", `${pathname}?from=2022-01-01&to=2022-01-31&operator=kcell`);
  }
  // The operator filter makes no sense on one operator's page.
  await expect(page.getByRole("search").getByText("Operators", { exact: true })).toHaveCount(0);

  // Curated: each measure in the sentence and the table, with what rests on an open end said next to it.
  await waitForCharts(page, 4);
  const curated = page.getByRole("region", { name: "Curated disruption" });
  const january = curated.getByTestId("operator-hours-table").locator('tr[data-period="2022-01"]');
  await expect(january.locator('td[data-measure="full_blackout"]')).toHaveText("88.5");
  await expect(january.locator('td[data-measure="partial_disruption"]')).toContainText("60.3");
  await expect(january.locator('td[data-measure="service_blocking"]')).toContainText("24 h counted to the last day a source reports");
  await expect(curated.getByTestId("curated-summary")).toContainText("Full blackout: 88.5 h; Partial or regional disruption: 60.3 h");
  await expect(curated.getByRole("link", { name: /January 2022 unrest/ })).toBeVisible();
  await expectChartDrawn(page.getByRole("figure", { name: "Hours of Kcell by measure" }));

  // Measured: the ingested signals are drawn, the January phases shaded, the missing ones named.
  const measured = page.getByRole("region", { name: "Measured signals" });
  for (const signal of ["BGP (IODA): routed prefixes", "Active probing (IODA): responsive /24 blocks", "OONI anomaly rate"]) {
    await expectChartDrawn(page.getByRole("figure", { name: signal }));
  }
  const probing = page.getByRole("figure", { name: "Active probing (IODA): responsive /24 blocks" });
  await expect(probing.locator(".phase-band")).not.toHaveCount(0);
  await expect(probing.locator(".event-band")).not.toHaveCount(0);
  const phases = measured.getByTestId("phase-bands");
  await expect(phases.getByRole("row", { name: /Nationwide cut of fixed and mobile networks/ })).toBeVisible();
  // A day-precision end reads as its day, as on the incident page; attribution through "all operators" says it is inferred.
  await expect(phases.getByRole("row", { name: /WhatsApp, Telegram and Signal restricted/ })).toContainText("end not recorded (last reported 4 January 2022)");
  await expect(phases.getByRole("row", { name: /Almaty offline/ })).toContainText("inferred");
  expect(await probing.locator(".phase-band").count()).toBe((await phases.getByRole("row").count()) - 1);
  await expect(measured.getByTestId("event-bands")).toContainText("Kcell traffic near zero during the unrest");
  await expect(measured.getByTestId("measured-missing")).toContainText("Telescope (IODA)");
  // What is missing, in plain words: the command lines that load it are for signed-in staff only.
  await expect(measured.getByTestId("measured-missing")).toContainText("The tracker holds no");
  await expect(measured.getByTestId("measured-missing")).not.toContainText("npm");
  // The collapse of 5–10 January is in the summary: the lowest active-probing value falls inside it.
  await expect(measured.getByTestId("measured-summary")).toContainText(/Active probing \(IODA\): responsive \/24 blocks, All networks \(AS29355\): lowest [\d.,]+ on [5-9] Jan 2022/);
});

test("the measured chart's toggles change the address and the chart", async ({ page }) => {
  await page.goto("/isps/kazakhtelecom?from=2022-01-01&to=2022-01-31");
  await waitForCharts(page, 2);
  const bgp = page.getByRole("figure", { name: "BGP (IODA): routed prefixes" });
  await expectChartDrawn(bgp);
  await expect(bgp.locator("[data-chart-legend-item]").filter({ hasText: "All networks (AS9198, AS50482)" })).toHaveCount(1);

  const controls = page.getByRole("form", { name: "Measured signals" });
  await controls.getByLabel("Each network separately").check();
  await controls.getByRole("button", { name: "Update chart" }).click();
  await expect(page).toHaveURL(/[?&]asns=split/);
  await expect(page).toHaveURL(/from=2022-01-01/);
  await waitForCharts(page, 2);
  await expectChartDrawn(page.getByRole("figure", { name: "BGP (IODA): routed prefixes" }));
  await expect(
    page.getByRole("figure", { name: "BGP (IODA): routed prefixes" }).locator("[data-chart-legend-item]").filter({ hasText: /^AS(9198|50482)$/ }),
  ).toHaveCount(2);

  await page.getByRole("form", { name: "Measured signals" }).getByLabel("Normalised (1 = usual level)").check();
  await page.getByRole("form", { name: "Measured signals" }).getByRole("button", { name: "Update chart" }).click();
  await expect(page).toHaveURL(/[?&]norm=1/);
  await expect(page).toHaveURL(/[?&]asns=split/);
  await expect(page.getByRole("figure", { name: "BGP (IODA): routed prefixes" }).getByText("× usual level")).toBeVisible();
  await expect(page.getByText(/divided by its median/)).toBeVisible();

  // Only BGP: the other panels go, and the filter bar keeps the measured view's parameters.
  const form = page.getByRole("form", { name: "Measured signals" });
  for (const name of ["Active probing (IODA): responsive /24 blocks", "Telescope (IODA): unsolicited traffic sources", "Google traffic (IODA)", "OONI anomaly rate"]) {
    await form.getByLabel(name).uncheck();
  }
  await form.getByRole("button", { name: "Update chart" }).click();
  await expect(page).toHaveURL(/signals=ioda\.bgp(&|$)/);
  await expect(page.getByRole("figure", { name: "OONI anomaly rate" })).toHaveCount(0);
  await page.getByRole("search").getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/signals=ioda\.bgp/);
  await expect(page).toHaveURL(/norm=1/);
});

test("empty states say what is missing in plain words; the command lines that load it show to signed-in staff only; unknown operators are 404", async ({
  page,
  login,
  expectAccessible,
}) => {
  // February 2021: nothing measured, nothing curated.
  const path = "/isps/tele2-altel?from=2021-02-01&to=2021-02-28";
  const response = await page.goto(path);
  const empty = page.getByTestId("measured-empty");
  await expect(empty).toContainText("The tracker holds no measurements of Tele2/Altel’s networks (AS29555, AS48503) from");
  // The public page a shared cache keeps has no command line in it, not even out of sight.
  expect(response?.headers()["cache-control"]).toContain("public");
  expect(await response!.text()).not.toContain("npm run");
  await page.waitForLoadState("networkidle");
  await expect(empty).not.toContainText("npm");
  await expect(page.getByTestId("staff-ingest-hint")).toHaveCount(0);
  expect(await page.locator("body").innerText()).not.toContain("npm");
  // The curated chart says so rather than drawing nothing.
  await expect(page.getByTestId("curated-summary")).toContainText("Tele2/Altel: no hours counted in the period");
  await expect(page.getByText("No published incident involves this operator in the period.")).toBeVisible();
  await expect(page.locator("[role=figure] svg")).toHaveCount(0);

  await page.goto(`/ru${path}`);
  await expect(page.getByTestId("measured-empty")).toContainText("У трекера нет измерений сетей оператора Tele2/Altel");
  await expect(page.getByTestId("measured-empty")).not.toContainText("npm");

  // The embedded chart says the same, in plain words.
  await page.goto("/embed/isp/tele2-altel?from=2021-02-01&to=2021-02-28&chart=signals");
  await expect(page.getByTestId("measured-empty")).toContainText("The tracker holds no measurements of Tele2/Altel’s networks");
  expect(await page.locator("body").innerText()).not.toContain("npm");

  // Bad view parameters are ignored with a notice.
  await page.goto(`${KCELL_JANUARY}&by=week&asns=both`);
  await expect(page.getByRole("status").filter({ hasText: "by=week" })).toContainText("asns=both");

  for (const missing of ["/isps/no-such-operator", "/ru/isps/nope"]) {
    expect((await page.request.get(missing)).status(), missing).toBe(404);
  }

  // Signed-in staff see how to load the missing data; the page itself is the same page, the help is asked for by the browser.
  await login({ role: "editor" });
  await page.goto(path);
  const hint = page.getByTestId("staff-ingest-hint");
  await expect(hint).toContainText("Shown to signed-in staff only.");
  await expect(hint).toContainText("npm run ingest -- ioda --asn 29555 --asn 48503 --since 2021-02-01 --until 2021-03-01");
  await expect(hint).toContainText("/staff/feeds");
  await expectAccessible();
  await page.setViewportSize({ width: 360, height: 780 });
  await expect(hint).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await expectAccessible();
  expect(await (await page.request.get(path)).text()).not.toContain("npm run");
  const me = await page.request.get("/api/staff/me");
  expect(me.headers()["cache-control"]).toBe("private, no-store");
  expect(await me.json()).toEqual({ staff: true, canImport: true });
});

test("the staff check answers anonymous visitors that they are not staff, never from a cache", async ({ request }) => {
  const me = await request.get("/api/staff/me");
  expect(me.status()).toBe(200);
  expect(me.headers()["cache-control"]).toBe("private, no-store");
  expect(await me.json()).toEqual({ staff: false, canImport: false });
});

for (const path of [YEAR_2022, KCELL_JANUARY, `/ru${YEAR_2022}`, `/ru${KCELL_JANUARY}`]) {
  test(`axe finds no serious violations on ${path}`, async ({ page, expectAccessible }) => {
    await page.goto(path);
    await waitForCharts(page, 1);
    await page.waitForLoadState("networkidle");
    await expectAccessible();
  });
}

test.describe("at 360 px", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  for (const path of [YEAR_2022, KCELL_JANUARY]) {
    test(`${path} fits the screen and its charts draw`, async ({ page, expectAccessible }) => {
      await page.goto(path);
      await waitForCharts(page, 1);
      await expectChartDrawn(page.getByRole("figure").first());
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectAccessible();
    });
  }
});

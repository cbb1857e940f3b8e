import type { Page } from "@playwright/test";
import { expectChartDrawn } from "./fixtures/chart-screenshot";
import { expect as baseExpect, test } from "./fixtures/test";

/** Charts draw after hydration: allow a little longer than a plain page. */
const expect = baseExpect.configure({ timeout: 15_000 });

const JANUARY_2022 = "from=2022-01-01&to=2022-01-31";
const QANTAR = "2022-01-qantar-shutdowns";
const TRACKER_CREDIT = "Kazakhstan Shutdown Tracker, incidents curated by the coalition (CC BY 4.0)";

/** Each chart embedded alone: its address, and a locator of what it draws. */
const CHARTS: { path: string; drawn: (page: Page) => ReturnType<Page["locator"]> }[] = [
  { path: "/embed/overview?chart=per-year", drawn: (page) => page.getByRole("figure", { name: /^Chart of incidents per year by type/ }) },
  { path: `/embed/isp/kcell?${JANUARY_2022}&chart=hours`, drawn: (page) => page.getByRole("figure", { name: "Hours of Kcell by measure" }) },
  { path: `/embed/isp/kcell?${JANUARY_2022}&chart=signals`, drawn: (page) => page.getByRole("figure", { name: "BGP (IODA): routed prefixes" }) },
  { path: `/embed/isps?${JANUARY_2022}&chart=comparison`, drawn: (page) => page.getByRole("figure", { name: "Full blackout: hours per operator, compared" }) },
  { path: `/embed/map?${JANUARY_2022}&chart=map`, drawn: (page) => page.getByTestId("region-map") },
  { path: `/embed/timeline?${JANUARY_2022}&chart=timeline`, drawn: (page) => page.locator("[data-timeline-chart]") },
  { path: `/embed/incident/${QANTAR}?chart=phases`, drawn: (page) => page.locator("[data-embed] figure").first() },
];

/** The measurement fixtures (IODA, OONI and Cloudflare Radar, January 2022): replaying them stores nothing. */
test.beforeAll(async ({ fixtureRunner }) => {
  await fixtureRunner.run("load-example-data", {});
});

test.slow();

test("every chart embeds on its own: drawn, its table folded behind a toggle that opens, credited, without the site's chrome", async ({ page }) => {
  for (const { path, drawn } of CHARTS) {
    await page.goto(path);
    await expect(page.locator(".site-header"), path).toHaveCount(0);
    await expectChartDrawn(drawn(page));
    const toggle = page.locator("[data-table-toggle]");
    await expect(toggle, path).toHaveCount(1);
    await expect(toggle, path).not.toHaveAttribute("open");
    const table = toggle.locator("table").first();
    await expect(table, path).toBeHidden();
    await toggle.locator(":scope > summary").click();
    await expect(table, path).toBeVisible();
    await expect(page.locator("[data-embed-attribution]"), path).toContainText(TRACKER_CREDIT);
    // The chart alone has no form of the whole view's.
    await expect(page.locator("[data-embed] form"), path).toHaveCount(0);
  }
});

test("a chart of curated incidents credits the tracker and the coalition; a chart of measured signals credits exactly the feeds it draws", async ({ page }) => {
  for (const path of [`/embed/isp/kcell?${JANUARY_2022}&chart=hours`, `/embed/incident/${QANTAR}?chart=phases`, `/embed/map?${JANUARY_2022}&chart=map`, `/ru/embed/timeline?${JANUARY_2022}&chart=timeline`]) {
    await page.goto(path);
    const credit = page.locator("[data-embed-attribution]");
    await expect(credit, path).toHaveAttribute("data-sources", "TRACKER");
    await expect(credit, path).not.toContainText(/OONI|IODA|Cloudflare|BY-NC/);
    await expect(credit.getByRole("link", { name: path.startsWith("/ru/") ? "Лицензии" : "Licences" }), path).toHaveAttribute(
      "href",
      path.startsWith("/ru/") ? "/ru/about-data" : "/about-data",
    );
  }
  await expect(page.locator("[data-embed-attribution]")).toContainText("Данные: Трекер отключений интернета в Казахстане, инциденты собраны коалицией (CC BY 4.0).");

  // Kcell's signals in January 2022: IODA and OONI lines, a Cloudflare Radar outage framed, the curated phases shaded.
  await page.goto(`/embed/isp/kcell?${JANUARY_2022}&chart=signals`);
  await expectChartDrawn(page.getByRole("figure", { name: "OONI anomaly rate" }));
  const signals = page.locator("[data-embed-attribution]");
  await expect(signals).toHaveAttribute("data-sources", "TRACKER IODA OONI CLOUDFLARE");
  await expect(signals).toContainText(
    `Data: ${TRACKER_CREDIT}; IODA, Georgia Tech (© Georgia Tech Research Corporation, IODA’s terms); OONI (CC BY-NC-SA 4.0); Cloudflare Radar (CC BY-NC 4.0).`,
  );

  // Only BGP: the chart draws IODA alone (and the phases), so OONI and Cloudflare Radar are not credited.
  await page.goto(`/embed/isp/kcell?${JANUARY_2022}&chart=signals&signals=ioda.bgp`);
  await expectChartDrawn(page.getByRole("figure", { name: "BGP (IODA): routed prefixes" }));
  const bgpOnly = page.locator("[data-embed-attribution]");
  await expect(bgpOnly).not.toContainText("OONI");
  await expect(bgpOnly).toContainText("IODA");
});

test("a chart's embed address refuses a chart its view lacks and the whole view's parameters, with the error card", async ({ page }) => {
  await page.goto(`/embed/isp/kcell?${JANUARY_2022}&chart=map`);
  await expect(page.locator("[data-embed-error]")).toContainText("The parameter “chart” has an invalid value: “map”.");
  await page.goto(`/embed/isp/kcell?${JANUARY_2022}&chart=hours&signals=ioda.bgp`);
  await expect(page.locator("[data-embed-error]")).toContainText("“signals”");
  await page.goto(`/embed/incident/${QANTAR}?chart=timeline`);
  await expect(page.locator("[data-embed-error]")).toContainText("“chart”");
  // The full view it links back to never carries `chart`.
  await page.goto(`/embed/isp/kcell?${JANUARY_2022}&by=year&chart=hours`);
  await expect(page.getByRole("link", { name: "Open the full view" })).toHaveAttribute("href", `/isps/kcell?${JANUARY_2022}&by=year`);
});

test("the licence notice says what newsrooms may do with the tracker's records, and what the feeds' terms are", async ({ page, expectAccessible }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "About the data and its licences" }).click();
  await expect(page).toHaveURL(/\/about-data$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("About the data and its licences");
  const curated = page.getByTestId("curated-licence");
  await expect(curated).toContainText("CC BY 4.0");
  await expect(curated).toContainText("commercially too");
  await expect(curated.getByRole("link", { name: "CC BY 4.0" })).toHaveAttribute("href", "https://creativecommons.org/licenses/by/4.0/");
  const rows = page.getByTestId("source-licences").locator("tbody tr");
  await expect(rows).toHaveText([/Kazakhstan Shutdown Tracker.*CC BY 4\.0/, /IODA.*Georgia Tech Research Corporation/, /OONI.*CC BY-NC-SA 4\.0/, /Cloudflare Radar.*CC BY-NC 4\.0/]);
  await expectAccessible();
  await page.goto("/ru/about-data");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("О данных и лицензиях");
  await expectAccessible();
});

for (const viewport of [
  { name: "desktop", size: { width: 1280, height: 900 } },
  { name: "360 px", size: { width: 360, height: 780 } },
]) {
  test.describe(`at ${viewport.name}`, () => {
    test.use({ viewport: viewport.size });

    for (const path of [...CHARTS.map((chart) => chart.path), `/ru/embed/isp/kcell?${JANUARY_2022}&chart=hours&theme=dark`, "/about-data"]) {
      // One axe scan, with the table open: a closed <details> hides only its table from axe, so the open state checks everything the closed one does and the table too.
      test(`${path} passes axe with its table open, and fits the width`, async ({ page, expectAccessible }) => {
        await page.goto(path);
        await page.waitForLoadState("networkidle");
        const toggle = page.locator("[data-table-toggle] > summary");
        if ((await toggle.count()) > 0) {
          await toggle.focus();
          await page.keyboard.press("Enter");
          await expect(page.locator("[data-table-toggle]")).toHaveAttribute("open");
        }
        await expectAccessible();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, path).toBeLessThanOrEqual(0);
      });
    }
  });
}

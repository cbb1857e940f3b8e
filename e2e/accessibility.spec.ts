import { expect, test } from "./fixtures/test";

const PAGES = [
  "/",
  "/incidents",
  "/incidents?year=2020",
  "/incidents?year=abc",
  "/incidents/2022-01-qantar-shutdowns",
  "/incidents/2018-03-throttling-opposition-streams",
  "/incidents/2022-01-qantar-shutdowns?tz=utc",
  "/ru",
  "/ru/incidents",
  "/ru/incidents/2022-01-qantar-shutdowns",
  "/no-such-page",
];

for (const path of PAGES) {
  test(`axe finds no serious violations on ${path}`, async ({ page, expectAccessible }) => {
    await page.goto(path);
    // The chart draws after hydration; check the finished page.
    await page.waitForLoadState("networkidle");
    await expectAccessible();
  });
}

test.describe("at 360 px", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  for (const path of ["/", "/ru", "/incidents", "/ru/incidents/2022-01-qantar-shutdowns", "/incidents/2019-06-election-day-disruptions"]) {
    test(`${path} fits the screen and passes axe`, async ({ page, expectAccessible }) => {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectAccessible();
    });
  }
});

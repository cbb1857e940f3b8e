import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";

/**
 * What only the rendered pages show of the reconciliation (issue 13): the
 * figures a journalist copies from the operator page, the map and the
 * incident page are the API's, and they are the hand-worked ones of
 * lib/server/disruption/reconciliation.int.test.ts. Also: the incident page
 * opens with its key facts, and on a phone its phase table keeps the period
 * of every phase on screen.
 */

const QANTAR = "/incidents/2022-01-qantar-shutdowns";
const JANUARY = "from=2022-01-01&to=2022-01-31";
const MEASURES = ["full_blackout", "partial_disruption", "service_blocking"] as const;

type Api = { measures: { key: string; total: { hours: number } }[] };
const totals = (body: Api) => MEASURES.map((measure) => body.measures.find((entry) => entry.key === measure)!.total.hours);
/** A figure as the pages print it (English, at most one decimal). */
const printed = (hours: number) => new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 }).format(hours);

async function apiTotals(page: Page, query: string): Promise<number[]> {
  const response = await page.request.get(`/api/v1/disruption?${query}`);
  expect(response.status(), query).toBe(200);
  return totals((await response.json()) as Api);
}

/** A figure cell's own number, without its note about open ends. */
const figureOf = async (page: Page, selector: string) =>
  page.locator(selector).evaluate((cell) => {
    const copy = cell.cloneNode(true) as Element;
    copy.querySelectorAll(".cell-note").forEach((note) => note.remove());
    return (copy.textContent ?? "").trim();
  });

test("the operator page, the map and the incident page print the API's figures for January 2022, which are the hand-worked ones", async ({ page }) => {
  const expected: Record<string, number[]> = { kcell: [88.5, 60.3, 24], beeline: [88.5, 41.8, 24] };
  for (const [operator, figures] of Object.entries(expected)) {
    expect(await apiTotals(page, `operator=${operator}&${JANUARY}`), operator).toEqual(figures);

    await page.goto(`/isps/${operator}?${JANUARY}`);
    for (const [index, measure] of MEASURES.entries()) {
      expect(await figureOf(page, `[data-testid="operator-hours-table"] tr[data-period="2022-01"] td[data-measure="${measure}"]`), `${operator} ${measure}`).toBe(printed(figures[index]!));
    }
  }

  const almaty = await apiTotals(page, `region=almaty-city&${JANUARY}`);
  expect(almaty).toEqual([111, 37.8, 24]);
  await page.goto(`/map?${JANUARY}`);
  await expect(page.locator("[data-interactive]")).toBeAttached({ timeout: 30_000 });
  const almatyRow = page.getByTestId("region-table").getByRole("row").filter({ has: page.getByRole("link", { name: "Almaty", exact: true }) });
  for (const [index, measure] of MEASURES.entries()) {
    await expect(almatyRow.locator(`td[data-measure="${measure}"]`)).toContainText(printed(almaty[index]!));
  }

  await page.goto(QANTAR);
  const byOperator = page.getByTestId("incident-figures-operators");
  for (const [operator, figures] of Object.entries(expected)) {
    for (const [index, measure] of MEASURES.entries()) {
      expect(await figureOf(page, `[data-testid="incident-figures-operators"] tr[data-operator="${operator}"] td[data-measure="${measure}"]`)).toBe(printed(figures[index]!));
    }
  }
  await expect(byOperator.locator('tr[data-operator="kcell"] th')).toContainText("inferred");
  for (const [index, measure] of MEASURES.entries()) {
    expect(await figureOf(page, `[data-testid="incident-figures-regions"] tr[data-region="almaty-city"] td[data-measure="${measure}"]`)).toBe(printed(almaty[index]!));
  }
  // Every figure on the page has what it counts written next to it.
  await expect(page.getByTestId("key-facts-figures").locator('[data-measure="full_blackout"]')).toContainText("Full blackout: 88.5 h Hours in which fixed and mobile networks were cut off entirely across the whole country.");
  await expect(page.getByTestId("measure-definitions-operator")).toContainText("Partial or regional disruption");
  await expect(page.getByTestId("measure-definitions-region")).toContainText("every fixed and mobile connection in the region was cut");
});

test("a day-precision end reads the same on the incident page and the operator page", async ({ page }) => {
  // Election day 2019: blocking "to 10 June" (the day), counted to the next midnight but never printed so.
  await page.goto("/incidents/2019-06-election-day-disruptions");
  const incidentRow = page.getByTestId("phase-table").getByRole("row", { name: /Streaming, social media and VPNs restricted/ });
  await expect(incidentRow).toContainText("9 June 2019 – 10 June 2019");
  await page.goto("/isps/kcell?from=2019-06-01&to=2019-06-30");
  const operatorRow = page.getByTestId("phase-bands").getByRole("row", { name: /Streaming, social media and VPNs restricted/ });
  await expect(operatorRow.getByTestId("phase-band-end")).toHaveText("10 June 2019");
  await expect(operatorRow).not.toContainText("11 Jun");
  await expect(operatorRow).toContainText("inferred");
});

test("open ends are marked: ongoing, or not recorded with the last report, or not counted", async ({ page }) => {
  await page.goto("/incidents/2018-03-throttling-opposition-streams");
  await expect(page.getByTestId("key-facts-end")).toHaveText("end not recorded");
  await expect(page.getByTestId("key-facts")).toContainText("No hours are counted");
  await expect(page.getByTestId("phase-table").getByTestId("phase-period")).toContainText("end not recorded — not counted");

  await page.goto("/incidents/2022-09-news-website-throttling");
  await expect(page.getByTestId("key-facts-end")).toHaveText("end not recorded (last reported 11 April 2023)");
  await expect(page.getByTestId("key-facts-figures")).toContainText("counted to the last day a source reports");

  await page.goto("/ru/incidents/2022-09-news-website-throttling");
  await expect(page.getByTestId("key-facts-end")).toHaveText("окончание не зафиксировано (последнее сообщение 11 апреля 2023 г.)");
});

for (const locale of ["", "/ru"]) {
  test.describe(`${locale || "/"} at 360 px`, () => {
    test.use({ viewport: { width: 360, height: 780 } });

    test("the key facts come before the narrative, and the phase table keeps every period on screen", async ({ page, expectAccessible }) => {
      await page.goto(`${locale}${QANTAR}`);
      const facts = page.getByTestId("key-facts");
      await expect(facts).toBeVisible();
      const factsBox = (await facts.boundingBox())!;
      const narrativeBox = (await page.getByTestId("incident-narrative").boundingBox())!;
      expect(factsBox.y + factsBox.height).toBeLessThanOrEqual(narrativeBox.y);

      const periods = page.getByTestId("phase-table").getByTestId("phase-period");
      await expect(periods).toHaveCount(17);
      for (const period of await periods.all()) {
        await period.scrollIntoViewIfNeeded();
        await expect(period).toBeVisible();
        const box = (await period.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(360);
      }
      // Nothing to scroll sideways to find it.
      const overflow = await page.getByTestId("phase-table").evaluate((table) => table.scrollWidth - (table.parentElement?.clientWidth ?? 0));
      expect(overflow).toBeLessThanOrEqual(1);
      await expectAccessible();
    });
  });
}

import type { Browser, Locator, Page } from "@playwright/test";
import { expect as baseExpect, test } from "./fixtures/test";

/**
 * The bar charts (per year, an operator's hours, the comparison) are drawn to scale: each bar as
 * tall as its figure on an axis ending on its top label, its figures the table's; their tooltips
 * work with the pointer and the keyboard. That every chart is in the server's HTML and stays the
 * same after hydration is e2e/charts-server-drawn.spec.ts.
 */

/** Pages render on each request; under a shared CPU allow them a little longer than a plain check. */
const expect = baseExpect.configure({ timeout: 15_000 });

const KCELL_JANUARY = "from=2022-01-01&to=2022-01-31";
const YEAR_2022 = "from=2022-01-01&to=2022-12-31";

/** Each curated chart: where it is drawn, its accessible name, and the table that gives its numbers. */
const CHARTS: { path: string; figure: string | RegExp; table: (page: Page) => Locator }[] = [
  { path: "/", figure: /^Chart of incidents per year by type/, table: (page) => page.getByTestId("per-year-table") },
  { path: `/isps/kcell?${KCELL_JANUARY}`, figure: "Hours of Kcell by measure", table: (page) => page.getByTestId("operator-hours-table") },
  {
    path: `/isps?${YEAR_2022}`,
    figure: "Full blackout: hours per operator, compared",
    table: (page) => page.getByTestId("comparison-table"),
  },
  {
    path: `/isps?${YEAR_2022}`,
    figure: "Hours of Kcell by measure",
    table: (page) => page.getByRole("article", { name: "Kcell" }).getByTestId("operator-hours-table"),
  },
  { path: "/embed/overview?chart=per-year", figure: /^Chart of incidents per year by type/, table: (page) => page.getByTestId("per-year-table") },
  { path: `/embed/isp/kcell?${KCELL_JANUARY}&chart=hours`, figure: "Hours of Kcell by measure", table: (page) => page.getByTestId("operator-hours-table") },
  { path: `/embed/isps?${KCELL_JANUARY}&chart=comparison`, figure: "Full blackout: hours per operator, compared", table: (page) => page.getByTestId("comparison-table") },
];

/** What a server-drawn chart holds: its series (legend order), each category's figures and bar heights, its y-axis labels and plot height. */
type DrawnChart = {
  series: string[];
  categories: { label: string; values: number[]; heights: number[] }[];
  ticks: string[];
  plotHeight: number;
};

/** Reads a chart from its markup: the figures its marks carry (a series without a mark in a category is 0 there). */
async function drawnChart(figure: Locator): Promise<DrawnChart> {
  return figure.evaluate((element) => {
    const legend = [...element.querySelectorAll<HTMLElement>("[data-chart-legend-item]")].map((item) => ({ key: item.dataset.series!, name: (item.textContent ?? "").trim() }));
    const categories = [...element.querySelectorAll("[data-chart-category]")].map((group) => {
      const marks = legend.map(({ key }) => group.querySelector(`[data-series="${CSS.escape(key)}"][data-value]`));
      return {
        label: group.getAttribute("data-label") ?? "",
        values: marks.map((mark) => (mark ? Number(mark.getAttribute("data-value")) : 0)),
        heights: marks.map((mark) => (mark ? parseFloat(mark.getAttribute("height") ?? "0") : 0)),
      };
    });
    return {
      series: legend.map(({ name }) => name),
      categories,
      ticks: [...element.querySelectorAll('[data-chart-axis="y"] text')].map((text) => (text.textContent ?? "").trim()),
      plotHeight: parseFloat(element.querySelector("[data-chart-category] rect")?.getAttribute("height") ?? "0"),
    };
  });
}

/** A table's column headings and its body rows' cells (each cell's note about open ends left out). */
async function tableCells(table: Locator): Promise<{ headings: string[]; rows: string[][] }> {
  return table.evaluate((element) => ({
    headings: [...element.querySelectorAll("thead th")].map((cell) => (cell.textContent ?? "").trim()),
    rows: [...element.querySelectorAll("tbody tr")].map((row) =>
      [...row.querySelectorAll("th, td")].map((cell) => {
        const copy = cell.cloneNode(true) as Element;
        copy.querySelectorAll(".cell-note").forEach((note) => note.remove());
        return (copy.textContent ?? "").trim();
      }),
    ),
  }));
}

/** A number as the English pages print it ("1,234.5"). */
const printed = (text: string) => Number(text.replace(/,/g, ""));

/** Opens `path` in a fresh context without JavaScript (the server's drawing) and reads the chart and its table. */
async function readChart(browser: Browser, baseURL: string, chart: (typeof CHARTS)[number]) {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    const response = await page.goto(chart.path);
    expect(response?.status(), chart.path).toBe(200);
    const figure = page.getByRole("figure", { name: chart.figure });
    await expect(figure, chart.path).toHaveCount(1);
    await expect(figure).not.toHaveAttribute("data-chart-interactive");
    return { drawn: await drawnChart(figure), table: await tableCells(chart.table(page)) };
  } finally {
    await context.close();
  }
}

test.slow();

test("every curated chart is in the server's HTML, its bars carrying the table's figures, drawn to scale", async ({ browser, baseURL }) => {
  for (const chart of CHARTS) {
    const where = `${chart.path} (${String(chart.figure)})`;
    const { drawn, table } = await readChart(browser, baseURL!, chart);
    // A bar group per table row, in the table's order and under its label.
    expect(drawn.categories.length, where).toBeGreaterThan(0);
    expect(drawn.categories.map((category) => category.label), where).toEqual(table.rows.map((row) => row[0]));
    // Each series in the legend is a column of the table; its bars carry that column's figures.
    expect(drawn.series.length, where).toBeGreaterThan(0);
    drawn.series.forEach((name, index) => {
      const column = table.headings.indexOf(name);
      expect(column, `${where}: column "${name}"`).toBeGreaterThan(0);
      const shown = table.rows.map((row) => printed(row[column]!));
      const figures = drawn.categories.map((category) => Math.round(category.values[index]! * 10) / 10);
      expect(figures, `${where}: ${name}`).toEqual(shown);
    });
    expect(drawn.categories.some((category) => category.values.some((value) => value > 0)), where).toBe(true);
    // Bars are as tall as their figure on an axis that ends on its top label.
    const top = printed(drawn.ticks.at(-1)!);
    expect(top, where).toBeGreaterThanOrEqual(Math.max(...drawn.categories.flatMap((category) => category.values)));
    expect(drawn.ticks[0], where).toBe("0");
    for (const category of drawn.categories) {
      category.values.forEach((value, index) => {
        expect(category.heights[index], `${where}: ${category.label}, ${drawn.series[index]}`).toBeCloseTo((Math.min(value, top) / top) * drawn.plotHeight, 1);
      });
    }
  }
});

test("tooltips show a category's figures on hover and on keyboard focus, in the page's language", async ({ page, expectAccessible }) => {
  await page.goto(`/isps?${YEAR_2022}`);
  const comparison = page.getByRole("figure", { name: "Full blackout: hours per operator, compared" });
  await expect(comparison).toHaveAttribute("data-chart-interactive", "true");
  const tooltip = comparison.locator("[data-chart-tooltip]");

  // Hover: the month's title, and a line per operator of the legend, with its figure.
  await comparison.locator("[data-chart-category]").first().hover();
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText("Jan 2022");
  for (const operator of ["Beeline", "Kazakhtelecom", "Kcell", "Tele2/Altel"]) await expect(tooltip).toContainText(`${operator}: 88.5`);
  await page.mouse.move(0, 0);
  await expect(tooltip).toBeHidden();

  // Keyboard: the chart is one tab stop; the arrow keys step through the months, each named with its figures.
  const categories = comparison.locator("[data-chart-category]");
  await expect(categories.first()).toHaveAttribute("tabindex", "0");
  await expect(categories.nth(1)).toHaveAttribute("tabindex", "-1");
  await categories.first().focus();
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText("Jan 2022");
  await page.keyboard.press("ArrowRight");
  await expect(categories.nth(1)).toBeFocused();
  await expect(categories.nth(1)).toHaveAttribute("tabindex", "0");
  await expect(tooltip).toContainText("Feb 2022");
  await expect(categories.nth(1)).toHaveAccessibleName(/^Feb 2022: Beeline \d/);
  await page.keyboard.press("End");
  await expect(categories.last()).toBeFocused();
  await expectAccessible();
  await page.keyboard.press("Escape");
  await expect(tooltip).toBeHidden();

  // Russian: the numbers in Russian form, the names from the legend.
  await page.goto(`/ru/isps/kcell?${KCELL_JANUARY}`);
  const hours = page.getByRole("figure", { name: "Часы Kcell по показателям" });
  await expect(hours).toHaveAttribute("data-chart-interactive", "true");
  await hours.locator("[data-chart-category]").first().hover();
  await expect(hours.locator("[data-chart-tooltip]").filter({ hasText: "88,5" })).toBeVisible();
});

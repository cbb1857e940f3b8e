import type { Locator, Page } from "@playwright/test";
import { formatInstant } from "@/lib/charts/measured-format";
import { decodeBuckets } from "@/lib/charts/signal-chart-data";
import { expectChartDrawn } from "./fixtures/chart-screenshot";
import { expect as baseExpect, test } from "./fixtures/test";

/**
 * The measured-signal chart is drawn by the server (decision 0024): its SVG,
 * with its lines, the curated phases shaded and the outage events framed, is
 * in the HTML as served, and what it draws is what the page's value tables
 * say. The browser only adds the time cursor.
 */

const expect = baseExpect.configure({ timeout: 15_000 });

const JANUARY_2022 = "from=2022-01-01&to=2022-01-31";
const KCELL_JANUARY = `/isps/kcell?${JANUARY_2022}`;
/** The measured chart on the operator's page, in its embed (whole view) and embedded alone. */
const VIEWS = [KCELL_JANUARY, `/embed/isp/kcell?${JANUARY_2022}`, `/embed/isp/kcell?${JANUARY_2022}&chart=signals`];
const SIGNALS = ["BGP (IODA): routed prefixes", "Active probing (IODA): responsive /24 blocks", "OONI anomaly rate"];
const TIME_ZONE = "Asia/Almaty";

/** The example feed files of January 2022 (IODA, OONI, Cloudflare Radar for Kcell): replaying them stores nothing. */
test.beforeAll(async ({ fixtureRunner }) => {
  await fixtureRunner.run("load-example-data", {});
});

test.slow();

/** "1,234.5" → 1234.5; "no data" → null. */
const tableValue = (text: string) => (text.trim() === "no data" ? null : Number(text.replace(/,/g, "").trim()));

/** Every value of one panel's table: rows of [bucket label, a value per line], with the lines' names. */
async function valueTable(page: Page, title: string) {
  const table = page.getByRole("region", { name: `All values: ${title}`, includeHidden: true }).locator("table");
  const lines = (await table.locator("thead th").allTextContents()).slice(1).map((text) => text.trim());
  const rows = await table.locator("tbody tr").evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent ?? "")));
  return { lines, rows: rows.map(([label, ...cells]) => ({ label: label!.trim(), values: cells.map(tableValue) })) };
}

/** The vertices of an SVG path written with M, L and Z: one list per stroke. */
function strokes(d: string): [number, number][][] {
  return d
    .split("M")
    .filter(Boolean)
    .map((run) => run.replace(/Z$/, "").split("L").map((pair) => pair.split(",").map(Number) as [number, number]));
}

/**
 * What one panel's SVG draws, read back from its geometry alone: each line's
 * vertices, turned into (time, value) through the period on
 * the x axis and the labelled ticks on the y axis.
 */
async function drawnValues(svg: Locator) {
  const [plotLeft, plotRight] = (await svg.getAttribute("data-plot"))!.split(" ").map(Number) as [number, number];
  const [from, to] = (await svg.getAttribute("data-period"))!.split(" ").map(Number) as [number, number];
  const ticks = await svg
    .locator("text[data-tick-value]")
    .evaluateAll((nodes) => nodes.map((node) => [Number(node.getAttribute("data-tick-value")), Number(node.getAttribute("data-tick-y"))] as [number, number]));
  expect(ticks.length, "labelled ticks on the value axis").toBeGreaterThanOrEqual(2);
  const [[v0, y0], [v1, y1]] = [ticks[0]!, ticks.at(-1)!];
  const valueAt = (y: number) => v0 + ((y - y0) / (y1 - y0)) * (v1 - v0);
  const timeAt = (x: number) => from + ((x - plotLeft) / (plotRight - plotLeft)) * (to - from);
  // A tenth of a unit (the drawing's rounding) in value terms.
  const tolerance = Math.abs((v1 - v0) / (y1 - y0)) * 0.06;
  // A lone value between gaps is a stroke of one vertex ("Mx,yZ"), drawn by its marker.
  const lines = await svg
    .locator("path[data-values]")
    .evaluateAll((paths) => paths.map((path) => ({ label: path.getAttribute("data-line-label") ?? "", d: path.getAttribute("d") ?? "" })));
  return {
    tolerance,
    lines: lines.map((line) => ({
      label: line.label,
      strokes: strokes(line.d).length,
      points: strokes(line.d)
        .flat()
        .map(([x, y]) => ({ at: timeAt(x), value: valueAt(y) })),
    })),
  };
}

/** Rounded as the table writes a value (lib/charts/measured-format.ts): half a step of that rounding. */
const tableRounding = (value: number) => (Math.abs(value) >= 100 ? 0.5 : Math.abs(value) >= 10 ? 0.05 : 0.005);

/** The panel's SVG draws each line's values at their buckets' times, its gaps as breaks: exactly the table's figures. */
/**
 * Where a view lists every value: the page itself, or, for an embed (which lists the lines'
 * summary only), the operator page its link names, opened beside it.
 */
async function tablesOf(page: Page): Promise<Page> {
  const link = page.getByRole("link", { name: /^Every value of these lines/, includeHidden: true });
  if ((await link.count()) === 0) return page;
  const tables = await page.context().newPage();
  await tables.goto((await link.getAttribute("href"))!);
  return tables;
}

async function expectDrawnAsTabled(page: Page, title: string, tables: Page = page) {
  const figure = page.getByRole("figure", { name: title });
  const svg = figure.locator('svg[data-chart="signals"]');
  await expect(svg).toHaveCount(1);
  const table = await valueTable(tables, title);
  const drawn = await drawnValues(svg);
  expect(drawn.lines.map((line) => line.label)).toEqual(table.lines);
  const byLabel = new Map(table.rows.map((row) => [row.label, row.values]));
  drawn.lines.forEach((line, lineIndex) => {
    const tabled = table.rows.flatMap((row) => (row.values[lineIndex] === null ? [] : [{ label: row.label, value: row.values[lineIndex]! }]));
    expect(line.points.length, `${title}, ${line.label}: values drawn`).toBe(tabled.length);
    expect(line.points.length).toBeGreaterThan(0);
    line.points.forEach((point, index) => {
      // The drawn x is the bucket's start to the drawing's precision (a tenth of a unit: minutes over a month), on the half hour.
      const bucket = Math.round(point.at / 1_800_000) * 1_800_000;
      expect(Math.abs(point.at - bucket), `${title}, ${line.label}: point ${index} off its bucket`).toBeLessThan(10 * 60_000);
      const label = formatInstant(new Date(bucket).toISOString(), "en", TIME_ZONE);
      expect(label, `${title}, ${line.label}: point ${index}`).toBe(tabled[index]!.label);
      expect(byLabel.get(label)![lineIndex]).not.toBeNull();
      expect(Math.abs(point.value - tabled[index]!.value), `${title}, ${line.label} at ${label}: drawn ${point.value}, tabled ${tabled[index]!.value}`).toBeLessThanOrEqual(
        drawn.tolerance + tableRounding(tabled[index]!.value),
      );
    });
    // A gap in the table breaks the line: never joined across a missing bucket.
    const runs = table.rows.reduce((count, row, index) => (row.values[lineIndex] !== null && (index === 0 || table.rows[index - 1]!.values[lineIndex] === null) ? count + 1 : count), 0);
    expect(line.strokes, `${title}, ${line.label}: strokes, one per run of values`).toBe(runs);
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  for (const path of VIEWS) {
    test(`${path}: the measured chart is in the server's HTML, drawn as the tables say`, async ({ page }) => {
      await page.goto(path);
      const tables = await tablesOf(page);
      for (const title of SIGNALS) {
        const figure = page.getByRole("figure", { name: title });
        await expectChartDrawn(figure);
        await expect(figure.locator('svg[data-chart="signals"] path[data-values]')).not.toHaveCount(0);
        await expect(figure.locator("[data-chart-legend-item]").filter({ hasText: "All networks (AS29355)" })).toHaveCount(1);
        await expectDrawnAsTabled(page, title, tables);
      }
      // The curated phases shaded and numbered as in the table, one band per counted phase; the Cloudflare outage framed and lettered.
      const probing = page.getByRole("figure", { name: "Active probing (IODA): responsive /24 blocks" });
      const counted = await page
        .getByTestId("phase-bands")
        .locator("tbody tr")
        .evaluateAll((rows) => rows.filter((row) => row.children[5]?.textContent?.trim() !== "not counted").map((row) => row.children[0]?.textContent?.trim()));
      expect(counted.length).toBeGreaterThan(0);
      await expect(probing.locator(".phase-band")).toHaveCount(counted.length);
      await expect(probing.locator("text[data-phase-label]")).toHaveText(counted as string[]);
      await expect(probing.locator('.event-band[data-event="CF A"]')).toHaveCount(1);
      await expect(probing.locator("text[data-event-label]")).toHaveText(["CF A"]);
      // The y axis says what it counts; the example data says so on the chart.
      await expect(probing.getByText("Value", { exact: true })).toHaveCount(1);
      await expect(probing.getByTestId("example-data-badge")).toHaveText("EXAMPLE DATA — INVENTED");
      // Nothing in the measured chart waits for a script: no cursor without JavaScript, no Recharts container.
      await expect(page.locator("[data-cursor-ready]")).toHaveCount(0);
      await expect(page.locator("#operator-signals-chart svg[data-chart]")).toHaveCount(SIGNALS.length);
      await expect(page.locator("#operator-signals-chart .recharts-responsive-container")).toHaveCount(0);
    });
  }

  test("the measured chart's toggles are a form that works without JavaScript", async ({ page }) => {
    await page.goto("/isps/kazakhtelecom?from=2022-01-01&to=2022-01-31");
    const controls = page.getByRole("form", { name: "Measured signals" });
    await controls.getByLabel("Each network separately").check();
    await controls.getByLabel("Normalised (1 = usual level)").check();
    await controls.getByRole("button", { name: "Update chart" }).click();
    await expect(page).toHaveURL(/[?&]asns=split/);
    await expect(page).toHaveURL(/[?&]norm=1/);
    const bgp = page.getByRole("figure", { name: "BGP (IODA): routed prefixes" });
    await expect(bgp.locator("[data-chart-legend-item]")).toHaveText(["AS9198", "AS50482"]);
    await expect(bgp.getByText("× usual level")).toHaveCount(1);
    await expectDrawnAsTabled(page, "BGP (IODA): routed prefixes");
  });
});

test("the cursor reads each line's value at the nearest bucket, with the pointer and the keyboard, as the table writes it; hydration keeps the drawing", async ({
  page,
  expectAccessible,
}) => {
  const served = await (await page.request.get(KCELL_JANUARY)).text();
  const servedPaths = [...served.matchAll(/<path d="([^"]+)"[^>]*data-line-label="([^"]*)"/g)].map((match) => [match[2], match[1]]);
  expect(servedPaths.length).toBeGreaterThanOrEqual(SIGNALS.length);

  await page.goto(KCELL_JANUARY);
  const title = "Active probing (IODA): responsive /24 blocks";
  const figure = page.getByRole("figure", { name: title });
  const cursor = figure.getByRole("group", { name: `${title}: values by time` });
  await expect(cursor).toHaveAttribute("data-cursor-ready", "");
  // After hydration the SVG is the one the server drew.
  const hydratedPaths = await page.locator("path[data-line-label]").evaluateAll((paths) => paths.map((path) => [path.getAttribute("data-line-label"), path.getAttribute("d")]));
  expect(hydratedPaths).toEqual(servedPaths);

  const table = await valueTable(page, title);
  const readout = figure.locator("[data-cursor-readout]");
  const expectReadout = async (row: { label: string; values: (number | null)[] }) => {
    await expect(readout).toBeVisible();
    await expect(readout.locator("strong")).toHaveText(row.label);
    const values = (await readout.locator("[data-cursor-line]").allTextContents()).map((text) => tableValue(text.slice(text.lastIndexOf(":") + 1)));
    expect(values).toEqual(row.values);
  };

  // The keyboard: the first bucket on focus, the last with End, one back with the left arrow.
  await cursor.focus();
  await expectReadout(table.rows[0]!);
  await page.keyboard.press("End");
  await expectReadout(table.rows.at(-1)!);
  await page.keyboard.press("ArrowLeft");
  await expectReadout(table.rows.at(-2)!);
  await expectAccessible();
  await page.keyboard.press("Escape");
  await expect(readout).toBeHidden();

  // The pointer: the middle of the plot reads the bucket whose start is nearest the middle of the period.
  const svg = figure.locator('svg[data-chart="signals"]');
  const [left, right] = (await svg.getAttribute("data-plot"))!.split(" ").map(Number) as [number, number];
  const [from, to] = (await svg.getAttribute("data-period"))!.split(" ").map(Number) as [number, number];
  const starts = decodeBuckets(await svg.getAttribute("data-buckets"));
  expect(starts.map((start) => formatInstant(new Date(start).toISOString(), "en", TIME_ZONE))).toEqual(table.rows.map((row) => row.label));
  const width = Number((await svg.getAttribute("viewBox"))!.split(" ")[2]);
  const box = (await svg.boundingBox())!;
  await page.mouse.move(box.x + ((left + right) / 2 / width) * box.width, box.y + box.height / 2);
  const distances = starts.map((start) => Math.abs(start - (from + to) / 2));
  const middle = distances.indexOf(Math.min(...distances));
  await expect(readout).toBeVisible();
  const shownLabel = (await readout.locator("strong").textContent())!;
  const shownIndex = table.rows.findIndex((row) => row.label === shownLabel);
  // The pointer lands within a pixel of the middle: the bucket there, or its neighbour on a narrow screen.
  expect(Math.abs(shownIndex - middle), `pointed at ${shownLabel}, the middle bucket is ${table.rows[middle]!.label}`).toBeLessThanOrEqual(1);
  await expectReadout(table.rows[shownIndex]!);
});

test.describe("at 360 px", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test("the measured panels fit the phone's screen, drawn, their time labels apart", async ({ page }) => {
    await page.goto(KCELL_JANUARY);
    const figure = page.getByRole("figure", { name: SIGNALS[0] });
    await expectChartDrawn(figure);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The time axis's labels shown do not overlap one another.
    const boxes = await figure.locator("text[data-tick-x]").evaluateAll((labels) =>
      labels.filter((label) => getComputedStyle(label).display !== "none").map((label) => label.getBoundingClientRect()).map((box) => [box.left, box.right]),
    );
    expect(boxes.length).toBeGreaterThanOrEqual(2);
    boxes.slice(1).forEach(([leftEdge], index) => expect(leftEdge!).toBeGreaterThan(boxes[index]![1]!));
  });
});

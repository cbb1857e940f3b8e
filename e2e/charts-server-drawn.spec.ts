import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";

/**
 * Issue 15: every chart is in the server's HTML, and it is the chart the
 * reader keeps after hydration.
 *
 * Charts say they are there as ARCHITECTURE.md "How a chart says it is there"
 * describes: `[data-chart="<name>"]` around the drawing, `[data-chart-mark="<key>"]`
 * (with `data-value` where it stands for a figure) on each drawn datum, and
 * `[data-chart-table="<name>"]` with `[data-chart-cell="<key>"]` on the data
 * table's cells or rows holding the same figures. For every view and embed:
 * 1. with JavaScript disabled, every chart the view has is there, laid out,
 *    with its SVG (or HTML drawing) and drawn marks;
 * 2. the marks of the server's HTML (JavaScript disabled) equal the marks after
 *    hydration, and both equal the data table's figures.
 */

const QANTAR = "2022-01-qantar-shutdowns";
const KCELL_JANUARY = "kcell?from=2022-01-01&to=2022-01-31";

/** Each view, its charts, and which of them have no table marked for this comparison (the compact timeline is a list of its incidents' links: the marks are the text). */
const VIEWS: { path: string; charts: string[]; noTable?: string[] }[] = [
  { path: "/", charts: ["per-year", "compact-timeline"], noTable: ["compact-timeline"] },
  { path: `/incidents/${QANTAR}`, charts: ["phases"] },
  { path: "/timeline", charts: ["timeline"] },
  { path: "/map", charts: ["map"] },
  { path: "/isps", charts: ["comparison", "hours"] },
  // The measured chart's value tables hold every bucket as text (e2e/measured-chart-drawn.spec.ts compares them with the drawing).
  { path: `/isps/${KCELL_JANUARY}`, charts: ["hours", "signals"], noTable: ["signals"] },
  { path: "/embed/overview", charts: ["per-year"] },
  { path: "/embed/timeline", charts: ["timeline"] },
  { path: "/embed/map", charts: ["map"] },
  { path: "/embed/isps", charts: ["comparison"] },
  { path: `/embed/isp/${KCELL_JANUARY}`, charts: ["hours", "signals"], noTable: ["signals"] },
  { path: `/embed/incident/${QANTAR}`, charts: ["phases"] },
];

type Mark = { key: string; value: string | null; label: string | null; sized: boolean };
type ChartReading = { name: string; sized: boolean; drawing: boolean; hydrated: boolean; marks: Mark[] };
type Cell = { key: string; value: string | null };

/** Every `[data-chart]` of the page, in document order, with its marks. Runs in the page (also with JavaScript disabled: Playwright's evaluation is not the page's). */
function readCharts(page: Page): Promise<ChartReading[]> {
  return page.evaluate(() => {
    const sized = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0;
    };
    return [...document.querySelectorAll("[data-chart]")].map((chart) => {
      const drawing = chart.matches("svg, [data-chart-html]") ? chart : chart.querySelector("svg, [data-chart-html]");
      return {
        name: chart.getAttribute("data-chart") ?? "",
        sized: sized(chart) && getComputedStyle(chart).visibility !== "hidden",
        drawing: drawing !== null && sized(drawing),
        hydrated: Object.keys(chart).some((key) => key.startsWith("__reactFiber")),
        // A mark that draws many figures (a line) lists them in data-chart-points, [[subkey, value], …]: each is the mark "<key>:<subkey>".
        // One that stands for several data (a cluster of incidents too close to draw apart) lists their keys, separated by spaces.
        marks: [...chart.querySelectorAll("[data-chart-mark]")].flatMap((mark) => {
          const key = mark.getAttribute("data-chart-mark") ?? "";
          const label = mark.getAttribute("aria-label") ?? mark.querySelector(":scope > title")?.textContent ?? null;
          const points = mark.getAttribute("data-chart-points");
          // A long line (the measured chart) lists its values in data-values ("12,,9.5": a gap is empty), one per bucket
          // of its drawing's data-buckets ("<first ms>/<step ms>/<count>", or every start): each is the mark "<key>:<start ms>".
          const values = mark.getAttribute("data-values");
          if (points === null && values !== null) {
            const buckets = mark.closest("[data-buckets]")?.getAttribute("data-buckets") ?? "";
            const grid = /^(-?\d+)\/(\d+)\/(\d+)$/.exec(buckets);
            const starts = grid ? Array.from({ length: Number(grid[3]) }, (_, index) => Number(grid[1]) + index * Number(grid[2])) : buckets.split(",").map(Number);
            return values.split(",").map((value, index) => ({ key: `${key}:${starts[index]}`, value: value === "" ? null : value, label, sized: sized(mark) }));
          }
          if (points === null) return key.split(/\s+/).filter(Boolean).map((one) => ({ key: one, value: mark.getAttribute("data-value"), label, sized: sized(mark) }));
          return (JSON.parse(points) as [string, number | null][]).map(([subkey, value]) => ({
            key: `${key}:${subkey}`,
            value: value === null ? null : String(value),
            label,
            sized: sized(mark),
          }));
        }),
      };
    });
  });
}

/** The tables that hold charts' figures, by chart name, in document order: the n-th chart of a name has the n-th table of that name. */
function readTables(page: Page): Promise<Record<string, Cell[][]>> {
  return page.evaluate(() => {
    const tables: Record<string, Cell[][]> = {};
    for (const table of document.querySelectorAll("[data-chart-table]")) {
      const name = table.getAttribute("data-chart-table") ?? "";
      const cells = [...table.querySelectorAll("[data-chart-cell]")].map((cell) => ({ key: cell.getAttribute("data-chart-cell") ?? "", value: cell.getAttribute("data-value") }));
      (tables[name] ??= []).push(cells);
    }
    return tables;
  });
}

/** One chart's marks as sorted, de-duplicated "key = value · label" lines (a datum drawn in several pieces, a region's polygons, counts once). */
function markLines(chart: ChartReading | undefined): string[] {
  return [...new Set((chart?.marks ?? []).map((mark) => `${mark.key} = ${mark.value ?? "·"} · ${mark.label ?? ""}`))].sort();
}

/** How a chart's marks and its table's cells disagree: a figure drawn but not in the table, a different value, a non-zero cell not drawn. */
function disagreements(marks: Mark[], cells: Cell[]): string[] {
  const found: string[] = [];
  for (const mark of marks) {
    const cell = cells.find((candidate) => candidate.key === mark.key);
    if (!cell) found.push(`${mark.key}: drawn, not in the table`);
    else if (mark.value !== null && !sameNumber(mark.value, cell.value)) found.push(`${mark.key}: drawn ${mark.value}, table ${cell.value ?? "(no value)"}`);
  }
  for (const cell of cells) {
    const zero = cell.value !== null && Number(cell.value) === 0;
    if (!zero && !marks.some((mark) => mark.key === cell.key)) found.push(`${cell.key}: in the table (${cell.value ?? "no value"}), not drawn`);
  }
  return [...new Set(found)];
}

async function serverCharts(browser: Browser, baseURL: string, path: string): Promise<{ charts: ChartReading[]; tables: Record<string, Cell[][]> }> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    return { charts: await readCharts(page), tables: await readTables(page) };
  } finally {
    await context.close();
  }
}

// Kcell's measured chart draws the example feed files of January 2022 (a replay stores nothing).
test.beforeAll(async ({ fixtureRunner }) => {
  await fixtureRunner.run("load-example-data", {});
});

const sameNumber = (a: string | null, b: string | null) => a !== null && b !== null && a.trim() !== "" && Math.abs(Number(a) - Number(b)) < 1e-9;

for (const view of VIEWS) {
  test.describe(view.path, () => {
    test(`without JavaScript, every chart is drawn: ${view.charts.join(", ")}`, async ({ browser, baseURL }) => {
      const { charts } = await serverCharts(browser, baseURL!, view.path);
      for (const name of view.charts) {
        const named = charts.filter((chart) => chart.name === name);
        expect.soft(named.length, `${view.path}: [data-chart="${name}"] in the server's HTML`).toBeGreaterThan(0);
        if (named.length === 0) continue;
        for (const [index, chart] of named.entries()) {
          expect.soft(chart.sized, `${view.path}: chart "${name}" #${index + 1} is laid out and visible`).toBe(true);
          expect.soft(chart.drawing, `${view.path}: chart "${name}" #${index + 1} has its svg (or HTML drawing) with a size`).toBe(true);
          for (const mark of chart.marks) expect.soft(mark.key, `${view.path}: chart "${name}" has a mark without a key`).not.toBe("");
        }
        const drawnMarks = named.flatMap((chart) => chart.marks.filter((mark) => mark.sized));
        expect.soft(drawnMarks.length, `${view.path}: chart "${name}" has drawn marks without JavaScript`).toBeGreaterThan(0);
      }
    });

    test("the chart the server drew is the chart after hydration, and its figures are the table's", async ({ browser, page, baseURL }) => {
      const server = await serverCharts(browser, baseURL!, view.path);
      expect(
        view.charts.filter((name) => !server.charts.some((chart) => chart.name === name)),
        `${view.path}: charts missing from the server's HTML (nothing to compare)`,
      ).toEqual([]);

      await page.goto(view.path);
      await page.waitForLoadState("networkidle");
      // Hydrated: React has taken over every chart element (its fiber is on the node). An embed may load React only
      // when the reader points at it: then the pointer goes to its first chart. A page that still loads no React stays
      // what the server sent, and is compared as it is. React gets 5 s to appear at all, 30 s to hydrate the charts.
      const reactOnPage = () => page.evaluate(() => Object.keys(document.body).some((key) => key.startsWith("__reactFiber")));
      if (!(await reactOnPage())) {
        await page.locator("[data-chart]").first().hover({ timeout: 5_000 }).catch(() => undefined);
        await page.waitForLoadState("networkidle");
      }
      const settled = Date.now();
      await expect
        .poll(
          async () => {
            const waiting = (await readCharts(page)).filter((chart) => view.charts.includes(chart.name) && !chart.hydrated).map((chart) => chart.name);
            const noReact = Date.now() - settled > 5_000 && !(await reactOnPage());
            return noReact ? [] : waiting;
          },
          { message: `${view.path}: charts React has not hydrated`, timeout: 30_000 },
        )
        .toEqual([]);
      if (!(await reactOnPage())) test.info().annotations.push({ type: "no React", description: `${view.path} hydrates nothing: its charts are the server's HTML` });
      // Let anything that redraws after hydration (a measured width, a frame) settle.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 250)))));
      const hydrated = await readCharts(page);
      const hydratedTables = await readTables(page);

      for (const name of view.charts) {
        const drawnByServer = server.charts.filter((chart) => chart.name === name);
        const drawnAfter = hydrated.filter((chart) => chart.name === name);
        expect.soft(drawnAfter.length, `${view.path}: charts "${name}" after hydration, as many as the server drew`).toBe(drawnByServer.length);
        expect.soft(drawnByServer.flatMap(markLines).length, `${view.path}: chart "${name}" has marks in the server's HTML`).toBeGreaterThan(0);
        for (const [index, chart] of drawnByServer.entries()) {
          expect.soft(markLines(drawnAfter[index]), `${view.path}: chart "${name}" #${index + 1} after hydration shows what the server drew`).toEqual(markLines(chart));
        }
        expect.soft(hydratedTables[name] ?? [], `${view.path}: chart "${name}"'s tables after hydration are the server's`).toEqual(server.tables[name] ?? []);

        if (view.noTable?.includes(name)) continue;
        const tables = server.tables[name] ?? [];
        expect.soft(tables.length, `${view.path}: each chart "${name}" has its data table ([data-chart-table="${name}"] with [data-chart-cell])`).toBe(drawnByServer.length);
        for (const [index, chart] of drawnByServer.entries()) {
          const cells = tables[index] ?? [];
          expect.soft(cells.length, `${view.path}: chart "${name}" #${index + 1}'s table has cells`).toBeGreaterThan(0);
          expect.soft(disagreements(chart.marks, cells), `${view.path}: chart "${name}" #${index + 1} and its table disagree`).toEqual([]);
        }
      }
    });
  });
}

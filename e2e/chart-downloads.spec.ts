import { readFile, writeFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { PNG } from "pngjs";
import { expect as baseExpect, test } from "./fixtures/test";

/** Chart pages draw after hydration; files are made in the browser: allow a little longer than a plain page. */
const expect = baseExpect.configure({ timeout: 15_000 });

const KCELL_JANUARY = "/isps/kcell?from=2022-01-01&to=2022-01-31";
const ATTRIBUTION = "Kazakhstan Shutdown Tracker";

type Format = "png" | "svg" | "csv" | "json";
type ChartJson = {
  /** Only for invented example data. */
  example?: true;
  notice?: string;
  title: string;
  period: { from: string; to: string; timeZone: string };
  source: string;
  licence: { name: string; url: string | null; text: string };
  credits: { source: string; licence: { id: string; name: string; url: string } }[];
  attribution: string;
  url: string;
  columns: { key: string; label: string; description: string }[];
  rows: Record<string, string | number | boolean | null>[];
};

/** Hours as the pages print them (at most one decimal, English). */
const hours = (value: number) => new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 }).format(value);

/** Loads the measurement fixtures (IODA, OONI, Cloudflare for January 2022); a replay stores nothing. */
test.beforeAll(async ({ fixtureRunner }) => {
  await fixtureRunner.run("load-example-data", {});
});

test.slow();

/** The download menu of one chart, once hydrated. */
async function menuOf(page: Page, name: string): Promise<Locator> {
  const menu = page.locator(`[data-chart-downloads="${name}"]`);
  await expect(menu).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
  return menu;
}

/** Presses one download button (opening the menu first) and returns the file's name and bytes. */
async function download(menu: Locator, format: Format): Promise<{ name: string; body: Buffer }> {
  if ((await menu.getAttribute("open")) === null) await menu.locator("summary").click();
  const [file] = await Promise.all([menu.page().waitForEvent("download"), menu.locator(`button[data-format="${format}"]`).click()]);
  expect(await file.failure()).toBeNull();
  const body = await readFile((await file.path())!);
  // Kept with the test's output, to look at when a check fails.
  await writeFile(test.info().outputPath(file.suggestedFilename()), body);
  return { name: file.suggestedFilename(), body };
}

/** A real PNG with pixels drawn: signature, size, and more than a blank frame's colours. */
function expectDrawnPng(body: Buffer) {
  expect(body.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  const image = PNG.sync.read(body);
  expect(image.width).toBeGreaterThan(400);
  expect(image.height).toBeGreaterThan(200);
  const background = image.data.readUInt32BE(0);
  const colours = new Set<number>();
  let ink = 0;
  for (let offset = 0; offset < image.data.length; offset += 4) {
    if (image.data.readUInt32BE(offset) !== background) ink += 1;
    colours.add(((image.data[offset]! >> 4) << 8) | ((image.data[offset + 1]! >> 4) << 4) | (image.data[offset + 2]! >> 4));
  }
  expect(ink / (image.width * image.height)).toBeGreaterThan(0.02);
  expect(colours.size).toBeGreaterThanOrEqual(4);
}

/** Parses the SVG as XML in the browser; returns its text and how many shapes it draws. */
async function readSvg(page: Page, body: Buffer) {
  return page.evaluate((text) => {
    const document = new DOMParser().parseFromString(text, "image/svg+xml");
    return {
      error: document.querySelector("parsererror")?.textContent ?? null,
      root: document.documentElement.localName,
      text: [...document.querySelectorAll("text")].map((node) => node.textContent).join("\n"),
      shapes: document.querySelectorAll("rect, path, circle, line, polygon").length,
      patterns: document.querySelectorAll("pattern").length,
      variables: /var\(--/.test(text),
    };
  }, body.toString("utf8"));
}

/**
 * Checks the four files of one chart and returns the JSON and the CSV rows.
 * A chart of curated records credits the tracker alone, under CC BY 4.0; a
 * chart of measured signals credits the feeds it draws, under their terms.
 */
async function checkDownloads(page: Page, menu: Locator, stem: string, minShapes: number, drawn: "curated" | "measured" = "curated") {
  const files = {} as Record<Format, { name: string; body: Buffer }>;
  for (const format of ["png", "svg", "csv", "json"] as const) files[format] = await download(menu, format);
  // File names keep only letters, digits and hyphens (exportFileName): "full_blackout" is written "full-blackout".
  const fileStem = stem.replace(/[^a-z0-9]+/g, "-");
  for (const format of ["png", "svg", "csv", "json"] as const) expect(files[format].name).toMatch(new RegExp(`^kst-${fileStem}-\\d{4}-\\d{2}-\\d{2}-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));

  const json = JSON.parse(files.json.body.toString("utf8")) as ChartJson;
  expect(json.attribution).toContain(ATTRIBUTION);
  if (drawn === "curated") {
    expect(json.licence.name).toBe("CC BY 4.0");
    expect(json.licence.url).toBe("https://creativecommons.org/licenses/by/4.0/");
    expect(json.credits.map((credit) => credit.source)).toEqual(["TRACKER"]);
    for (const feed of ["OONI", "IODA", "Cloudflare"]) expect(json.attribution).not.toContain(feed);
  } else {
    expect(json.licence.url).toBeNull();
    expect(json.credits.map((credit) => [credit.source, credit.licence.name])).toEqual([
      ["TRACKER", "CC BY 4.0"],
      ["IODA", "© Georgia Tech Research Corporation"],
      ["OONI", "CC BY-NC-SA 4.0"],
      ["CLOUDFLARE", "CC BY-NC 4.0"],
    ]);
    for (const feed of ["OONI", "IODA", "Cloudflare Radar"]) expect(json.attribution).toContain(feed);
  }
  expect(json.source.length).toBeGreaterThan(10);
  expect(json.url).toBe(page.url());
  expect(json.columns.length).toBeGreaterThan(1);
  for (const column of json.columns) expect(column.description.length, `description of ${column.key}`).toBeGreaterThan(5);

  const csv = parse(files.csv.body.toString("utf8"), { columns: true }) as Record<string, string>[];
  expect(Object.keys(csv[0] ?? {})).toEqual(json.columns.map((column) => column.key));
  expect(csv).toHaveLength(json.rows.length);
  expect(csv).toEqual(json.rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value === null ? "" : String(value)]))));

  expectDrawnPng(files.png.body);
  const svg = await readSvg(page, files.svg.body);
  expect(svg.error).toBeNull();
  expect(svg.root).toBe("svg");
  expect(svg.text).toContain(json.title);
  // The footer's lines wrap at spaces: compare its words.
  const words = svg.text.replace(/\s+/g, " ");
  expect(words).toContain(ATTRIBUTION);
  expect(words).toContain("CC BY 4.0");
  if (drawn === "curated") expect(words).not.toMatch(/OONI|IODA|Cloudflare|BY-NC/);
  else for (const credit of ["OONI (CC BY-NC-SA 4.0)", "Cloudflare Radar (CC BY-NC 4.0)", "IODA"]) expect(words).toContain(credit);
  expect(svg.text).toMatch(/\d{4} – .*\d{4}/);
  expect(svg.shapes).toBeGreaterThanOrEqual(minShapes);
  expect(svg.variables, "CSS variables resolved").toBe(false);
  return { json, csv, svg };
}

/** The text of each body row's cells (header cell first). */
async function tableRows(table: Locator): Promise<string[][]> {
  return table.locator("tbody tr").evaluateAll((rows) =>
    rows.map((row) =>
      [...row.querySelectorAll("th, td")].map((cell) => {
        // A cell's note (what part of a figure rests on an open end) is not the figure.
        const copy = cell.cloneNode(true) as Element;
        copy.querySelectorAll(".cell-note").forEach((note) => note.remove());
        return (copy.querySelector("a")?.textContent ?? copy.textContent ?? "").trim();
      }),
    ),
  );
}

test("an operator's charts download as PNG, SVG, CSV and JSON with the numbers the page shows", async ({ page, expectAccessible }) => {
  await page.goto(KCELL_JANUARY);
  const menu = await menuOf(page, "operator-hours-kcell");
  await expectAccessible();
  const { json, csv, svg } = await checkDownloads(page, menu, "operator-hours-kcell", 10);
  expect(json.title).toBe("Hours of Kcell by measure");
  // Curated figures are not example data: no notice.
  expect(json.example).toBeUndefined();
  expect(json.period).toEqual({ from: "2022-01-01", to: "2022-01-31", timeZone: "Asia/Almaty" });
  expect(svg.text).toContain("1 Jan 2022 – 31 Jan 2022");
  expect(svg.patterns, "texture patterns kept").toBeGreaterThan(0);
  // The CSV's rows are the table's rows: the period's label and each measure's hours, never a total of them;
  // and the hours that rest on an open end in columns of their own.
  const shown = await tableRows(page.getByRole("region", { name: "Curated disruption" }).getByTestId("operator-hours-table"));
  const measures = ["full_blackout", "partial_disruption", "service_blocking"];
  expect(json.columns.map((column) => column.key)).not.toContain("total");
  expect(csv.map((row) => [row.label!, ...measures.map((key) => hours(Number(row[key])))])).toEqual(shown);
  expect(csv[0]).toMatchObject({ full_blackout: "88.5", partial_disruption: "60.3", service_blocking: "24", service_blocking_to_last_report_hours: "24", partial_disruption_on_and_off_hours: "19.3" });
  expect(json.columns.find((column) => column.key === "full_blackout")!.description).toContain("whole network");
  // Open menus stay accessible.
  await expectAccessible();

  // The measured signals: one row per line and bucket, as many as the page's value tables. They are the invented
  // example files here, so every file says so first (decision 0018): the JSON's notice, a column in the CSV, a banner in the images.
  const signals = await menuOf(page, "operator-signals-kcell");
  const measured = await checkDownloads(page, signals, "operator-signals-kcell", 20, "measured");
  expect(measured.json.columns.map((column) => column.key)).toEqual(["notice", "signal", "signal_name", "network", "bucket_start", "value"]);
  expect(measured.json.example).toBe(true);
  expect(measured.json.notice).toMatch(/^Example data — invented\./);
  expect(measured.csv.every((row) => row.notice === "example data — invented")).toBe(true);
  expect(measured.svg.text).toContain("Example data — invented.");
  const bgp = measured.csv.filter((row) => row.signal === "ioda.bgp");
  const bgpTable = page.getByRole("region", { name: /^All values: BGP/, includeHidden: true }).locator("tbody tr");
  expect(bgp.length).toBeGreaterThan(0);
  expect(bgp.length).toBe((await bgpTable.count()) * new Set(bgp.map((row) => row.network)).size);
  expect(measured.svg.text).toContain("BGP");
});

test("the map downloads with every region's figures for the frame shown", async ({ page, expectAccessible }) => {
  await page.goto("/map?from=2022-01-01&to=2022-01-31");
  const menu = await menuOf(page, "map-count");
  const { json, csv } = await checkDownloads(page, menu, "map-count", 20);
  expect(json.period).toEqual({ from: "2022-01-01", to: "2022-01-31", timeZone: "Asia/Almaty" });
  const shown = await tableRows(page.getByTestId("region-table"));
  expect(csv).toHaveLength(shown.length);
  csv.forEach((row, index) => {
    const cells = shown[index]!;
    expect(cells[0]).toContain(row.name!);
    if (row.incidents === "") return;
    expect([row.incidents, row.local_incidents, ...["full_blackout", "partial_disruption", "service_blocking"].map((key) => hours(Number(row[key])))]).toEqual(cells.slice(1));
  });
  expect(csv.some((row) => Number(row.incidents) > 0)).toBe(true);
  await expectAccessible();
});

test("the timeline downloads the incidents drawn in its window", async ({ page, expectAccessible }) => {
  await page.goto("/timeline?from=2022-01-01&to=2022-12-31");
  const menu = await menuOf(page, "timeline");
  const { json, csv } = await checkDownloads(page, menu, "timeline", 10);
  expect(json.columns.map((column) => column.key)).toEqual(["incident", "title", "type", "type_name", "start", "end", "ongoing", "end_status", "operators"]);
  const slugs = await page.locator("[data-timeline-list] tbody tr").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-slug")));
  expect(slugs.length).toBeGreaterThan(0);
  expect(csv.slice(0, slugs.length).map((row) => row.incident)).toEqual(slugs);
  expect(csv.map((row) => row.incident)).toContain("2022-01-qantar-shutdowns");
  // What is known of each end, as on the page: Qantar's is recorded; the website throttling's is not.
  expect(csv.find((row) => row.incident === "2022-01-qantar-shutdowns")?.end_status).toBe("RECORDED");
  expect(csv.find((row) => row.incident === "2022-09-news-website-throttling")?.end_status).toBe("NOT_RECORDED");
  await expectAccessible();
});

test("the overview's incidents-per-year chart downloads its table, and embeds have no download menu", async ({ page }) => {
  await page.goto("/");
  const menu = await menuOf(page, "incidents-per-year");
  const { csv } = await checkDownloads(page, menu, "incidents-per-year", 5);
  const shown = await tableRows(page.getByRole("region", { name: "Incidents per year" }).locator("table"));
  expect(csv.map((row) => [row.year, ...Object.entries(row).filter(([key]) => key !== "year").map(([, value]) => value)])).toEqual(shown);

  // Embeds stay light: no download menu in their markup.
  for (const path of ["/embed/isp/kcell?from=2022-01-01&to=2022-01-31", "/embed/map", "/embed/timeline"]) {
    let html = "";
    await expect
      .poll(async () => {
        const response = await page.request.get(path);
        html = await response.text();
        // Under load the dev server may fail a request once; wait for a page that rendered.
        return response.ok() && html.includes("data-embed-attribution");
      }, { timeout: 60_000 })
      .toBe(true);
    expect(html, path).not.toContain("data-chart-downloads");
  }
});

test("in Russian, the menu and the column descriptions are Russian", async ({ page, expectAccessible }) => {
  await page.goto("/ru/map?from=2022-01-01&to=2022-01-31");
  const menu = await menuOf(page, "map-count");
  await expect(menu.locator("summary")).toContainText("Скачать");
  const { body } = await download(menu, "json");
  const json = JSON.parse(body.toString("utf8")) as ChartJson;
  expect(json.columns.find((column) => column.key === "full_blackout")!.description).toContain("Полное отключение, часы за период.");
  expect(json.licence.text).toContain("Лицензия");
  expect(json.rows.find((row) => row.region === "almaty-city")!.name).toBe("Алматы");
  await expectAccessible();
});

test("the operators' comparison downloads the hours the comparison table shows", async ({ page }) => {
  await page.goto("/isps?from=2022-01-01&to=2022-12-31");
  const menu = await menuOf(page, "operator-comparison-full_blackout");
  // File names keep letters, digits and hyphens only (exportFileName): the measure's underscore becomes a hyphen.
  const { json, csv } = await checkDownloads(page, menu, "operator-comparison-full-blackout", 10);
  const operators = json.columns.map((column) => column.key).filter((key) => key !== "period" && key !== "label" && !key.endsWith("_open_end_hours"));
  expect(operators).toEqual(["beeline", "kazakhtelecom", "kcell", "tele2-altel"]);
  const shown = await tableRows(page.getByRole("region", { name: "Full blackout: hours per operator and period" }).getByRole("table"));
  expect(csv.map((row) => [row.label!, ...operators.map((key) => hours(Number(row[key])))])).toEqual(shown);
  // Each small multiple has its own menu.
  await expect(page.locator('[data-chart-downloads^="operator-hours-"]')).toHaveCount(4);
});

test("charts drawn in HTML download too: an incident's phases and the overview's timeline", async ({ page }) => {
  const slug = "2022-01-qantar-shutdowns";
  await page.goto(`/incidents/${slug}`);
  const phases = await checkDownloads(page, await menuOf(page, `phases-${slug}`), `phases-${slug}`, 4);
  expect(phases.json.title).toMatch(/: phases$/);
  // A row per bar, in the phase table's order, with the bar's label drawn into the image.
  const shown = await tableRows(page.getByRole("region", { name: "Phases", exact: true }).first().locator("table").first());
  expect(phases.csv.map((row) => row.phase)).toEqual(shown.map((cells) => cells[0]));
  // The table's label cell may carry the phase's description after its name.
  phases.csv.forEach((row, index) => expect(shown[index]![1]).toContain(row.label!));
  expect(phases.svg.text).toContain(`1. ${phases.csv[0]!.label}`);

  await page.goto("/");
  const overview = await checkDownloads(page, await menuOf(page, "overview-timeline"), "overview-timeline", 4);
  expect(overview.csv).toHaveLength(await page.locator("[data-compact-timeline] [data-chart-html] li").count());
  expect(overview.csv.map((row) => row.incident)).toContain(slug);
});

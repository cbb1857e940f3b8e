import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import type { Page } from "@playwright/test";
import { PNG } from "pngjs";
import { expect as baseExpect, test } from "./fixtures/test";

/**
 * Issue 13, "Views that tell the story": citing an incident (five formats, a
 * copy button, all of it without JavaScript too), the incident list's
 * downloads, an incident's phase chart as an image (whole words, stripes as
 * on screen), and example data that says it is invented wherever it is shown.
 */
const expect = baseExpect.configure({ timeout: 15_000 });
const QANTAR = "2022-01-qantar-shutdowns";
const KCELL_JANUARY = "/isps/kcell?from=2022-01-01&to=2022-01-31";

test.slow();

async function waitForCopyButton(page: Page, name: string) {
  const button = page.getByRole("button", { name, exact: true });
  // The buttons appear once the page's JavaScript runs.
  await expect(button).toBeVisible({ timeout: 30_000 });
  return button;
}

test.describe("citing an incident", () => {
  test("the citation names the version shown and the permanent address, in five formats, and copies with a button", async ({ page, context, baseURL, expectAccessible }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    await page.goto(`/incidents/${QANTAR}`);
    const citation = page.getByTestId("incident-citation");
    const version = await citation.getAttribute("data-version");
    expect(Number(version)).toBeGreaterThan(0);
    await expect(citation).toContainText(`You are reading version ${version} of this record`);
    const plain = page.locator("#citation-plain");
    await expect(plain).toContainText(`Incident record, version ${version}, last updated`);
    await expect(plain).toContainText(`${baseURL}/incidents/${QANTAR}`);

    await (await waitForCopyButton(page, "Copy citation")).click();
    await expect(citation.getByRole("status").first()).toHaveText("Copied the Plain text citation to the clipboard.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await plain.textContent());

    await citation.getByText("Other formats: APA, BibTeX, RIS, CSL-JSON").click();
    const bibtex = page.locator("#citation-bibtex");
    await expect(bibtex).toBeVisible();
    await page.getByRole("button", { name: "Copy BibTeX", exact: true }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await bibtex.textContent());
    expect(copied).toMatch(new RegExp(`^@misc\\{kst-${QANTAR}-v${version},\\n`));
    expect(copied).toContain(`  url = {${baseURL}/incidents/${QANTAR}}`);
    expect(copied).toContain(`  version = {${version}}`);

    await page.getByRole("button", { name: "Copy RIS (EndNote, Zotero, Mendeley)", exact: true }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^TY {2}- WEB\n[\s\S]*\nER {2}- $/);
    const csl = JSON.parse((await page.locator("#citation-csl-json").textContent())!);
    expect(csl[0]).toMatchObject({ type: "webpage", version: version, URL: `${baseURL}/incidents/${QANTAR}` });
    await expect(page.locator("#citation-apa")).toContainText(`(Version ${version}) [Incident record]. ${baseURL}/incidents/${QANTAR}`);
    await expectAccessible();
  });

  test("a forwarded host never reaches the citation's address", async ({ page, baseURL }) => {
    await page.setExtraHTTPHeaders({ "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" });
    await page.goto(`/incidents/${QANTAR}`);
    await expect(page.locator("#citation-plain")).toContainText(`${baseURL}/incidents/${QANTAR}`);
    await expect(page.getByTestId("incident-citation")).not.toContainText("evil.example");
  });

  test("without JavaScript every format is on the page, and no button that would do nothing", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseURL}/ru/incidents/${QANTAR}`);
    const citation = page.getByTestId("incident-citation");
    await expect(citation.getByRole("heading", { name: "Как сослаться на этот инцидент" })).toBeVisible();
    await expect(page.locator("#citation-plain")).toContainText(`${baseURL}/ru/incidents/${QANTAR}`);
    await expect(page.locator("#citation-plain")).toContainText("Запись об инциденте, версия");
    for (const format of ["apa", "bibtex", "ris", "csl-json"]) await expect(page.locator(`#citation-${format}`)).toContainText(`${baseURL}/ru/incidents/${QANTAR}`);
    await expect(page.locator("#citation-bibtex")).toContainText("langid = {russian}");
    await expect(citation.getByRole("button")).toHaveCount(0);
    await context.close();
  });
});

test.describe("the incident list's downloads", () => {
  test("CSV and JSON hold every incident of the filtered list, in its language", async ({ page, baseURL, expectAccessible }) => {
    await page.goto("/incidents?year=2022&type=FULL_BLACKOUT");
    const downloads = page.getByTestId("incident-list-downloads");
    const count = Number((await page.locator(".results-count").textContent())!.replace(/\D/g, ""));
    expect(count).toBeGreaterThan(0);
    const csvLink = downloads.getByRole("link", { name: `Download the ${count} incident${count === 1 ? "" : "s"} of this list as CSV` });
    expect(await csvLink.getAttribute("href")).toBe("/api/export/incidents?year=2022&type=FULL_BLACKOUT&lang=en&format=csv");
    const [file] = await Promise.all([page.waitForEvent("download"), csvLink.click()]);
    const rows = parse(await readFile((await file.path())!, "utf8"), { columns: true }) as Record<string, string>[];
    const listed = await page.locator(".card-list article a[href*='/incidents/']").evaluateAll((links) => [...new Set(links.map((link) => new URL((link as HTMLAnchorElement).href).pathname.split("/").at(-1)))]);
    expect(rows.map((row) => row.slug)).toEqual(listed);
    expect(rows.every((row) => row.types!.includes("FULL_BLACKOUT") && row.url === `${baseURL}/incidents/${row.slug}`)).toBe(true);
    await expectAccessible();

    await page.goto("/ru/incidents?year=2022");
    const jsonHref = await page.getByTestId("incident-list-downloads").getByRole("link", { name: /в JSON$/ }).getAttribute("href");
    expect(jsonHref).toBe("/api/export/incidents?year=2022&lang=ru&format=json");
    const body = await (await page.request.get(jsonHref!)).json();
    expect(body.count).toBe(Number((await page.locator(".results-count").textContent())!.replace(/\D/g, "")));
    expect(body.data.find((row: { slug: string }) => row.slug === QANTAR).title).toMatch(/[а-я]/);
    expect(body.url).toBe(`${baseURL}/ru/incidents?year=2022`);
  });
});

test.describe("an incident's phase chart as an image", () => {
  test("labels are whole words, on-and-off phases are striped, and the PNG is the SVG at twice the size", async ({ page }) => {
    await page.goto(`/incidents/${QANTAR}`);
    const menu = page.locator(`[data-chart-downloads="phases-${QANTAR}"]`);
    await expect(menu).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
    await menu.locator("summary").click();
    const fetch = async (format: "svg" | "png") => {
      const [file] = await Promise.all([page.waitForEvent("download"), menu.locator(`button[data-format="${format}"]`).click()]);
      return readFile((await file.path())!);
    };
    const svg = (await fetch("svg")).toString("utf8");
    const labels = await page.locator("[data-chart-html] [data-chart-text]").evaluateAll((nodes) => nodes.map((node) => (node.textContent ?? "").replace(/\s+/g, " ").trim()));
    const drawn = await page.evaluate((text) => {
      const document = new DOMParser().parseFromString(text, "image/svg+xml");
      const stops = [...document.querySelectorAll("pattern")].map((pattern) => {
        const gradient = document.getElementById(pattern.querySelector("rect")!.getAttribute("fill")!.slice(5, -1))!;
        return [...gradient.querySelectorAll("stop")].map((stop) => stop.getAttribute("stop-color"));
      });
      return { texts: [...document.querySelectorAll("text")].map((node) => node.textContent ?? ""), stops, width: Number(document.documentElement.getAttribute("width")), height: Number(document.documentElement.getAttribute("height")) };
    }, svg);
    // Every label on the chart is drawn whole, or up to a whole word followed by an ellipsis.
    const phaseLabels = labels.filter((label) => /^\d+\. /.test(label));
    expect(phaseLabels.length).toBeGreaterThan(10);
    for (const label of phaseLabels) {
      const text = drawn.texts.find((candidate) => candidate.startsWith(label.split(" ")[0]! + " "));
      expect(text, label).toBeDefined();
      const words = label.split(" ");
      const shown = text!.replace(/…$/, "").split(" ");
      expect(shown, label).toEqual(words.slice(0, shown.length));
    }
    // The on-and-off phase is a pattern of two colours (stripes), not one solid colour.
    expect(drawn.stops.length).toBeGreaterThan(0);
    expect(drawn.stops.every((colours) => new Set(colours).size === 2)).toBe(true);

    const png = PNG.sync.read(await fetch("png"));
    expect([png.width, png.height]).toEqual([drawn.width * 2, drawn.height * 2]);
    // The full-blackout colour is drawn (the bars), in more than a legend swatch's worth of pixels.
    let blackout = 0;
    for (let offset = 0; offset < png.data.length; offset += 4) {
      if (Math.abs(png.data[offset]! - 0xd5) < 6 && Math.abs(png.data[offset + 1]! - 0x5e) < 6 && png.data[offset + 2]! < 6) blackout += 1;
    }
    expect(blackout).toBeGreaterThan(2000);
  });
});

test.describe("example data", () => {
  // The example feed files, loaded and marked as `npm run demo` loads them (a replay stores nothing).
  test.beforeAll(async ({ fixtureRunner }) => {
    await fixtureRunner.run("load-example-data", {});
  });

  test("says 'example data — invented' on the chart, in its embed, on the incident page and in the API, and nowhere it is not used", async ({ page, request, expectAccessible }) => {
    await page.goto(KCELL_JANUARY);
    const notice = page.getByTestId("example-data-notice");
    await expect(notice).toHaveCount(1);
    await expect(notice).toContainText("Example data — invented.");
    await expect(page.getByTestId("example-data-badge").first()).toHaveText("EXAMPLE DATA — INVENTED");
    await expectAccessible();

    await page.goto("/embed/isp/kcell?from=2022-01-01&to=2022-01-31");
    await expect(page.getByTestId("example-data-notice")).toContainText("Example data — invented.");

    await page.goto("/ru/isps/kcell?from=2022-01-01&to=2022-01-31");
    await expect(page.getByTestId("example-data-notice")).toContainText("Демонстрационные данные — вымышлены.");
    await expect(page.getByTestId("example-data-badge").first()).toHaveText("ДЕМОНСТРАЦИОННЫЕ ДАННЫЕ — ВЫМЫШЛЕНЫ");

    await page.goto(`/incidents/${QANTAR}`);
    const measurements = page.getByRole("region", { name: "Measurements" }).or(page.locator("section[aria-labelledby='measurements-heading']"));
    await expect(measurements.getByTestId("example-data-notice")).toBeVisible();
    await expect(measurements.locator("li[data-example]").first()).toContainText("example data, invented");

    const body = await (await request.get("/api/v1/series?operator=kcell&from=2022-01-01&to=2022-01-31&max_points=50")).json();
    expect(body.example).toBe(true);
    expect(body.notice).toMatch(/^Example data — invented\./);

    // Beeline has no example series: its page and its API answer say nothing of the kind.
    await page.goto("/isps/beeline?from=2022-01-01&to=2022-01-31");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByTestId("example-data-notice")).toHaveCount(0);
    const beeline = await (await request.get("/api/v1/series?operator=beeline&from=2022-01-01&to=2022-01-31&max_points=50")).json();
    expect(beeline).toMatchObject({ example: false, notice: null });
  });

  test.describe("at 360 px", () => {
    test.use({ viewport: { width: 360, height: 780 } });

    test("the notice, the citation and the list's downloads stay accessible", async ({ page, expectAccessible }) => {
      await page.goto(KCELL_JANUARY);
      await expect(page.getByTestId("example-data-notice")).toBeVisible();
      await expectAccessible();
      await page.goto(`/incidents/${QANTAR}`);
      await page.getByText("Other formats: APA, BibTeX, RIS, CSL-JSON").click();
      await expect(page.locator("#citation-ris")).toBeVisible();
      await expectAccessible();
      await page.goto("/incidents?year=2022");
      await expect(page.getByTestId("incident-list-downloads")).toBeVisible();
      await expectAccessible();
    });
  });
});

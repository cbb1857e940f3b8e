import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Locator, Page } from "@playwright/test";
import { oembedDiscoveryHref } from "@/lib/embed/oembed-link";
import { expectChartDrawn } from "./fixtures/chart-screenshot";
import { expect, test } from "./fixtures/test";

const KCELL_JANUARY = "/isps/kcell?from=2022-01-01&to=2022-01-31";
const KCELL_FIGURE = "Hours of Kcell by measure";

test.slow();

/**
 * Serves `body` from a second local server: another origin (another port), as a
 * journalist's page would be. A small recorder beside the pasted code notes the
 * heights the frame reports, without touching the code itself.
 */
async function hostPage(body: string): Promise<{ server: Server; url: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A newsroom article</title></head><body>
<main><h1>Internet shutdowns in Kazakhstan</h1><p>Our article.</p>
${body}
</main>
<script>
  window.kstHeights = [];
  window.addEventListener("message", function (event) {
    if (event.data && event.data.type === "kst-embed-height") window.kstHeights.push(event.data.height);
  });
</script></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/article.html` };
}

async function closeServer(server: Server) {
  await new Promise((resolve) => server.close(resolve));
}

/** Waits until the host page's frame has taken the last height the embed reported. */
async function expectResizedToReportedHeight(page: Page) {
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const heights = (window as unknown as { kstHeights: number[] }).kstHeights;
          const frame = document.querySelector("iframe")!;
          const last = heights.at(-1);
          return last !== undefined && Math.round(frame.getBoundingClientRect().height) === Math.min(5000, Math.max(100, last));
        }),
      { timeout: 30_000 },
    )
    .toBe(true);
}

/** Opens a view's Embed dialog once the page has hydrated (`next dev` may still reload the page once while it compiles). */
async function openEmbedDialog(page: Page) {
  const button = page.getByRole("button", { name: "Embed", exact: true });
  const dialog = page.getByRole("dialog", { name: "Embed this chart" });
  await expect(async () => {
    await expect(button).toBeEnabled();
    await button.focus();
    await page.keyboard.press("Enter");
    await expect(dialog).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  return { button, dialog };
}

/** Tabs through a page (and into its frames) until the element is focused, as a keyboard user would reach it. */
async function tabTo(page: Page, target: Locator, maxPresses = 40) {
  for (let press = 0; press < maxPresses; press += 1) {
    if (await target.evaluate((node) => node === node.ownerDocument.activeElement && node.ownerDocument.hasFocus())) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`not reached by ${maxPresses} presses of Tab`);
}

test("a journalist embeds the Kcell chart alone: compact on another site, its table opens from the keyboard, and it links back", async ({
  page,
  context,
  baseURL,
  expectAccessible,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await page.goto(KCELL_JANUARY);
  const { button, dialog } = await openEmbedDialog(page);

  // The chart alone is chosen first; the whole view is one choice away.
  const preview = dialog.locator("iframe[data-embed-preview]");
  const code = dialog.getByRole("textbox", { name: "Embed code" });
  await expect(dialog.getByLabel("Only the chart “Kcell: hours of disruption by measure”")).toBeChecked();
  await expect(dialog.getByLabel("Only the chart “Kcell: measured signals”")).not.toBeChecked();
  await expect(preview).toHaveAttribute("src", `${baseURL}/embed/isp/kcell?from=2022-01-01&to=2022-01-31&chart=hours`);
  await expect(preview.contentFrame().getByRole("figure", { name: KCELL_FIGURE })).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByLabel("Height in pixels")).toHaveValue("460");
  await expectAccessible();

  // Every choice shows in the preview and in the code.
  await dialog.getByLabel("Dark", { exact: true }).check();
  await expect(preview).toHaveAttribute("src", /&theme=dark&chart=hours$/);
  await dialog.getByLabel("Russian", { exact: true }).check();
  await expect(preview).toHaveAttribute("src", `${baseURL}/ru/embed/isp/kcell?from=2022-01-01&to=2022-01-31&theme=dark&chart=hours`);
  await expect(preview).toHaveAttribute("title", /^Preview: Kcell: часы нарушений по видам — /);
  await dialog.getByLabel("Rolling: the last days, updated automatically").check();
  await dialog.getByLabel("Days", { exact: true }).selectOption({ label: "the last 90 days" });
  await expect(preview).toHaveAttribute("src", `${baseURL}/ru/embed/isp/kcell?last=90&theme=dark&chart=hours`);
  await expect(code).toHaveValue(/last=90/);
  await dialog.getByLabel(/Fit the frame/).uncheck();
  await expect(code).not.toHaveValue(/<script/);

  // The whole view: its own address and starting height; back to the chart.
  await dialog.getByLabel("The whole view “Kcell: disruptions and measured signals”").check();
  await expect(preview).toHaveAttribute("src", `${baseURL}/ru/embed/isp/kcell?last=90&theme=dark`);
  await expect(dialog.getByLabel("Height in pixels")).toHaveValue("900");
  await expect(preview).toHaveAttribute("title", /^Preview: Kcell: нарушения и измеренные сигналы — /);
  await dialog.getByLabel("Only the chart “Kcell: hours of disruption by measure”").check();

  // Back to the view's own period, in English, 640 px wide, with auto-height: the code for "Kcell, January 2022".
  await dialog.getByLabel("Fixed: the period of this view").check();
  await dialog.getByLabel("English", { exact: true }).check();
  await dialog.getByLabel("Light", { exact: true }).check();
  await dialog.getByLabel(/Fit the frame/).check();
  await dialog.getByLabel("Fixed width", { exact: true }).check();
  await dialog.getByLabel("Width in pixels").fill("640");
  await expect(preview).toHaveAttribute("src", `${baseURL}/embed/isp/kcell?from=2022-01-01&to=2022-01-31&chart=hours`);
  const snippet = await code.inputValue();
  expect(snippet).toBe(
    `<iframe src="${baseURL}/embed/isp/kcell?from=2022-01-01&amp;to=2022-01-31&amp;chart=hours" title="Kcell: hours of disruption by measure — Kazakhstan Shutdown Tracker" width="640" height="460" loading="lazy" style="border:0;max-width:100%" referrerpolicy="strict-origin-when-cross-origin"></iframe>\n<script async src="${baseURL}/embed.js"></script>`,
  );
  await dialog.getByRole("button", { name: "Copy" }).click();
  await expect(dialog.getByRole("status")).toHaveText("Copied.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();

  // Pasted into a page on another origin: the chart, compact (the 2,455 px page of issue 13 is gone).
  const host = await hostPage(snippet);
  try {
    await page.goto(host.url);
    const frameElement = page.locator("iframe");
    const frame = page.frameLocator("iframe");
    const figure = frame.getByRole("figure", { name: KCELL_FIGURE });
    await expect(figure).toBeVisible({ timeout: 60_000 });
    await expectChartDrawn(figure);
    await expectResizedToReportedHeight(page);
    const compact = (await frameElement.boundingBox())!;
    expect(compact.width).toBe(640);
    expect(compact.height).toBeGreaterThan(250);
    expect(compact.height, "the chart alone, at 640 px wide").toBeLessThanOrEqual(600);
    // Only the chart: no signal form, no measured empty state, no table on show.
    await expect(frame.locator("form")).toHaveCount(0);
    await expect(frame.getByTestId("measured-empty")).toHaveCount(0);
    await expect(frame.getByTestId("operator-hours-table")).toBeHidden();
    // Credited for what it draws: the tracker's records, CC BY 4.0.
    const credit = frame.locator("[data-embed-attribution]");
    await expect(credit).toContainText("Data: Kazakhstan Shutdown Tracker, incidents curated by the coalition (CC BY 4.0).");
    await expect(credit).not.toContainText(/OONI|IODA|Cloudflare/);

    // The data table opens from the keyboard: Tab to its toggle, Enter; the frame grows to fit; Enter folds it again.
    const toggle = frame.getByText("Show the data table");
    await tabTo(page, toggle);
    await page.keyboard.press("Enter");
    const table = frame.getByTestId("operator-hours-table");
    await expect(table).toBeVisible();
    await expect(table.locator('tr[data-period="2022-01"] td[data-measure="full_blackout"]')).toHaveText("88.5");
    await expectResizedToReportedHeight(page);
    expect((await frameElement.boundingBox())!.height).toBeGreaterThan(compact.height);
    await page.keyboard.press("Enter");
    await expect(table).toBeHidden();

    const back = frame.getByRole("link", { name: "Open the full view" });
    await expect(back).toHaveAttribute("href", KCELL_JANUARY);
    await expect(back).toHaveAttribute("target", "_blank");
  } finally {
    await closeServer(host.server);
  }
});

test("the embed script is idempotent and ignores messages from other origins", async ({ page, baseURL }) => {
  const iframe = `<iframe src="${baseURL}/embed/incident/2022-01-qantar-shutdowns" title="Qantar" height="150" style="border:0;width:100%"></iframe>`;
  const script = `<script async src="${baseURL}/embed.js"></script>`;
  const host = await hostPage(`${iframe}\n${script}\n${script}`);
  try {
    await page.goto(host.url);
    await expect(page.frameLocator("iframe").locator("[data-embed]")).toBeVisible({ timeout: 60_000 });
    await expectResizedToReportedHeight(page);
    const height = await page.locator("iframe").getAttribute("height");
    // A message from the host page itself (not the tracker's origin) changes nothing.
    await page.evaluate(() => window.postMessage({ type: "kst-embed-height", height: 4321 }, "*"));
    await page.waitForTimeout(300);
    expect(await page.locator("iframe").getAttribute("height")).toBe(height);
    expect(await page.evaluate(() => (window as unknown as { __kstEmbedHeight?: boolean }).__kstEmbedHeight)).toBe(true);
  } finally {
    await closeServer(host.server);
  }
});

test("oEmbed round trip: the page's discovery link answers a rich response whose html renders on another site", async ({ page, request, baseURL }) => {
  const pageUrl = `${baseURL}${KCELL_JANUARY}`;
  const html = await (await request.get(KCELL_JANUARY)).text();
  const discovered = /<link[^>]+type="application\/json\+oembed"[^>]*>/.exec(html)?.[0];
  const href = discovered ? /href="([^"]+)"/.exec(discovered)![1]!.replaceAll("&amp;", "&") : oembedDiscoveryHref(baseURL!, pageUrl);
  const response = await request.get(href);
  expect(response.status()).toBe(200);
  const oembed = await response.json();
  expect(oembed).toMatchObject({
    version: "1.0",
    type: "rich",
    provider_name: "Kazakhstan Shutdown Tracker",
    title: "Kcell: disruptions and measured signals — Kazakhstan Shutdown Tracker",
  });
  expect(oembed.html).toContain(`${baseURL}/embed/isp/kcell?from=2022-01-01&amp;to=2022-01-31`);

  const host = await hostPage(oembed.html);
  try {
    await page.goto(host.url);
    const figure = page.frameLocator("iframe").getByRole("figure", { name: KCELL_FIGURE });
    await expect(figure).toBeVisible({ timeout: 60_000 });
    await expectChartDrawn(figure);
  } finally {
    await closeServer(host.server);
  }
});

test("every view has an Embed button whose code embeds its chart alone, or the same view whole", async ({ page, baseURL }) => {
  const views: Record<string, { chart: string; whole: string }> = {
    "/": { chart: "/embed/overview?chart=per-year", whole: "/embed/overview" },
    "/timeline?from=2022-01-01&to=2022-01-31": { chart: "/embed/timeline?from=2022-01-01&to=2022-01-31&chart=timeline", whole: "/embed/timeline?from=2022-01-01&to=2022-01-31" },
    "/incidents?operator=kcell": { chart: "/embed/timeline?operator=kcell&chart=timeline", whole: "/embed/timeline?operator=kcell" },
    "/map?from=2022-01-01&to=2022-01-31": { chart: "/embed/map?from=2022-01-01&to=2022-01-31&chart=map", whole: "/embed/map?from=2022-01-01&to=2022-01-31" },
    "/isps?from=2022-01-01&to=2022-01-31": { chart: "/embed/isps?from=2022-01-01&to=2022-01-31&chart=comparison", whole: "/embed/isps?from=2022-01-01&to=2022-01-31" },
    "/ru/incidents/2022-01-qantar-shutdowns": { chart: "/ru/embed/incident/2022-01-qantar-shutdowns?chart=phases", whole: "/ru/embed/incident/2022-01-qantar-shutdowns" },
  };
  for (const [view, embed] of Object.entries(views)) {
    await page.goto(view);
    const russian = view.startsWith("/ru/");
    await page.getByRole("button", { name: russian ? "Встроить" : "Embed", exact: true }).click();
    const dialog = page.getByRole("dialog");
    const preview = dialog.locator("iframe[data-embed-preview]");
    await expect(preview, view).toHaveAttribute("src", `${baseURL}${embed.chart}`);
    await expect(preview.contentFrame().locator("[data-table-toggle]").first(), view).toBeVisible({ timeout: 60_000 });
    await dialog.getByLabel(russian ? /^Всё представление/ : /^The whole view/).check();
    await expect(preview, view).toHaveAttribute("src", `${baseURL}${embed.whole}`);
    await expect(preview.contentFrame().locator("[data-embed]"), view).toBeVisible({ timeout: 60_000 });
    await dialog.getByRole("button", { name: russian ? "Закрыть" : "Close" }).click();
    await expect(dialog).toBeHidden();
  }
});

test("/embed/isps draws the operators' comparison chart with its table, links back to /isps, and passes axe", async ({ page, expectAccessible }) => {
  await page.goto("/embed/isps?from=2022-01-01&to=2022-01-31&by=month");
  await expect(page.locator(".site-header")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Operators compared, measure by measure");
  const chart = page.getByRole("figure", { name: "Full blackout: hours per operator, compared" });
  // Drawn on the server: in the page as it arrives.
  await expect(chart.locator("svg").first()).toBeVisible({ timeout: 60_000 });
  await expectChartDrawn(chart);
  await expect(page.getByTestId("comparison-summary")).toContainText("Kcell");
  const back = page.getByRole("link", { name: "Open the full view" });
  await expect(back).toHaveAttribute("href", "/isps?from=2022-01-01&to=2022-01-31&by=month");
  await expect(back).toHaveAttribute("target", "_blank");
  await expectAccessible();
  await page.goto("/embed/isps?signals=ioda.bgp");
  await expect(page.locator("[data-embed-error]")).toContainText("“signals”");
});

import type { Page } from "@playwright/test";
import { expectChartDrawn } from "./fixtures/chart-screenshot";
import { devBaseURL, keepDevPageStill } from "./fixtures/dev-server";
import { expect, test } from "./fixtures/test";

test.use(devBaseURL ? { baseURL: devBaseURL } : {});
test.beforeEach(async ({ page }) => keepDevPageStill(page));

const QANTAR = "2022-01-qantar-shutdowns";
const ASTANA_2022 = "2022-11-astana-inauguration-day-cut";
const JANUARY_2022 = "/timeline?from=2022-01-01&to=2022-01-31";
const YEAR_2022 = "/timeline?from=2022-01-01&to=2022-12-31";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The visible window from the address, in milliseconds. */
function viewOf(page: Page): { start: number; end: number } | null {
  const value = new URL(page.url()).searchParams.get("view");
  if (!value) return null;
  const [start, end] = value.split("~").map((part) => Date.parse(part));
  return { start: start!, end: end! };
}

const spanOf = (page: Page) => {
  const view = viewOf(page);
  return view ? view.end - view.start : Infinity;
};

async function slugs(page: Page, selector: string) {
  return (await page.locator(selector).evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-slug")))).sort();
}

/** The boxes of the bars drawn in a lane, in the chart's pixels. */
async function laneBars(page: Page, lane: string) {
  return page.locator(`[data-timeline-chart] [data-bar-lane="${lane}"]`).evaluateAll((groups) =>
    groups.map((group) => {
      const rects = [...group.querySelectorAll<SVGRectElement>("rect[data-solid], rect[data-fade]")];
      const x = Math.min(...rects.map((rect) => rect.x.baseVal.value));
      const right = Math.max(...rects.map((rect) => rect.x.baseVal.value + rect.width.baseVal.value));
      return { type: group.getAttribute("data-type"), end: group.getAttribute("data-end"), x, right, y: rects[0]!.y.baseVal.value };
    }),
  );
}

test("the timeline: lanes, zoom, filter and click-through", async ({ page }) => {
  await page.goto(JANUARY_2022);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Timeline");
  const chart = page.locator("[data-timeline-chart]");
  await expectChartDrawn(chart);

  // January 2022: the nationwide lane, the operators, and a lane of its own for each region cut on its own.
  const lanes = ["National", "Beeline", "Kazakhtelecom", "Kcell", "Tele2/Altel", "Almaty (regional)", "Astana (regional)", "Mangystau Region (regional)"];
  await expect(page.locator("[data-lane]")).toHaveCount(lanes.length);
  for (const lane of lanes) await expect(chart.getByText(lane, { exact: true })).toBeVisible();
  const qantar = chart.locator(`[data-slug="${QANTAR}"]`);
  await expect(qantar).toHaveCount(1);
  expect(await qantar.locator("rect[style*='-hatch']").count(), "partial phases are hatched").toBeGreaterThan(0);
  expect(await qantar.locator("rect[style*='-stripes']").count(), "intermittent phases are striped").toBeGreaterThan(0);
  // The filters' days, both included (not "2 Jan – 1 Feb", not midnight of 1 February).
  await expect(page.locator("[data-timeline-summary]")).toHaveText("1 incident from 1 Jan 2022 to 31 Jan 2022.");
  await expect(page.locator("[data-timeline-window]")).toContainText("Showing 1 Jan 2022 – 31 Jan 2022 · Times in Kazakhstan time (UTC+6)");

  // The list view holds the same incidents as the chart, with the incident page's days (its DAY end is 17 January, not 18).
  expect(await slugs(page, "[data-timeline-list] tbody tr")).toEqual(await slugs(page, "[data-timeline-chart] [data-slug]"));
  expect(await slugs(page, "[data-timeline-list] tbody tr")).toEqual([QANTAR]);
  await expect(page.locator(`[data-timeline-list] tr[data-slug="${QANTAR}"] td`).nth(1)).toHaveText("2 Jan 2022 – 17 Jan 2022");

  // Zoom in with the control: the window and the address change (without reloading the page).
  await page.getByRole("button", { name: "Zoom in" }).click();
  await expect(page).toHaveURL(/[?&]view=2022-01-\d\dT\d\d:\d\dZ~2022-01-\d\dT\d\d:\d\dZ/);
  const afterButton = spanOf(page);
  expect(afterButton).toBeLessThan(20 * DAY);

  // Zoom in and pan with the keyboard.
  await page.locator("[data-timeline-plot]").focus();
  await page.keyboard.press("+");
  await expect.poll(() => spanOf(page)).toBeLessThan(afterButton * 0.75);
  const beforePan = viewOf(page)!;
  await page.keyboard.press("ArrowLeft");
  await expect.poll(() => viewOf(page)!.start).toBeLessThan(beforePan.start);

  // A preset: one week.
  await page.getByRole("button", { name: "Week" }).click();
  await expect.poll(() => spanOf(page)).toBe(7 * DAY);
  await expect(page.getByRole("button", { name: "Week" })).toHaveAttribute("aria-pressed", "true");

  // Hover shows the summary card.
  await page.getByRole("button", { name: "Whole period" }).click();
  await expect.poll(() => viewOf(page)).toBeNull();
  await qantar.locator("rect").first().hover();
  const card = page.locator("[data-timeline-card]");
  await expect(card).toContainText("January 2022 unrest");
  await expect(card).toContainText("Full blackout");
  await expect(card).toContainText("2 Jan 2022 – 17 Jan 2022");
  await expect(card).toContainText("Beeline, Kazakhtelecom, Kcell, Tele2/Altel");

  // A filter by type changes the items and lives in the address; the zoom is kept.
  await page.getByRole("button", { name: "Zoom in" }).click();
  await expect(page).toHaveURL(/view=/);
  const zoomed = new URL(page.url()).searchParams.get("view");
  await page.locator("summary", { hasText: "Types" }).click();
  await page.getByRole("checkbox", { name: "Mobile data shutdown" }).check();
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page).toHaveURL(/type=MOBILE_DATA_SHUTDOWN/);
  expect(new URL(page.url()).searchParams.get("view")).toBe(zoomed);
  expect(await slugs(page, "[data-timeline-list] tbody tr")).toEqual(await slugs(page, "[data-timeline-chart] [data-slug]"));

  // Click-through to the incident, in the same language.
  await page.goto(`/ru${JANUARY_2022}`);
  await page.locator(`[data-timeline-chart] [data-slug="${QANTAR}"] rect`).first().click();
  await expect(page).toHaveURL(new RegExp(`/ru/incidents/${QANTAR}$`), { timeout: 45_000 });
  await expect(page.getByRole("heading", { level: 1 })).toContainText("2022");
});

test("January 2022 shows the cut, the restorations and the recuts at a glance: regional phases in their own lanes, no bar hidden under another", async ({ page }) => {
  await page.goto(JANUARY_2022);
  await expectChartDrawn(page.locator("[data-timeline-chart]"));

  // Hand-counted from the seed: 9 nationwide phases (messaging apps, Kcell and Tele2 throttled, seven cuts), 8 regional ones.
  const national = await laneBars(page, "national");
  expect(national).toHaveLength(9);
  expect(await laneBars(page, "region:almaty-city")).toHaveLength(1);
  expect(await laneBars(page, "region:astana")).toHaveLength(6);
  expect(await laneBars(page, "region:mangystau")).toHaveLength(1);
  // A regional phase never sits in the National lane; in an operator's lane it has a dashed outline.
  await expect(page.locator('[data-bar-lane="national"][data-regional]')).toHaveCount(0);
  await expect(page.locator('[data-bar-lane="kcell"][data-regional]')).toHaveCount(1);
  await expect(page.locator('[data-legend="regional"]')).toHaveText("Some regions only (dashed outline)");

  // The seven nationwide cuts share one row, each separated from the next by a visible gap: the restorations.
  const cuts = national.filter((bar) => bar.type === "FULL_BLACKOUT").sort((a, b) => a.x - b.x);
  expect(cuts).toHaveLength(7);
  expect(new Set(cuts.map((bar) => bar.y)).size).toBe(1);
  for (let index = 1; index < cuts.length; index += 1) expect(cuts[index]!.x - cuts[index - 1]!.right, `gap before cut ${index + 1}`).toBeGreaterThanOrEqual(3);

  // In every lane, bars that overlap in time are stacked: no two bars on one row overlap.
  const laneIds = await page.locator("[data-lane]").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-lane")!));
  for (const lane of laneIds) {
    const bars = await laneBars(page, lane);
    for (const [index, a] of bars.entries()) {
      for (const b of bars.slice(index + 1)) {
        if (a.y !== b.y) continue;
        expect(Math.min(a.right, b.right) - Math.max(a.x, b.x), `${lane}: two bars on one row overlap`).toBeLessThanOrEqual(0.5);
      }
    }
  }
});

test("open ends are drawn as the legend says: to the last report, not counted, ongoing", async ({ page, createIncident }) => {
  // End not recorded, counted to the last day a source reports it: solid, then fading out to that day's end, on a dotted line.
  await page.goto(JANUARY_2022);
  await expectChartDrawn(page.locator("[data-timeline-chart]"));
  const reported = page.locator('[data-bar-lane="national"][data-end="last_report"]');
  await expect(reported).toHaveCount(1);
  await expect(reported.locator("rect[data-fade]")).toHaveCount(1);
  await expect(reported.locator("line")).toHaveCount(1);
  const stops = await reported.locator("linearGradient stop").evaluateAll((nodes) => nodes.map((node) => Number(getComputedStyle(node).stopOpacity)));
  expect(stops).toEqual([1, 0.08]);
  await expect(page.locator('[data-legend="last_report"]')).toHaveText("End not recorded: fades out to the last day a source reports it");
  await expect(page.locator("[data-bar-lane] rect[data-fade]")).not.toHaveCount(0);
  // Recorded ends stay solid.
  await expect(page.locator('[data-end="recorded"] rect[data-fade]')).toHaveCount(0);

  // End not recorded and never reported (Astana, after 20:00 on 26 November 2022): a short fading stub, not a bar to now.
  await page.goto(`/timeline?incident=${ASTANA_2022}`);
  const stub = page.locator('[data-bar-lane="region:astana"][data-end="not_counted"]');
  await expect(stub).toHaveCount(1);
  await expect(stub.locator("rect[data-solid]")).toHaveCount(0);
  expect(await stub.locator("rect[data-fade]").evaluate((rect) => (rect as SVGRectElement).width.baseVal.value)).toBe(14);
  await expect(page.locator('[data-legend="not_counted"]')).toBeVisible();
  await expect(page.locator(`[data-timeline-list] tr[data-slug="${ASTANA_2022}"] td`).nth(1)).toHaveText("26 Nov 2022, 19:00 UTC+6 – end not recorded (last reported 26 November 2022)");

  // Ongoing: solid to the day staff last checked, then fading out to now, with an arrow.
  const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
  const slug = await createIncident({
    title: "Ongoing probe",
    type: "WEBSITE_BLOCKING",
    startsAt: `${day(-60)}T06:00:00Z`,
    endsAt: null as unknown as undefined,
    endStatus: "ONGOING",
    lastCheckedOn: day(-30),
  });
  await page.goto(`/timeline?incident=${slug}`);
  const ongoing = page.locator(`[data-slug="${slug}"] [data-bar-lane="national"][data-end="ongoing"]`);
  await expect(ongoing).toHaveCount(1);
  const solid = await ongoing.locator("rect[data-solid]").evaluate((rect) => (rect as SVGRectElement).width.baseVal.value);
  const fade = await ongoing.locator("rect[data-fade]").evaluate((rect) => (rect as SVGRectElement).width.baseVal.value);
  // About 30 days solid, 30 fading: roughly equal.
  expect(Math.abs(solid - fade) / (solid + fade)).toBeLessThan(0.1);
  await expect(ongoing.locator("path")).toHaveCount(1);
  await expect(page.locator('[data-legend="ongoing"]')).toBeVisible();
  await expect(page.locator(`[data-timeline-list] tr[data-slug="${slug}"] td`).nth(1)).toContainText("ongoing (last checked");
  await expect(page.locator("[data-timeline-summary]")).toContainText(/\d+ of them (is|are) ongoing/);
});

test("the Month preset shows a month with incidents, never an empty one; with an incident selected, its month", async ({ page }) => {
  await page.goto("/timeline");
  await expectChartDrawn(page.locator("[data-timeline-chart]"));
  await page.getByRole("button", { name: "Month" }).click();
  await expect(page.getByRole("button", { name: "Month" })).toHaveAttribute("aria-pressed", "true");
  // A whole calendar month, and something in it: not the empty July–August 2022 at the centre of the period.
  await expect(page.locator("[data-timeline-window]")).toHaveText(/^Showing 1 \w+ \d{4} – (28|29|30|31) \w+ \d{4} ·/);
  await expect(page.locator("[data-timeline-window]")).not.toContainText("Jul 2022");
  expect(await page.locator("[data-timeline-list] tbody tr").count()).toBeGreaterThan(0);
  await expect(page.locator("[data-timeline-chart] [data-slug]").first()).toBeVisible();

  await page.goto(`/timeline?incident=${QANTAR}`);
  await expect(page.locator(`[data-timeline-chart] [data-slug="${QANTAR}"]`)).toHaveAttribute("data-selected", "true");
  await page.getByRole("button", { name: "Month" }).click();
  await expect(page.locator("[data-timeline-window]")).toContainText("Showing 1 Jan 2022 – 31 Jan 2022");
  await page.getByRole("button", { name: "Day" }).click();
  await expect.poll(() => spanOf(page)).toBe(DAY);
  expect(await page.locator("[data-timeline-list] tbody tr").count()).toBeGreaterThan(0);
});

test("from=2022-01-01 starts on 1 January in Kazakhstan time", async ({ page }) => {
  await page.goto("/timeline?from=2022-01-01");
  await expect(page.locator("[data-timeline-summary]")).toContainText(" from 1 Jan 2022 to ");
  await expect(page.locator("[data-timeline-window]")).toContainText("Showing 1 Jan 2022 – ");
  await expect(page.locator("[data-timeline-window]")).not.toContainText("2 Jan");
  await page.goto("/timeline?from=2022-01-01&to=2022-01-31&tz=utc");
  // The filters' dates are Kazakhstan days: 1 January begins at 18:00 UTC on 31 December.
  await expect(page.locator("[data-timeline-summary]")).toHaveText("1 incident from 31 Dec 2021, 18:00 UTC to 31 Jan 2022, 18:00 UTC.");
});

test("jump to an incident or a month: plain forms that move the chart in place", async ({ page }) => {
  await page.goto("/timeline?type=FULL_BLACKOUT");
  await expectChartDrawn(page.locator("[data-timeline-chart]"));
  await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

  await page.getByRole("combobox", { name: "Jump to a month" }).selectOption("2022-01");
  await page.getByRole("form", { name: "Jump to a month" }).getByRole("button", { name: "Show" }).click();
  await expect(page.locator("[data-timeline-window]")).toContainText("Showing 1 Jan 2022 – 31 Jan 2022");
  await expect(page).toHaveURL(/view=2021-12-31T18:00Z~2022-01-31T18:00Z/);

  await page.getByRole("combobox", { name: "Jump to an incident" }).selectOption(ASTANA_2022);
  await page.getByRole("form", { name: "Jump to an incident" }).getByRole("button", { name: "Show" }).click();
  const astana = page.locator(`[data-timeline-chart] [data-slug="${ASTANA_2022}"]`);
  await expect(astana).toBeFocused();
  await expect(astana).toHaveAttribute("data-selected", "true");
  await expect(page.locator("[data-timeline-window]")).toContainText("Nov 2022");
  await expect(page).toHaveURL(new RegExp(`incident=${ASTANA_2022}`));
  await expect(page).toHaveURL(/type=FULL_BLACKOUT/);
  expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);

  // The address it leaves reopens the same view.
  await page.reload();
  await expect(page.locator(`[data-timeline-chart] [data-slug="${ASTANA_2022}"]`)).toHaveAttribute("data-selected", "true");
  await expect(page.locator("[data-timeline-window]")).toContainText("Nov 2022");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("jump to an incident or a month works as a GET form, keeping the filters", async ({ page }) => {
    await page.goto("/timeline?type=FULL_BLACKOUT");
    await page.getByRole("combobox", { name: "Jump to an incident" }).selectOption(QANTAR);
    await page.getByRole("form", { name: "Jump to an incident" }).getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(new RegExp(`/timeline\\?type=FULL_BLACKOUT&incident=${QANTAR}$`));
    await expect(page.locator(`[data-timeline-chart] [data-slug="${QANTAR}"]`)).toHaveAttribute("data-selected", "true");
    // The incident whole (2 to 17 January: 16 days), with 8% of room on both sides (30 h 43 min).
    await expect(page.locator("[data-timeline-window]")).toContainText("Showing 31 Dec 2021, 17:16 UTC+6 – 19 Jan 2022, 06:43 UTC+6");

    await page.getByRole("combobox", { name: "Jump to a month" }).selectOption("2022-11");
    await page.getByRole("form", { name: "Jump to a month" }).getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/\/timeline\?type=FULL_BLACKOUT&month=2022-11$/);
    await expect(page.locator("[data-timeline-window]")).toContainText("Showing 1 Nov 2022 – 30 Nov 2022");
    await expect(page.locator(`[data-timeline-chart] [data-slug="${ASTANA_2022}"]`)).toBeVisible();
  });
});

test("a bad view, month or incident is ignored with a notice", async ({ page }) => {
  await page.goto(`${JANUARY_2022}&view=yesterday&month=2022-13&incident=no-such-incident`);
  const notice = page.getByRole("status").filter({ hasText: "view=yesterday" });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("month=2022-13");
  await expect(notice).toContainText("incident=no-such-incident");
  await expectChartDrawn(page.locator("[data-timeline-chart]"));
  // A month outside the chosen period.
  await page.goto(`${JANUARY_2022}&month=2023-04`);
  await expect(page.getByRole("status").filter({ hasText: "month=2023-04" })).toBeVisible();
});

test("keyboard users move between incidents, see the card and open one", async ({ page }) => {
  await page.goto(YEAR_2022);
  const item = (slug: string) => page.locator(`[data-timeline-chart] [data-slug="${slug}"]`);
  await page.locator("[data-timeline-plot]").focus();
  await page.keyboard.press("Tab");
  // Incidents in time order: Qantar first, the Astana cut of 26 November last.
  await expect(item(QANTAR)).toBeFocused();
  await expect(page.locator("[data-timeline-card]")).toContainText("Qantar");
  await page.keyboard.press("ArrowRight");
  await expect(item(QANTAR)).not.toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.locator("[data-timeline-card]")).toHaveCount(0);
  await page.keyboard.press("End");
  await expect(item(ASTANA_2022)).toBeFocused();
  await page.keyboard.press("Home");
  await expect(item(QANTAR)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/incidents/${QANTAR}$`), { timeout: 45_000 });
});

test("End and Home work when the chart is zoomed, keeping the zoom and never scrolling the page", async ({ page }) => {
  await page.goto(YEAR_2022);
  await expectChartDrawn(page.locator("[data-timeline-chart]"));
  const plot = page.locator("[data-timeline-plot]");
  await plot.focus();
  for (let step = 0; step < 4; step += 1) await page.keyboard.press("+");
  await expect.poll(() => spanOf(page)).toBeLessThan(40 * DAY);
  const span = spanOf(page);
  const scrolled = await page.evaluate(() => window.scrollY);

  await page.keyboard.press("End");
  // The period ends with 31 December 2022 in Kazakhstan: 18:00 UTC.
  await expect.poll(() => viewOf(page)?.end).toBe(Date.parse("2022-12-31T18:00:00Z"));
  // The address is written to the minute.
  expect(Math.abs(spanOf(page) - span)).toBeLessThanOrEqual(60_000);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
  await expect(plot).toBeFocused();

  await page.keyboard.press("Home");
  await expect.poll(() => viewOf(page)?.start).toBe(Date.parse("2021-12-31T18:00:00Z"));
  expect(Math.abs(spanOf(page) - span)).toBeLessThanOrEqual(60_000);

  // On an incident, End goes to the last one, moving the window there without zooming out.
  await page.keyboard.press("Tab");
  await expect(page.locator(`[data-timeline-chart] [data-slug="${QANTAR}"]`)).toBeFocused();
  await page.keyboard.press("End");
  await expect(page.locator(`[data-timeline-chart] [data-slug="${ASTANA_2022}"]`)).toBeFocused();
  const astanaStart = Date.parse("2022-11-26T13:00:00Z");
  await expect.poll(() => {
    const view = viewOf(page);
    return view !== null && view.start < astanaStart && astanaStart < view.end;
  }).toBe(true);
  expect(Math.abs(spanOf(page) - span)).toBeLessThanOrEqual(60_000);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
});

test("times show in Kazakhstan time, or in UTC on request", async ({ page }) => {
  const day = "view=2022-01-05T00:00Z~2022-01-06T00:00Z";
  await page.goto(`${JANUARY_2022}&${day}`);
  const ticks = page.locator("[data-timeline-tick]");
  await expect(page.locator("[data-timeline-zone]")).toHaveText("UTC+6");
  await expect(ticks.first()).toBeVisible();
  const local = await ticks.allTextContents();
  expect(local).toContain("6 Jan"); // Kazakhstan midnight is 18:00 UTC
  expect(local[0]).toBe("06:00");
  await expect(page.locator("[data-timeline-window]")).toContainText("5 Jan 2022, 06:00 UTC+6 – 6 Jan 2022, 06:00 UTC+6");
  await page.goto(`${JANUARY_2022}&tz=utc&${day}`);
  await expect(page.locator("[data-timeline-zone]")).toHaveText("UTC");
  const utc = await ticks.allTextContents();
  expect(utc).not.toEqual(local);
  expect(utc[0]).toBe("5 Jan");
  // A whole UTC day reads as that day.
  await expect(page.locator("[data-timeline-window]")).toContainText("Showing 5 Jan 2022 · Times in UTC");
});

test("the overview's compact timeline leads to the timeline", async ({ page }) => {
  await page.goto("/");
  await expectChartDrawn(page.locator("[data-compact-timeline]"));
  await page.getByRole("link", { name: "Open the timeline" }).click();
  await expect(page).toHaveURL(/\/timeline$/);
  await expectChartDrawn(page.locator("[data-timeline-chart]"));
});

for (const path of ["/timeline", JANUARY_2022, `/timeline?incident=${QANTAR}`, "/ru/timeline?from=2022-01-01&to=2022-01-31&tz=utc"]) {
  test(`axe finds no serious violations on ${path}`, async ({ page, expectAccessible }) => {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await expect(page.locator("[data-timeline-chart] [data-slug]").first()).toBeVisible();
    // One scan, with the card open: the page as it was, plus the card.
    await page.locator("[data-timeline-chart] [data-slug]").first().focus();
    await expect(page.locator("[data-timeline-card]")).toBeVisible();
    await expectAccessible();
  });
}

test.describe("at 360 px", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test("the timeline fits the screen, draws, jumps and passes axe", async ({ page, expectAccessible }) => {
    await page.goto(JANUARY_2022);
    await page.waitForLoadState("networkidle");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectChartDrawn(page.locator("[data-timeline-chart]"));
    await page.getByRole("button", { name: "Day" }).click();
    await expect.poll(() => spanOf(page)).toBe(DAY);
    await expectAccessible();
    await page.getByRole("combobox", { name: "Jump to an incident" }).selectOption(QANTAR);
    await page.getByRole("form", { name: "Jump to an incident" }).getByRole("button", { name: "Show" }).click();
    await expect(page.locator(`[data-timeline-chart] [data-slug="${QANTAR}"]`)).toBeFocused();
    await expectAccessible();
  });

  test("an embedded timeline, before it is touched, keeps its drawn size and scrolls sideways; once touched, it fits the screen", async ({ page }) => {
    await page.goto("/embed/timeline?from=2022-01-01&to=2022-01-31");
    const plot = page.locator("[data-timeline-plot]");
    const sizes = () =>
      plot.evaluate((element) => ({
        measured: element.hasAttribute("data-measured"),
        svg: element.querySelector("svg")!.getBoundingClientRect().width,
        plot: element.clientWidth,
        scroll: element.scrollWidth,
        page: document.documentElement.scrollWidth - window.innerWidth,
      }));
    // The server's drawing: 960 px of chart in a 360 px screen, its labels at their size, the page itself not wider than the screen.
    const before = await sizes();
    expect(before.measured).toBe(false);
    expect(before.svg).toBeGreaterThanOrEqual(900);
    expect(before.scroll).toBeGreaterThan(before.plot);
    expect(before.page).toBeLessThanOrEqual(0);
    // Touched, the embed hydrates and redraws the chart to the frame's width.
    await plot.focus();
    await expect.poll(async () => (await sizes()).measured, { timeout: 20_000 }).toBe(true);
    const after = await sizes();
    expect(Math.abs(after.svg - after.plot)).toBeLessThanOrEqual(2);
    expect(after.scroll).toBeLessThanOrEqual(after.plot + 1);
  });
});

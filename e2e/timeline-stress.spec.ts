/**
 * The timeline stays smooth with 2,000 incidents. Runs in its own Playwright
 * project after the main one (playwright.config.ts), because it adds 2,000
 * published incidents to the shared e2e database — in 2012–2013, a period no
 * other spec looks at, but they still change global counts (the overview's
 * per-year table, "all incidents" lists) for anything that ran later.
 *
 * What it measures, for each zoom or pan: the time from the input event to the
 * first animation frame after the chart changed (input-to-next-frame), and every
 * long task (over 50 ms) while interacting. The figures are printed.
 *
 * In `npm test` the run guards against a hang only (1,000 ms; 5,000 ms against
 * `next dev`, E2E_NEXT_MODE=dev, whose development React varies several-fold
 * with load): a timing budget is a benchmark's job, not a test's, and CI's
 * machine is shared. `npm run bench:timeline` runs this same spec alone on a
 * fresh production build with the timeline's budget, TIMELINE_BUDGET_MS=200
 * (RAIL's 100 ms "response", doubled for a two-core machine that also serves)
 * per interaction and per long task, and fails above it.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Page } from "@playwright/test";
import { devBaseURL, keepDevPageStill } from "./fixtures/dev-server";
import { expect, test } from "./fixtures/test";

const COUNT = 2000;
const PERIOD = "/timeline?from=2012-01-01&to=2013-12-31";
const DEV = process.env.E2E_NEXT_MODE === "dev";
const BUDGET_MS = Number(process.env.TIMELINE_BUDGET_MS) || (DEV ? 5000 : 1000);
const MAX_INPUT_TO_FRAME_MS = BUDGET_MS;
const MAX_LONG_TASK_MS = BUDGET_MS;

test.use(devBaseURL ? { baseURL: devBaseURL } : {});
test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      "e2e/fixtures/create-incidents-bulk.ts",
      JSON.stringify({ count: COUNT, from: "2012-01-01T00:00:00Z", to: "2013-12-25T00:00:00Z", prefix: "stress" }),
    ],
    { env: { ...process.env, NODE_OPTIONS: "" } },
  );
  console.log(`[timeline stress] created: ${stdout.trim().split("\n").at(-1)}`);
});

/** Installs the probes: long tasks, and input-to-next-frame for the chart. */
async function installProbes(page: Page) {
  await page.addInitScript(() => {
    type Probe = { longTasks: number[]; inputAt: number | null; latency: number | null; arm: () => void };
    const probe: Probe = {
      longTasks: [],
      inputAt: null,
      latency: null,
      arm() {
        probe.inputAt = null;
        probe.latency = null;
      },
    };
    (window as unknown as { __timelineProbe: Probe }).__timelineProbe = probe;
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => probe.longTasks.push(entry.duration))).observe({ type: "longtask" });
    for (const type of ["wheel", "keydown", "pointerdown", "click"]) {
      window.addEventListener(type, (event) => {
        if (probe.inputAt === null) probe.inputAt = event.timeStamp;
      }, { capture: true });
    }
    const watch = () => {
      const chart = document.querySelector("[data-timeline-chart]");
      if (!chart) return void requestAnimationFrame(watch);
      new MutationObserver(() => {
        if (probe.inputAt === null || probe.latency !== null) return;
        const inputAt = probe.inputAt;
        requestAnimationFrame((frame) => {
          if (probe.latency === null) probe.latency = frame - inputAt;
        });
      }).observe(chart, { subtree: true, childList: true, attributes: true });
    };
    watch();
  });
}

type ProbeWindow = { __timelineProbe: { longTasks: number[]; latency: number | null; arm: () => void } };

const readProbe = (page: Page) =>
  page.evaluate(() => {
    const probe = (window as unknown as ProbeWindow).__timelineProbe;
    return { latency: probe.latency, longTasks: [...probe.longTasks] };
  });

async function measure(page: Page, label: string, act: () => Promise<void>): Promise<number> {
  await page.evaluate(() => (window as unknown as ProbeWindow).__timelineProbe.arm());
  await act();
  await expect.poll(async () => (await readProbe(page)).latency, { message: `${label}: the chart changed` }).not.toBeNull();
  const latency = (await readProbe(page)).latency!;
  console.log(`[timeline stress] ${label}: ${latency.toFixed(1)} ms input-to-next-frame`);
  return latency;
}

test("the timeline stays responsive with 2,000 incidents", async ({ page }) => {
  test.setTimeout(180_000);
  await keepDevPageStill(page);
  await installProbes(page);
  await page.goto(PERIOD);
  await expect(page.locator("[data-timeline-summary]")).toContainText("2,000 incidents");
  const chart = page.locator("[data-timeline-chart]");
  await expect(chart.locator("[data-slug]").first()).toBeVisible();
  await page.waitForLoadState("networkidle");

  // Zoomed out, close bars are merged: far fewer elements than incidents.
  const elements = await chart.locator("rect").count();
  console.log(`[timeline stress] whole period: ${elements} rects for ${COUNT} incidents`);
  expect(elements).toBeLessThan(3000);
  // The list view is the same incidents, 50 rows at a time.
  await expect(page.locator("[data-timeline-list] caption")).toContainText("2,000 incidents");
  await expect(page.locator("[data-timeline-list] tbody tr")).toHaveCount(50);

  await page.evaluate(() => {
    (window as unknown as ProbeWindow).__timelineProbe.longTasks.length = 0;
  });
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  const centre = { x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 200) };
  const latencies: number[] = [];
  latencies.push(await measure(page, "wheel zoom in", async () => {
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.wheel(0, -400);
  }));
  latencies.push(await measure(page, "button zoom in", () => page.getByRole("button", { name: "Zoom in" }).click()));
  // Focus first: what is measured is the key, not what focusing the chart does.
  await page.locator("[data-timeline-plot]").focus();
  latencies.push(await measure(page, "keyboard zoom in (+)", () => page.keyboard.press("+")));
  latencies.push(await measure(page, "keyboard pan (→)", () => page.keyboard.press("ArrowRight")));
  latencies.push(await measure(page, "drag pan", async () => {
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.down();
    for (let step = 1; step <= 10; step += 1) await page.mouse.move(centre.x - step * 20, centre.y);
    await page.mouse.up();
  }));
  latencies.push(await measure(page, "preset: month", () => page.getByRole("button", { name: "Month" }).click()));
  latencies.push(await measure(page, "brush on the overview strip", async () => {
    await page.locator("[data-timeline-overview]").scrollIntoViewIfNeeded();
    const strip = (await page.locator("[data-timeline-overview]").boundingBox())!;
    await page.mouse.move(strip.x + strip.width * 0.2, strip.y + strip.height / 2);
    await page.mouse.down();
    await page.mouse.move(strip.x + strip.width * 0.5, strip.y + strip.height / 2, { steps: 8 });
    await page.mouse.up();
  }));
  latencies.push(await measure(page, "wheel zoom out", async () => {
    await chart.scrollIntoViewIfNeeded();
    const again = (await chart.boundingBox())!;
    await page.mouse.move(again.x + again.width / 2, again.y + 40);
    await page.mouse.wheel(0, 600);
  }));
  latencies.push(await measure(page, "reset to the whole period", () => page.getByRole("button", { name: "Whole period" }).click()));

  const { longTasks } = await readProbe(page);
  console.log(
    `[timeline stress] input-to-next-frame: max ${Math.max(...latencies).toFixed(1)} ms, median ${[...latencies].sort((a, b) => a - b)[Math.floor(latencies.length / 2)]!.toFixed(1)} ms; ` +
      `long tasks while interacting: ${longTasks.length} (longest ${longTasks.length ? Math.max(...longTasks).toFixed(1) : 0} ms)`,
  );
  expect(Math.max(...latencies)).toBeLessThan(MAX_INPUT_TO_FRAME_MS);
  expect(Math.max(0, ...longTasks)).toBeLessThan(MAX_LONG_TASK_MS);
  await expect(page).toHaveURL(/\/timeline\?from=2012-01-01&to=2013-12-31$/);
});

import { gzipSync } from "node:zlib";
import { expect, test, type Browser } from "@playwright/test";

/**
 * Page weight of each view, measured on the production build as Chromium loads
 * it: the JavaScript every page downloads (raw and gzip). The figures are
 * printed (and recorded in the README); the test fails when a page without a
 * Recharts chart loads Recharts, or when a view outgrows its budget.
 */

type Weight = { path: string; scripts: number; rawKb: number; gzipKb: number; recharts: boolean };

/** Pages that draw a Recharts chart; every other page must not load the library. */
const PAGES: { path: string; recharts: boolean }[] = [
  { path: "/", recharts: true },
  { path: "/incidents", recharts: false },
  { path: "/incidents/2022-01-qantar-shutdowns", recharts: false },
  { path: "/timeline", recharts: false },
  { path: "/map", recharts: false },
  { path: "/isps", recharts: true },
  { path: "/isps/kcell", recharts: true },
];

/** Budget for the JavaScript a view downloads, gzip. Next.js and React alone are about 150 kB of it. */
const BUDGET_GZIP_KB = { withRecharts: 320, withoutRecharts: 200 };

// A marker only Recharts' code contains (its wrapper's class name).
const RECHARTS_MARKER = "recharts-wrapper";

/** Loads a page in a fresh context (nothing cached) and weighs the scripts it downloads. */
async function measure(browser: Browser, baseURL: string, path: string): Promise<Weight> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const bodies: Buffer[] = [];
  const pending: Promise<void>[] = [];
  page.on("response", (response) => {
    const type = response.request().resourceType();
    if (type !== "script") return;
    pending.push(
      response
        .body()
        .then((body) => void bodies.push(body))
        .catch(() => undefined),
    );
  });
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await Promise.all(pending);
  await context.close();
  const raw = bodies.reduce((sum, body) => sum + body.length, 0);
  const gzip = bodies.reduce((sum, body) => sum + gzipSync(body).length, 0);
  return {
    path,
    scripts: bodies.length,
    rawKb: Math.round(raw / 1024),
    gzipKb: Math.round(gzip / 1024),
    recharts: bodies.some((body) => body.includes(RECHARTS_MARKER)),
  };
}

test("each view loads lean JavaScript, and Recharts only where it draws a chart", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const weights: Weight[] = [];
  for (const { path } of PAGES) weights.push(await measure(browser, baseURL!, path));
  console.log(
    ["page weight (JavaScript, production build)", ...weights.map((w) => `${w.path}\t${w.scripts} scripts\t${w.rawKb} kB raw\t${w.gzipKb} kB gzip\trecharts: ${w.recharts}`)].join(
      "\n",
    ),
  );
  for (const [index, weight] of weights.entries()) {
    const expected = PAGES[index]!;
    expect(weight.recharts, `${weight.path} loads Recharts`).toBe(expected.recharts);
    const budget = expected.recharts ? BUDGET_GZIP_KB.withRecharts : BUDGET_GZIP_KB.withoutRecharts;
    expect(weight.gzipKb, `${weight.path} JavaScript (kB gzip)`).toBeLessThanOrEqual(budget);
  }
});

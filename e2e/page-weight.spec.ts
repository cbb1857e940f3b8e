import { gzipSync } from "node:zlib";
import type { Browser } from "@playwright/test";
import { expect, test } from "./fixtures/test";

/**
 * Page weight of each view and embed, measured on the production build as
 * Chromium loads it (a fresh context: nothing cached), against issue 15's
 * budgets:
 * - JavaScript (every script the page downloads until the network is idle,
 *   gzip-ed here): an embed at most 60 kB, the operator pages at most 150 kB,
 *   every other page at most 180 kB (Next.js and React are about 150 kB of a
 *   full page; Recharts, 110 kB more, must not come back);
 * - HTML: the document as served, raw, and the RSC payload Next.js inlines in
 *   it (`self.__next_f.push(…)` scripts), which repeats the page's content for
 *   hydration: limits per page below;
 * - no page or embed loads Recharts (issue 15: every chart is drawn on the
 *   server).
 * The figures are printed (the README's page-weight table comes from them).
 * `npm run bench:web` measures the same on a throttled link with the times.
 */

const QANTAR = "2022-01-qantar-shutdowns";
const KCELL_JANUARY = "?from=2022-01-01&to=2022-01-31";

/** kB (1,000 bytes). */
type Budget = { scriptGzipKb: number; htmlKb: number; rscKb: number };
const EMBED: Budget = { scriptGzipKb: 60, htmlKb: 80, rscKb: 40 };
const OPERATOR_PAGE: Budget = { scriptGzipKb: 150, htmlKb: 160, rscKb: 80 };
const PAGE: Budget = { scriptGzipKb: 180, htmlKb: 160, rscKb: 80 };

const PAGES: { path: string; budget: Budget }[] = [
  { path: "/", budget: PAGE },
  { path: "/incidents", budget: PAGE },
  { path: `/incidents/${QANTAR}`, budget: PAGE },
  { path: "/timeline", budget: PAGE },
  { path: "/map", budget: PAGE },
  { path: "/isps", budget: OPERATOR_PAGE },
  { path: `/isps/kcell${KCELL_JANUARY}`, budget: OPERATOR_PAGE },
  { path: "/embed/overview", budget: EMBED },
  { path: "/embed/timeline", budget: EMBED },
  { path: "/embed/map", budget: EMBED },
  { path: "/embed/isps", budget: EMBED },
  { path: `/embed/isp/kcell${KCELL_JANUARY}`, budget: EMBED },
  { path: `/embed/incident/${QANTAR}`, budget: EMBED },
];

// A marker only Recharts' code contains (its wrapper's class name).
const RECHARTS_MARKER = "recharts-wrapper";
const RSC_SCRIPT = /<script[^>]*>self\.__next_f\.push\([\s\S]*?<\/script>/g;

type Weight = { scripts: number; rawKb: number; gzipKb: number; recharts: boolean; htmlKb: number; rscKb: number };
const kb = (bytes: number) => Math.round(bytes / 100) / 10;

/** Loads a page in a fresh context (nothing cached) and weighs its document and the scripts it downloads. */
async function measure(browser: Browser, baseURL: string, path: string): Promise<Weight> {
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    const bodies: Buffer[] = [];
    const pending: Promise<void>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      pending.push(
        response
          .body()
          .then((body) => void bodies.push(body))
          .catch(() => undefined),
      );
    });
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const html = (await response!.body()).toString("utf8");
    await page.waitForLoadState("networkidle");
    await Promise.all(pending);
    const rsc = (html.match(RSC_SCRIPT) ?? []).reduce((sum, script) => sum + Buffer.byteLength(script), 0);
    return {
      scripts: bodies.length,
      rawKb: kb(bodies.reduce((sum, body) => sum + body.length, 0)),
      gzipKb: kb(bodies.reduce((sum, body) => sum + gzipSync(body).length, 0)),
      recharts: bodies.some((body) => body.includes(RECHARTS_MARKER)),
      htmlKb: kb(Buffer.byteLength(html)),
      rscKb: kb(rsc),
    };
  } finally {
    await context.close();
  }
}

// Kcell's measured chart draws the example feed files of January 2022 (a replay stores nothing): weigh the page with them.
test.beforeAll(async ({ fixtureRunner }) => {
  await fixtureRunner.run("load-example-data", {});
});

for (const { path, budget } of PAGES) {
  test(`${path}: JavaScript ≤ ${budget.scriptGzipKb} kB gzip, HTML ≤ ${budget.htmlKb} kB with ≤ ${budget.rscKb} kB of RSC payload, no Recharts`, async ({ browser, baseURL }) => {
    const weight = await measure(browser, baseURL!, path);
    console.log(
      `page weight ${path}\t${weight.scripts} scripts\t${weight.rawKb} kB raw\t${weight.gzipKb} kB gzip\tHTML ${weight.htmlKb} kB (RSC ${weight.rscKb} kB)\trecharts: ${weight.recharts}`,
    );
    expect.soft(weight.recharts, `${path} loads Recharts`).toBe(false);
    expect.soft(weight.gzipKb, `${path} JavaScript (kB gzip)`).toBeLessThanOrEqual(budget.scriptGzipKb);
    expect.soft(weight.htmlKb, `${path} HTML (kB)`).toBeLessThanOrEqual(budget.htmlKb);
    expect.soft(weight.rscKb, `${path} RSC payload in the HTML (kB)`).toBeLessThanOrEqual(budget.rscKb);
  });
}

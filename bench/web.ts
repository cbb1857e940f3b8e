/**
 * `npm run bench:web`: what a reader sees, measured in Chromium. Run by
 * `npm run bench:web` after `next build`.
 *
 * Starts the production server on a fresh database (bench/lib/bench-server.ts:
 * seed plus the January 2022 example feeds), then opens each view and embed in
 * a new browser context (a cold cache) at 390 × 844, once on a slow mobile
 * link (400 kbit/s down, 200 kbit/s up, 400 ms round trip: Chromium's network
 * emulation over the DevTools protocol) and once on a fast one (20 Mbit/s,
 * 5 Mbit/s, 20 ms), and prints for each:
 * - first contentful paint;
 * - charts drawn: the first moment every chart is in the page with its size
 *   (an `svg` at least 200 × 60 px, or an HTML chart, `[data-chart-html]`), and
 *   no chart is still waiting for JavaScript to draw it (a Recharts container
 *   without its `svg`), whether or not it is scrolled into view;
 * - the load event;
 * - bytes transferred by type (document, scripts, styles, fonts, images, other).
 * Then it checks issue 15's targets on the slow link: every chart drawn within
 *  1.5 s, an embed's JavaScript at most 60 kB and the operator page's at most
 * 150 kB (transferred, i.e. compressed), and exits with 1 when one is missed.
 */
import { chromium, type Browser, type CDPSession } from "@playwright/test";
import { existsSync } from "node:fs";
import { startBenchServer } from "./lib/bench-server";

const print = (line: string) => console.log(`[bench:web] ${line}`);

const VIEWS = [
  { name: "overview", path: "/" },
  { name: "incident", path: "/incidents/2022-01-qantar-shutdowns" },
  { name: "timeline", path: "/timeline?from=2022-01-01&to=2022-01-31" },
  { name: "map", path: "/map?from=2022-01-01&to=2022-01-31" },
  { name: "operators", path: "/isps?from=2022-01-01&to=2022-01-31" },
  { name: "operator", path: "/isps/kcell?from=2022-01-01&to=2022-01-31" },
  { name: "embed overview", path: "/embed/overview" },
  { name: "embed timeline", path: "/embed/timeline?from=2022-01-01&to=2022-01-31" },
  { name: "embed map", path: "/embed/map?from=2022-01-01&to=2022-01-31" },
  { name: "embed operators", path: "/embed/isps?from=2022-01-01&to=2022-01-31" },
  { name: "embed operator", path: "/embed/isp/kcell?from=2022-01-01&to=2022-01-31" },
  { name: "embed incident", path: "/embed/incident/2022-01-qantar-shutdowns" },
] as const;

/** Bytes per second from kilobits per second. */
const kbit = (value: number) => (value * 1000) / 8;
const LINKS = {
  slow: { latency: 400, downloadThroughput: kbit(400), uploadThroughput: kbit(200) },
  fast: { latency: 20, downloadThroughput: kbit(20_000), uploadThroughput: kbit(5_000) },
} as const;
type LinkName = keyof typeof LINKS;

const TARGETS = { chartDrawnMs: 1_500, embedScriptBytes: 60_000, operatorScriptBytes: 150_000 };

type Bytes = Record<"document" | "script" | "style" | "font" | "image" | "other", number>;
type Measurement = { view: string; path: string; link: LinkName; fcp: number | null; chart: number | null; load: number | null; bytes: Bytes };

const TYPE_OF: Record<string, keyof Bytes> = { Document: "document", Script: "script", Stylesheet: "style", Font: "font", Image: "image" };

/** Sums what arrives over the wire, by Chromium's resource type. */
function countBytes(cdp: CDPSession): Bytes {
  const bytes: Bytes = { document: 0, script: 0, style: 0, font: 0, image: 0, other: 0 };
  const types = new Map<string, keyof Bytes>();
  cdp.on("Network.responseReceived", (event) => types.set(event.requestId, TYPE_OF[event.type] ?? "other"));
  cdp.on("Network.loadingFinished", (event) => {
    bytes[types.get(event.requestId) ?? "other"] += event.encodedDataLength;
  });
  return bytes;
}

/**
 * Runs in the page before anything else: records when every chart is in the
 * page with its size (none waiting for JavaScript). A string, not a function: tsx would wrap a function's
 * inner helpers in a `__name` call the page does not have.
 */
const WATCH_FOR_CHART = `
  (() => {
    const found = () => {
      for (const container of document.querySelectorAll(".recharts-responsive-container")) {
        if (!container.querySelector("svg")) return false;
      }
      for (const element of document.querySelectorAll("svg, [data-chart-html]")) {
        const box = element.getBoundingClientRect();
        if (box.width >= 200 && box.height >= 60) return true;
      }
      return false;
    };
    const check = () => {
      if (found()) window.__chartDrawnAt = performance.now();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })();
`;

async function measureView(browser: Browser, origin: string, view: (typeof VIEWS)[number], link: LinkName): Promise<Measurement> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", { offline: false, ...LINKS[link] });
  const bytes = countBytes(cdp);
  await page.addInitScript({ content: WATCH_FOR_CHART });
  await page.goto(`${origin}${view.path}`, { waitUntil: "load", timeout: 120_000 });
  // What loads after the load event (islands, lazily loaded code) counts too.
  await page.waitForLoadState("networkidle", { timeout: 60_000 }).catch(() => undefined);
  // A chart drawn by JavaScript after hydration may come a little later still.
  await page.waitForFunction(() => "__chartDrawnAt" in window, undefined, { timeout: 15_000 }).catch(() => undefined);
  const timings = await page.evaluate(() => {
    const paint = performance.getEntriesByName("first-contentful-paint")[0];
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    return {
      fcp: paint ? paint.startTime : null,
      chart: (window as unknown as { __chartDrawnAt?: number }).__chartDrawnAt ?? null,
      load: navigation && navigation.loadEventEnd > 0 ? navigation.loadEventEnd : null,
    };
  });
  await context.close();
  return { view: view.name, path: view.path, link, ...timings, bytes: { ...bytes } };
}

const seconds = (ms: number | null) => (ms === null ? "—" : `${(ms / 1000).toFixed(2)} s`);
const kilobytes = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function report(rows: Measurement[]) {
  const header = ["view", "link", "FCP", "charts drawn", "load", "document", "scripts", "styles", "fonts", "images", "other"];
  const lines = rows.map((row) => [
    row.view,
    row.link,
    seconds(row.fcp),
    seconds(row.chart),
    seconds(row.load),
    kilobytes(row.bytes.document),
    kilobytes(row.bytes.script),
    kilobytes(row.bytes.style),
    kilobytes(row.bytes.font),
    kilobytes(row.bytes.image),
    kilobytes(row.bytes.other),
  ]);
  const widths = header.map((_, column) => Math.max(header[column]!.length, ...lines.map((line) => line[column]!.length)));
  for (const line of [header, ...lines]) print(line.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  "));
}

function checkTargets(rows: Measurement[]): boolean {
  const slow = rows.filter((row) => row.link === "slow");
  const checks = [
    ...slow.map((row) => ({ label: `${row.view}: charts drawn ${seconds(row.chart)} ≤ ${seconds(TARGETS.chartDrawnMs)}`, pass: row.chart !== null && row.chart <= TARGETS.chartDrawnMs })),
    ...slow
      .filter((row) => row.path.startsWith("/embed/"))
      .map((row) => ({ label: `${row.view}: JavaScript ${kilobytes(row.bytes.script)} ≤ ${kilobytes(TARGETS.embedScriptBytes)}`, pass: row.bytes.script <= TARGETS.embedScriptBytes })),
    ...slow
      .filter((row) => row.view === "operator")
      .map((row) => ({ label: `${row.view}: JavaScript ${kilobytes(row.bytes.script)} ≤ ${kilobytes(TARGETS.operatorScriptBytes)}`, pass: row.bytes.script <= TARGETS.operatorScriptBytes })),
  ];
  for (const check of checks) print(`target: ${check.label}: ${check.pass ? "PASS" : "FAIL"}`);
  return checks.every((check) => check.pass);
}

async function main() {
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  const bench = await startBenchServer({
    name: "web",
    script: "bench:web",
    // One client opens every page, each render new: the per-address render budget would answer 429.
    env: { CACHE_MISS_RATE_LIMIT_PER_MINUTE: "1000000" },
  });
  let passed = false;
  const browser = await chromium.launch({
    executablePath,
    args: [...(process.getuid?.() === 0 ? ["--no-sandbox"] : []), "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
  });
  try {
    print(`production server on ${bench.origin}, fresh database ${bench.databaseName}`);
    // Warm the server once per address (compiled routes, its response cache): the link is what is measured, not a first render.
    for (const view of VIEWS) await (await fetch(`${bench.origin}${view.path}`)).arrayBuffer();
    const rows: Measurement[] = [];
    for (const link of ["slow", "fast"] as const) {
      for (const view of VIEWS) {
        const row = await measureView(browser, bench.origin, view, link);
        print(`${link} ${view.path}: FCP ${seconds(row.fcp)}, charts ${seconds(row.chart)}, load ${seconds(row.load)}, JS ${kilobytes(row.bytes.script)}`);
        rows.push(row);
      }
    }
    report(rows);
    passed = checkTargets(rows);
  } finally {
    await browser.close();
    await bench.stop();
  }
  if (!passed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`[bench:web] ${(error as Error)?.message ?? String(error)}`);
  process.exitCode = 1;
});

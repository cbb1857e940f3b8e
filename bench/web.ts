/**
 * `npm run bench:web -- [--runs N] [--only <view>]`: what a reader sees,
 * measured in Chromium. Run by `npm run bench:web` after `next build`.
 *
 * Starts the production server on a fresh database (bench/lib/bench-server.ts:
 * seed plus the January 2022 example feeds), then opens each view and embed of
 * issue 15 in a new browser context (a cold cache: nothing kept between loads,
 * the browser's cache disabled) at 390 × 844, once on a slow mobile link
 * (400 kbit/s down, 200 kbit/s up, 400 ms round trip: Chromium's network
 * emulation over the DevTools protocol) and once on a fast one (20 Mbit/s,
 * 5 Mbit/s, 20 ms), and prints for each:
 * - first contentful paint;
 * - charts visible: the first frame in which every chart the view has (each
 *   `[data-chart="<name>"]` listed below, ARCHITECTURE.md "How a chart says it
 *   is there"; every element of that name) is laid out with a size, visible,
 *   with its svg (or its HTML drawing) sized, and at least one of them with a
 *   drawn mark (`[data-chart-mark]` with a size) — whether or not it is
 *   scrolled into view. A chart that is missing, unmarked or never drawn
 *   gives "—";
 * - the load event;
 * - bytes: the HTML (transferred, raw, and the raw bytes of the RSC payload
 *   inlined in it), the JavaScript (transferred, and each script's body gzip-ed
 *   here at level 9 — the budget's measure, whatever the server sends),
 *   styles, fonts, images and the rest (transferred). Everything the page loads
 *   until the network is idle counts: islands and lazily loaded code too.
 * With `--runs N` each figure is the median of N cold loads.
 *
 * Then it checks issue 15's targets on the slow link — every chart visible
 * within 1.5 s; an embed's JavaScript at most 60 kB gzip, the operator page's at
 * most 150 kB — prints them PASS/FAIL, prints a Markdown table for the README,
 * and exits with 1 when a target is missed.
 */
import { chromium, type Browser, type CDPSession } from "@playwright/test";
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { startBenchServer } from "./lib/bench-server";

const print = (line: string) => console.log(`[bench:web] ${line}`);

const QANTAR = "2022-01-qantar-shutdowns";
const KCELL_JANUARY = "/isps/kcell?from=2022-01-01&to=2022-01-31";

/** Every view and embed of issue 15, with the charts each draws (their `data-chart` names). */
const VIEWS: { name: string; path: string; charts: string[]; embed?: true; operatorPage?: true }[] = [
  { name: "overview", path: "/", charts: ["per-year", "compact-timeline"] },
  { name: "incident", path: `/incidents/${QANTAR}`, charts: ["phases"] },
  { name: "timeline", path: "/timeline", charts: ["timeline"] },
  { name: "map", path: "/map", charts: ["map"] },
  { name: "operators", path: "/isps", charts: ["comparison", "hours"] },
  { name: "operator", path: KCELL_JANUARY, charts: ["hours", "signals"], operatorPage: true },
  { name: "embed timeline", path: "/embed/timeline", charts: ["timeline"], embed: true },
  { name: "embed map", path: "/embed/map", charts: ["map"], embed: true },
  { name: "embed operators", path: "/embed/isps", charts: ["comparison"], embed: true },
  { name: "embed operator", path: `/embed${KCELL_JANUARY.replace("/isps/", "/isp/")}`, charts: ["hours", "signals"], embed: true },
  { name: "embed incident", path: `/embed/incident/${QANTAR}`, charts: ["phases"], embed: true },
  { name: "embed overview", path: "/embed/overview", charts: ["per-year"], embed: true },
];
type View = (typeof VIEWS)[number];

/** Bytes per second from kilobits per second. */
const kbit = (value: number) => (value * 1000) / 8;
const LINKS = {
  slow: { latency: 400, downloadThroughput: kbit(400), uploadThroughput: kbit(200) },
  fast: { latency: 20, downloadThroughput: kbit(20_000), uploadThroughput: kbit(5_000) },
} as const;
type LinkName = keyof typeof LINKS;

const TARGETS = { chartVisibleMs: 1_500, embedScriptGzip: 60_000, operatorScriptGzip: 150_000 };

type Bytes = {
  htmlTransferred: number;
  htmlRaw: number;
  /** The RSC payload Next.js inlines in the HTML (`self.__next_f.push(…)` scripts), raw. */
  rscInHtml: number;
  scriptTransferred: number;
  scriptGzip: number;
  scripts: number;
  style: number;
  font: number;
  image: number;
  other: number;
};
type Timings = { fcp: number | null; charts: number | null; load: number | null };
type Measurement = { view: View; link: LinkName; timings: Timings; missing: string[]; bytes: Bytes };

const RSC_SCRIPT = /<script[^>]*>self\.__next_f\.push\([\s\S]*?<\/script>/g;

/** Counts what arrives over the wire, by Chromium's resource type; scripts' and the document's bodies are read to weigh them. */
function countBytes(cdp: CDPSession) {
  const bytes: Bytes = { htmlTransferred: 0, htmlRaw: 0, rscInHtml: 0, scriptTransferred: 0, scriptGzip: 0, scripts: 0, style: 0, font: 0, image: 0, other: 0 };
  const types = new Map<string, string>();
  const bodies: Promise<void>[] = [];
  cdp.on("Network.responseReceived", (event) => types.set(event.requestId, event.type));
  cdp.on("Network.loadingFinished", (event) => {
    const type = types.get(event.requestId);
    const transferred = event.encodedDataLength;
    if (type === "Document" || type === "Script") {
      bodies.push(
        cdp.send("Network.getResponseBody", { requestId: event.requestId }).then(
          ({ body, base64Encoded }) => {
            const raw = Buffer.from(body, base64Encoded ? "base64" : "utf8");
            if (type === "Script") {
              bytes.scriptGzip += gzipSync(raw, { level: 9 }).length;
            } else {
              bytes.htmlRaw += raw.length;
              for (const script of raw.toString("utf8").match(RSC_SCRIPT) ?? []) bytes.rscInHtml += Buffer.byteLength(script);
            }
          },
          () => undefined,
        ),
      );
    }
    if (type === "Document") bytes.htmlTransferred += transferred;
    else if (type === "Script") {
      bytes.scriptTransferred += transferred;
      bytes.scripts += 1;
    } else if (type === "Stylesheet") bytes.style += transferred;
    else if (type === "Font") bytes.font += transferred;
    else if (type === "Image") bytes.image += transferred;
    else bytes.other += transferred;
  });
  return { bytes, settled: () => Promise.all(bodies) };
}

/**
 * Runs in the page before anything else, every frame: records the first frame
 * in which every chart named in `window.__expectedCharts` is drawn (see the
 * file's comment). A string, not a function: tsx would wrap a function's inner
 * helpers in a `__name` call the page does not have.
 */
const WATCH_FOR_CHARTS = (expected: string[]) => `
  (() => {
    const expected = ${JSON.stringify(expected)};
    const sized = (element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0;
    };
    // Every chart of that name laid out, visible and with its drawing (an svg, or HTML marked data-chart-html); at least one with a drawn mark.
    const drawn = (name) => {
      const charts = [...document.querySelectorAll('[data-chart="' + name + '"]')];
      if (charts.length === 0) return false;
      for (const chart of charts) {
        if (!sized(chart) || getComputedStyle(chart).visibility === "hidden") return false;
        const drawing = chart.matches("svg, [data-chart-html]") ? chart : chart.querySelector("svg, [data-chart-html]");
        if (!drawing || !sized(drawing)) return false;
      }
      return charts.some((chart) => [...chart.querySelectorAll("[data-chart-mark]")].some(sized));
    };
    window.__chartsMissing = expected;
    const check = () => {
      window.__chartsMissing = expected.filter((name) => !drawn(name));
      if (window.__chartsMissing.length === 0) window.__chartsVisibleAt = performance.now();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })();
`;

async function measureView(browser: Browser, origin: string, view: View, link: LinkName): Promise<Measurement> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", { offline: false, ...LINKS[link] });
    const counter = countBytes(cdp);
    await page.addInitScript({ content: WATCH_FOR_CHARTS(view.charts) });
    await page.goto(`${origin}${view.path}`, { waitUntil: "load", timeout: 120_000 });
    // What loads after the load event (islands, lazily loaded code) counts too.
    await page.waitForLoadState("networkidle", { timeout: 60_000 }).catch(() => undefined);
    // A chart drawn by JavaScript after hydration may come a little later still.
    await page.waitForFunction(() => "__chartsVisibleAt" in window, undefined, { timeout: 15_000 }).catch(() => undefined);
    const { missing, ...timings } = await page.evaluate(() => {
      const paint = performance.getEntriesByName("first-contentful-paint")[0];
      const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
      const state = window as unknown as { __chartsVisibleAt?: number; __chartsMissing?: string[] };
      return {
        fcp: paint ? paint.startTime : null,
        charts: state.__chartsVisibleAt ?? null,
        load: navigation && navigation.loadEventEnd > 0 ? navigation.loadEventEnd : null,
        missing: state.__chartsMissing ?? [],
      };
    });
    await counter.settled();
    return { view, link, timings, missing, bytes: { ...counter.bytes } };
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** One measurement from several runs: each figure's median; a chart not drawn in any run counts as not drawn. */
function medianOf(runs: Measurement[]): Measurement {
  const timing = (key: keyof Timings) => (runs.some((run) => run.timings[key] === null) ? null : median(runs.map((run) => run.timings[key]!)));
  const bytes = Object.fromEntries(Object.keys(runs[0]!.bytes).map((key) => [key, median(runs.map((run) => run.bytes[key as keyof Bytes]))])) as Bytes;
  return {
    view: runs[0]!.view,
    link: runs[0]!.link,
    timings: { fcp: timing("fcp"), charts: timing("charts"), load: timing("load") },
    missing: [...new Set(runs.flatMap((run) => run.missing))],
    bytes,
  };
}

const seconds = (ms: number | null) => (ms === null ? "—" : `${(ms / 1000).toFixed(2)} s`);
const kilobytes = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** One row per view: the slow link's and the fast link's times, and the bytes (the same on both links: those of the slow one). */
function markdownTable(rows: Measurement[]): string[] {
  const header = [
    "View",
    "FCP slow",
    "Charts visible slow",
    "Load slow",
    "FCP fast",
    "Charts visible fast",
    "Load fast",
    "HTML (transferred / raw / RSC in it)",
    "JS gzip (transferred, files)",
    "CSS",
    "Fonts",
    "Other",
  ];
  const lines = VIEWS.flatMap((view) => {
    const slow = rows.find((row) => row.view === view && row.link === "slow");
    const fast = rows.find((row) => row.view === view && row.link === "fast");
    if (!slow || !fast) return [];
    const b = slow.bytes;
    return [
      [
        `\`${view.path}\``,
        seconds(slow.timings.fcp),
        seconds(slow.timings.charts),
        seconds(slow.timings.load),
        seconds(fast.timings.fcp),
        seconds(fast.timings.charts),
        seconds(fast.timings.load),
        `${kilobytes(b.htmlTransferred)} / ${kilobytes(b.htmlRaw)} / ${kilobytes(b.rscInHtml)}`,
        `${kilobytes(b.scriptGzip)} (${kilobytes(b.scriptTransferred)}, ${b.scripts})`,
        kilobytes(b.style),
        kilobytes(b.font),
        kilobytes(b.other + b.image),
      ],
    ];
  });
  return [header, header.map(() => "---"), ...lines].map((cells) => `| ${cells.join(" | ")} |`);
}

type Check = { label: string; pass: boolean };

function checkTargets(rows: Measurement[]): Check[] {
  const slow = rows.filter((row) => row.link === "slow");
  return [
    ...slow.map((row) => ({
      label: `${row.view.name}: every chart visible ${seconds(row.timings.charts)} ≤ ${seconds(TARGETS.chartVisibleMs)}${row.missing.length ? ` (not drawn: ${row.missing.join(", ")})` : ""}`,
      pass: row.timings.charts !== null && row.timings.charts <= TARGETS.chartVisibleMs,
    })),
    ...slow
      .filter((row) => row.view.embed)
      .map((row) => ({ label: `${row.view.name}: JavaScript ${kilobytes(row.bytes.scriptGzip)} gzip ≤ ${kilobytes(TARGETS.embedScriptGzip)}`, pass: row.bytes.scriptGzip <= TARGETS.embedScriptGzip })),
    ...slow
      .filter((row) => row.view.operatorPage)
      .map((row) => ({ label: `${row.view.name}: JavaScript ${kilobytes(row.bytes.scriptGzip)} gzip ≤ ${kilobytes(TARGETS.operatorScriptGzip)}`, pass: row.bytes.scriptGzip <= TARGETS.operatorScriptGzip })),
  ];
}

function readOptions() {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "1" }, only: { type: "string", multiple: true } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 9) throw new Error(`--runs must be a whole number from 1 to 9, not ${values.runs}`);
  const only = values.only ?? [];
  const unknown = only.filter((name) => !VIEWS.some((view) => view.name === name));
  if (unknown.length) throw new Error(`--only names no view: ${unknown.join(", ")} (views: ${VIEWS.map((view) => view.name).join(", ")})`);
  return { runs, views: only.length ? VIEWS.filter((view) => only.includes(view.name)) : VIEWS };
}

async function main() {
  const { runs, views } = readOptions();
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
    print(`production server on ${bench.origin}, fresh database ${bench.databaseName}; ${runs} cold load(s) per view and link`);
    // Warm the server once per address (compiled routes, its response cache): the link is what is measured, not a first render.
    for (const view of views) {
      const response = await fetch(`${bench.origin}${view.path}`);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${view.path} answered ${response.status}`);
    }
    const rows: Measurement[] = [];
    for (const link of ["slow", "fast"] as const) {
      for (const view of views) {
        const measured: Measurement[] = [];
        for (let run = 0; run < runs; run += 1) measured.push(await measureView(browser, bench.origin, view, link));
        const row = medianOf(measured);
        print(
          `${link} ${view.path}: FCP ${seconds(row.timings.fcp)}, charts ${seconds(row.timings.charts)}${row.missing.length ? ` (not drawn: ${row.missing.join(", ")})` : ""}, load ${seconds(row.timings.load)}, JS ${kilobytes(row.bytes.scriptGzip)} gzip, HTML ${kilobytes(row.bytes.htmlRaw)}`,
        );
        rows.push(row);
      }
    }
    print("");
    for (const line of markdownTable(rows)) console.log(line);
    print("");
    const checks = checkTargets(rows);
    for (const check of checks) print(`target: ${check.label}: ${check.pass ? "PASS" : "FAIL"}`);
    passed = checks.every((check) => check.pass);
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

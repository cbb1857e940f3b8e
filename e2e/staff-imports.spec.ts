import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { APIRequestContext, Page } from "@playwright/test";
import { gzipBomb } from "@/lib/ingest/testing/hostile-inputs";
import { expect, test } from "./fixtures/test";

/**
 * Staff → Imports and Staff → Feeds against the production build: uploads
 * that cannot take the site down (a gzip bomb, a line of gigabytes) while the
 * site keeps answering, errors shown where the file was uploaded, runs with
 * rejects never shown as plain successes, a million rejects paged at once,
 * the rollback of a run, and abandoned runs.
 */

const execFileAsync = promisify(execFile);
const port = Number(process.env.E2E_PORT ?? 3100);

/** Adds runs straight through SQL (e2e/fixtures/ingest-runs.ts). */
async function addIngestRun(kind: "million-rejects" | "abandoned"): Promise<number> {
  const { stdout } = await execFileAsync(process.execPath, ["--conditions=react-server", "--import", "tsx", "e2e/fixtures/ingest-runs.ts", JSON.stringify({ kind })], {
    env: { ...process.env, NODE_OPTIONS: "" },
    maxBuffer: 1024 * 1024,
  });
  return (JSON.parse(stdout.trim().split("\n").at(-1)!) as { runId: number }).runId;
}

/** Resident memory of the production server process (scripts/serve-production.ts), from the record scripts/lib/next-server.ts keeps. */
function serverRssBytes(): number {
  const { pid } = JSON.parse(readFileSync(path.resolve(process.env.KST_DATA_DIR ?? ".data", `next-server-${port}.json`), "utf8")) as { pid: number };
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)![1]) * 1024;
}

/** Asks the site for its health and a public page every 250 ms until `work` ends; returns every answer's status and the slowest. */
async function whileProbing<T>(request: APIRequestContext, work: () => Promise<T>) {
  const statuses: number[] = [];
  let slowestMs = 0;
  let done = false;
  const probing = (async () => {
    while (!done) {
      for (const url of ["/api/health", "/incidents?probe=upload"]) {
        const started = Date.now();
        const response = await request.get(url, { timeout: 30_000 });
        statuses.push(response.status());
        slowestMs = Math.max(slowestMs, Date.now() - started);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  try {
    return { result: await work(), statuses, slowestMs: () => slowestMs };
  } finally {
    done = true;
    await probing;
  }
}

async function uploadFeedFile(page: Page, feed: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.goto("/staff/feeds");
  await page.getByLabel("Feed").selectOption(feed);
  await page.getByLabel("File", { exact: true }).setInputFiles(file);
  await page.getByRole("button", { name: "Ingest" }).click();
}

const OONI_MEASUREMENT = (uid: string) =>
  JSON.stringify({
    measurement_uid: uid,
    report_id: `20350605T101500Z_webconnectivity_KZ_9198_n1_${uid}`,
    test_name: "web_connectivity",
    input: "https://example.org/",
    probe_asn: "AS9198",
    probe_cc: "KZ",
    measurement_start_time: "2035-06-05T10:20:00.000000Z",
    anomaly: false,
    confirmed: false,
    failure: false,
    scores: { blocking_general: 0 },
  });

// Serial: each upload starts a worker process, and a 2-core machine should not run several hostile ones at once.
// Each upload costs a worker's start (seconds on a busy machine): the tests get generous time.
test.describe.configure({ mode: "serial", timeout: 180_000 });

test("an upload shows its first rejects where it was made, the feed's card its last run, and Imports lists it as a feed run finished with rejects", async ({ page, login }) => {
  await login({ role: "editor" });
  const uid = `e2e-${Date.now()}`;
  const jsonLines = [OONI_MEASUREMENT(uid), '{"report_id":"20350605T101500Z_broken","test_name":"web_connectivity"}'].join("\n");
  await uploadFeedFile(page, "ooni", { name: "two-measurements.jsonl", mimeType: "application/json", buffer: Buffer.from(jsonLines) });
  const outcome = page.getByRole("status").filter({ hasText: /Run \d+: 1 accepted, 0 duplicates, 1 rejected\./ });
  await expect(outcome).toBeVisible({ timeout: 90_000 });
  await expect(outcome).toContainText("The rejected record:");
  await expect(outcome.getByRole("listitem")).toHaveText([/^line 2, /]);
  const runId = Number(/Run (\d+):/.exec((await outcome.textContent())!)![1]);

  await page.goto("/staff/feeds");
  const ooni = page.getByRole("form", { name: "OONI" });
  await expect(ooni).toContainText(`Last run: Run ${runId}`);
  await expect(ooni).toContainText("Finished with 1 rejected record (1 stored, 0 already stored, 1 rejected)");

  await page.goto("/staff/imports");
  const feedRuns = page.getByRole("table", { name: /Feed runs/ });
  const row = feedRuns.getByRole("row", { name: new RegExp(`^Run ${runId}\\b`) });
  await expect(row).toContainText("Finished with 1 rejected record");
  await expect(row).not.toContainText("Succeeded");
  await expect(row).toContainText("Console upload");
  await expect(page.getByRole("table", { name: /Spreadsheet imports/ }).getByRole("row", { name: new RegExp(`^Run ${runId}\\b`) })).toHaveCount(0);
});

test("a file that cannot be read says why in the upload form, and links the run that records it", async ({ page, login }) => {
  await login({ role: "editor" });
  const ioda = JSON.stringify({ type: "signals", metadata: {}, requestParameters: {}, error: null, perf: {}, data: [] });
  await uploadFeedFile(page, "ooni", { name: "not-ooni.json", mimeType: "application/json", buffer: Buffer.from(ioda) });
  const alert = page.getByRole("alert").filter({ hasText: "Not an OONI file" });
  await expect(alert).toBeVisible({ timeout: 90_000 });
  await expect(alert).toContainText("expected an OONI /api/v1/measurements page");
  await expect(alert).toContainText(/Run \d+ is recorded as failed, with this reason\./);
  await alert.getByRole("link", { name: "Open the run report" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Import run \d+/);
  await expect(page.getByRole("main")).toContainText("Failed");
  await expect(page.getByRole("main")).toContainText("Not an OONI file");
});

test.describe("hostile uploads", () => {
  test.describe.configure({ timeout: 300_000 });

  for (const [name, feed, file] of [
    ["a gzip bomb (4 GiB of zeros in 4 MB)", "ooni", () => ({ name: "bomb.jsonl.gz", mimeType: "application/gzip", buffer: gzipBomb(4 * 1024 ** 3) })],
    [
      "a CSV whose one line is 3 GiB",
      "csv",
      () => ({ name: "long-line.csv.gz", mimeType: "application/gzip", buffer: gzipBomb(3 * 1024 ** 3, { prefix: "timestamp,asn,signal,value\n2035-06-05T00:00:00Z,64496,probe.reachability,", text: "7" }) }),
    ],
  ] as const) {
    test(`${name} ends its run with a clear error while the site and its database keep serving`, async ({ page, login, request }) => {
      await login({ role: "editor" });
      const upload = file();
      expect(upload.buffer.length).toBeLessThan(8 * 1024 * 1024);
      const rssBefore = serverRssBytes();
      let rssPeak = rssBefore;
      const watch = setInterval(() => (rssPeak = Math.max(rssPeak, serverRssBytes())), 200);
      try {
        const probed = await whileProbing(request, async () => {
          await uploadFeedFile(page, feed, upload);
          const alert = page.getByRole("alert").filter({ hasText: "once decompressed" });
          await expect(alert).toBeVisible({ timeout: 240_000 });
          return alert;
        });
        const alert = probed.result;
        await expect(alert).toContainText("The file is larger than 256 MB once decompressed, the limit for a console upload.");
        await expect(alert).toContainText(/Run \d+ is recorded as failed/);
        // The site answered every probe while the worker read the file; on a shared 2-core machine "promptly" is generous.
        expect(probed.statuses.length).toBeGreaterThan(4);
        expect(new Set(probed.statuses)).toEqual(new Set([200]));
        expect(probed.slowestMs()).toBeLessThan(10_000);
        // The server itself never held the inflated file.
        expect(rssPeak - rssBefore).toBeLessThan(150 * 1024 * 1024);
      } finally {
        clearInterval(watch);
      }
    });
  }
});

test("the coalition CSV's template downloads and reads cleanly, and its signals are listed", async ({ page, login }) => {
  await login({ role: "editor" });
  await page.goto("/staff/feeds");
  const signals = page.getByRole("table", { name: "Signals the coalition's CSV accepts" });
  await expect(signals.getByRole("rowheader")).toHaveText([
    "probe.reachability",
    "probe.dns_failure_rate",
    "probe.latency_ms",
    "probe.download_mbps",
    "probe.upload_mbps",
    "probe.blocked_sites",
  ]);
  await expect(signals.getByRole("row", { name: /probe\.reachability/ })).toContainText("0 to 1");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the template (CSV)" }).click()]);
  const template = readFileSync((await download.path())!, "utf8");
  expect(template.split("\n")[0]).toBe("timestamp,asn,signal,value");

  // Uploaded as it is, it stores one point per signal, on a documentation network, and rejects nothing.
  await uploadFeedFile(page, "csv", { name: "template.csv", mimeType: "text/csv", buffer: Buffer.from(template) });
  await expect(page.getByRole("status").filter({ hasText: /Run \d+: \d+ accepted, \d+ duplicates, 0 rejected\./ })).toBeVisible({ timeout: 90_000 });

  await page.goto("/ru/staff/feeds");
  await expect(page.getByRole("table", { name: "Сигналы, которые принимает CSV коалиции" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Скачать шаблон (CSV)" })).toBeVisible();
});

test("a STOP sheet saved with a title row imports, and a file that is not one says so where it was uploaded", async ({ page, login }) => {
  await login({ role: "editor" });
  const sheet = readFileSync("lib/ingest/stop/fixtures/stop-2022-kazakhstan.csv", "utf8");
  await page.goto("/staff/imports");
  await page.getByLabel("CSV file").setInputFiles({ name: "stop-with-title.csv", mimeType: "text/csv", buffer: Buffer.from(`#KeepItOn STOP 2022 — exported${",".repeat(44)}\n${sheet}`) });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const done = page.getByRole("status").filter({ hasText: /Run \d+ finished: \d+ accepted, \d+ duplicates, \d+ rejected\./ });
  await expect(done).toBeVisible({ timeout: 90_000 });
  await done.getByRole("link", { name: "Open the run report" }).click();
  await expect(page.getByRole("main")).toContainText("#KeepItOn STOP 2022 — exported");
  await expect(page.getByRole("main")).toContainText(/Header row\s*2/);

  await page.goto("/staff/imports");
  await page.getByLabel("CSV file").setInputFiles({ name: "notes.csv", mimeType: "text/csv", buffer: Buffer.from("date,place,what\n1/1/2022,Almaty,cut\n") });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Not a #KeepItOn STOP export" });
  await expect(alert).toBeVisible({ timeout: 90_000 });
  await expect(alert).toContainText(/Run \d+ is recorded as failed/);
});

test("a run with a million rejects opens at once and pages through them", async ({ page, login, expectAccessible }) => {
  const runId = await addIngestRun("million-rejects");
  const emptyRunId = await addIngestRun("abandoned");
  await login({ role: "editor" });
  /** The fastest of three loads of a page (the machine is shared: the fastest is the page's own cost). */
  const loadMs = async (url: string) => {
    const times: number[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const started = Date.now();
      const response = await page.goto(url);
      times.push(Date.now() - started);
      expect(response?.status()).toBe(200);
    }
    return Math.min(...times);
  };
  const withoutRejects = await loadMs(`/staff/imports/${emptyRunId}`);
  const withMillion = await loadMs(`/staff/imports/${runId}`);
  // Reading a million rows would take many seconds and hundreds of megabytes; a page of 100 costs about what a page of none does.
  expect(withMillion).toBeLessThan(withoutRejects * 2 + 1_000);
  expect(withMillion).toBeLessThan(10_000);
  const rejects = page.getByRole("table", { name: `Rejected rows of run ${runId}` });
  await expect(rejects.getByRole("row")).toHaveCount(101);
  await expect(page.getByText("Showing lines 2 to 101, of 1,000,000 rejected records in all.")).toBeVisible();

  const pages = page.getByRole("navigation", { name: "Pages of rejected records" });
  await pages.getByRole("link", { name: "Next page" }).click();
  await expect(page.getByText("Showing lines 102 to 201, of 1,000,000 rejected records in all.")).toBeVisible();
  await pages.getByRole("link", { name: "Previous page" }).click();
  await expect(page.getByText("Showing lines 2 to 101, of 1,000,000 rejected records in all.")).toBeVisible();

  await pages.getByLabel("Go to line").fill("876543");
  await pages.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/imports/${runId}\\?line=876543`));
  await expect(rejects.getByRole("row").nth(1)).toContainText("876543");
  await expectAccessible();
});

test("an editor rolls back a run after confirming: its data is gone and the run says so", async ({ page, login }) => {
  const editor = await login({ role: "editor", name: "Rollback Editor" });
  const asn = 64_496 + Math.floor(Math.random() * 15);
  const csv = ["timestamp,asn,signal,value", `2035-06-06T00:00:00Z,${asn},probe.latency_ms,40`, `2035-06-06T01:00:00Z,${asn},probe.latency_ms,41`].join("\n");
  await uploadFeedFile(page, "csv", { name: "to-roll-back.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const outcome = page.getByRole("status").filter({ hasText: /Run \d+: \d+ accepted/ });
  await expect(outcome).toBeVisible({ timeout: 90_000 });
  const runId = Number(/Run (\d+):/.exec((await outcome.textContent())!)![1]);
  await outcome.getByRole("link", { name: "Open the run report" }).click();

  await page.getByRole("button", { name: `Roll back run ${runId}…` }).click();
  await expect(page.getByText(`Delete everything run ${runId} stored?`)).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: `Roll back run ${runId}…` }).click();
  await page.getByRole("button", { name: "Yes, roll it back" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Rolled back: \d+ points, 0 measurements and 0 events deleted/ })).toBeVisible({ timeout: 60_000 });

  await page.reload();
  const facts = page.getByRole("main");
  await expect(facts).toContainText("Rolled back");
  await expect(facts).toContainText(`by ${editor.name}`);
  await expect(page.getByRole("button", { name: `Roll back run ${runId}…` })).toHaveCount(0);
  await page.goto("/staff/imports");
  await expect(page.getByRole("table", { name: /Feed runs/ }).getByRole("row", { name: new RegExp(`^Run ${runId}\\b`) })).toContainText("Rolled back");
});

test("a run whose process died is shown as abandoned, not running", async ({ page, login }) => {
  const runId = await addIngestRun("abandoned");
  await login({ role: "editor" });
  await page.goto("/staff/imports");
  const row = page.getByRole("table", { name: /Feed runs/ }).getByRole("row", { name: new RegExp(`^Run ${runId}\\b`) });
  await expect(row).toContainText("Abandoned (its process stopped)");
  await page.goto(`/staff/imports/${runId}`);
  await expect(page.getByRole("main")).toContainText("The process running this import stopped before it finished");

  await page.goto("/ru/staff/imports");
  await expect(page.getByRole("heading", { name: "Импорт таблиц" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Запуски потоков" })).toBeVisible();
  await expect(page.getByRole("table", { name: /Запуски потоков/ }).getByRole("row", { name: new RegExp(`^Запуск ${runId}\\b`) })).toContainText("Брошен");
});

import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { closePgPools, getPgPool } from "@/lib/db/pg-pool";

/**
 * `npm run ingest -- <feed> …` end to end: the real script in a child
 * process, against this test file's database (DATABASE_URL).
 */

const ROOT = path.resolve(import.meta.dirname, "../../..");
const CSV_FIXTURE = path.join(ROOT, "lib/ingest/csv/fixtures/coalition-probes.csv");
/** A copy of an example file under another name: recognised by its content. */
const EXAMPLE_COPY = path.join(mkdtempSync(path.join(tmpdir(), "kst-example-")), "annotations.json");
copyFileSync(path.join(ROOT, "e2e/fixtures/feeds/cloudflare-annotations-2022-01.json"), EXAMPLE_COPY);

type Run = { code: number | null; stdout: string; stderr: string; lines: string[] };

function ingest(args: string[], options: { stdin?: Buffer | string; env?: Record<string, string | undefined> } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/ingest.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "test", CLOUDFLARE_API_TOKEN: undefined, ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr, lines: stdout.trimEnd().split("\n") }));
    child.stdin.end(options.stdin ?? "");
  });
}

const lastLine = (run: Run) => run.lines.at(-1);

afterAll(async () => {
  await closePgPools();
});

describe("npm run ingest -- csv", () => {
  it("stores the file, prints the rejects and ends with the exact JSON summary", async () => {
    const run = await ingest(["csv", "--file", CSV_FIXTURE]);
    expect(run.code, run.stderr).toBe(0);
    expect(lastLine(run)).toBe('{"source":"csv","accepted":4,"duplicates":0,"rejected":11}');
    expect(run.stdout).toContain("6, value: value \"abc\" is not a number");
    expect(run.stdout).toContain("12, -: expected 5 cells, as in the header, found 3");
    expect(run.stdout).toContain("13, source: source \"ooni\": this CSV stores the coalition's own measurements only");
    expect(run.stdout).toMatch(/Peak memory \(RSS\): \d+ MB/);
    expect(await getDb().ingestRun.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({
      source: "CSV",
      status: "SUCCEEDED",
      parameters: { fileName: "coalition-probes.csv" },
    });
  });

  it("reads gzipped standard input, and a replay stores nothing new", async () => {
    const run = await ingest(["csv", "--file", "-"], { stdin: gzipSync(readFileSync(CSV_FIXTURE)) });
    expect(run.code, run.stderr).toBe(0);
    expect(lastLine(run)).toBe('{"source":"csv","accepted":0,"duplicates":4,"rejected":11}');
  });

  it("reads an OONI aggregation file with the request it answered given as --country and --test", async () => {
    const fixture = path.join(ROOT, "lib/ingest/ooni/fixtures/aggregation-daily.json");
    const withoutContext = await ingest(["ooni", "--file", fixture]);
    expect(withoutContext.code).toBe(0);
    expect(JSON.parse(lastLine(withoutContext)!)).toMatchObject({ accepted: 0 });

    const run = await ingest(["ooni", "--file", fixture, "--country", "kz", "--test", "web_connectivity"]);
    expect(run.code).toBe(0);
    const summary = JSON.parse(lastLine(run)!) as { accepted: number; rejected: number };
    expect(summary.accepted).toBeGreaterThan(0);
    const series = await getDb().series.findFirst({ where: { source: "OONI", signal: "web_connectivity.anomaly_count", entityType: "COUNTRY", entityCode: "KZ" } });
    expect(series).not.toBeNull();

    const misplaced = await ingest(["csv", "--file", fixture, "--test", "web_connectivity"]);
    expect(misplaced.code).toBe(2);
  });

  it("fails with one line and status 1 on a header that is not the generic CSV's, recording the run as FAILED", async () => {
    const run = await ingest(["csv", "--file", "-"], { stdin: "time,asn,signal,value\n2022-01-05T00:00:00Z,9198,bgp,1\n" });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual(["[tracker] The CSV header lacks timestamp: expected the columns timestamp, asn, signal, value and optionally source, in any order."]);
    expect(run.stdout).not.toContain('"source"');
    expect(await getDb().ingestRun.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({ source: "CSV", status: "FAILED" });
  });
});

describe("npm run ingest -- <feed> arguments", () => {
  it.each([
    [["csv"], /^\[tracker\] csv reads files only: npm run ingest -- csv --file <path \| ->$/],
    [["csv", "--since", "2022-01-01", "--until", "2022-01-31"], /^\[tracker\] csv reads files only: npm run ingest -- csv --file <path \| ->$/],
    [["ooni", "--since", "2022-01-01"], /^\[tracker\] ooni needs --file, or --since and --until for a live pull/],
    [["ioda", "--file", "x.json", "--asn", "9198"], /^\[tracker\] --file reads a file; --asn is for live pulls/],
    [["ioda", "--since", "2022-02-01", "--until", "2022-01-01"], /^\[tracker\] --until \(2022-01-01\) must be after --since \(2022-02-01\)\.$/],
    [["ioda", "--since", "yesterday", "--until", "2022-01-01"], /^\[tracker\] --since: "yesterday" is not a date/],
    [["ioda", "--since", "2022-01-01", "--until", "2022-01-02", "--asn", "Kazakhtelecom"], /^\[tracker\] --asn: "Kazakhtelecom" is not an AS number\.$/],
    [["ooni", "--since", "2022-01-01", "--until", "2022-01-02", "--country", "Kazakhstan"], /^\[tracker\] --country: "Kazakhstan" is not a two-letter country code/],
    [["cloudflare", "--since", "2022-01-01", "--until", "2022-01-02"], /^\[tracker\] cloudflare pulls need CLOUDFLARE_API_TOKEN/],
    [["ooni", "--file", "/no/such/file.json"], /^\[tracker\] Cannot read \/no\/such\/file\.json: no such file\.$/],
    [["ooni", "--page", "2"], /^\[tracker\] Unknown option '--page'/],
    // The invented example files go in only marked as example data (decision 0018).
    [["ioda", "--file", "e2e/fixtures/feeds/ioda-signals-2022-01.json"], /^\[tracker\] e2e\/fixtures\/feeds\/ioda-signals-2022-01\.json is one of the tracker's invented example files; load them with `npm run ingest:examples`/],
    [["cloudflare", "--file", EXAMPLE_COPY], /is one of the tracker's invented example files/],
  ])("refuses %j with one line and status 2, before touching the database", async (args, message) => {
    const runs = await getDb().ingestRun.count();
    const run = await ingest(args);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(message)]);
    expect(run.stdout).toBe("");
    expect(await getDb().ingestRun.count()).toBe(runs);
  });
});

describe("npm run ingest -- ioda --asn … --since … --until … (live pull)", () => {
  const FROM = Date.parse("2022-01-05T00:00:00Z") / 1000;
  const requests: string[] = [];
  let failEvents = true;
  let server: Server;
  let baseUrl = "";

  /** A stand-in for IODA API v2: one 4-point bgp series, no events, no alerts; events answer 404 while failEvents is set. */
  const envelope = (data: unknown[]) => ({ type: "test", metadata: {}, requestParameters: {}, error: null, perf: null, data, copyright: "test" });
  const respond = (url: URL): [number, unknown] => {
    if (url.pathname.startsWith("/v2/signals/raw/asn/9198")) {
      const datasource = url.searchParams.get("datasource");
      if (datasource !== "bgp") return [200, envelope([[]])];
      return [200, envelope([[{ entityType: "asn", entityCode: "9198", entityName: "Kazakhtelecom", datasource: "bgp", from: FROM, until: FROM + 1200, step: 300, nativeStep: 300, values: [10, 11, null, 13] }]])];
    }
    if (url.pathname === "/v2/outages/events") return failEvents ? [404, { error: "not here" }] : [200, envelope([])];
    if (url.pathname === "/v2/outages/alerts") return [200, envelope([])];
    return [404, { error: "unknown path" }];
  };

  const pull = () =>
    ingest(["ioda", "--asn", "AS9198", "--since", "2022-01-05", "--until", "2022-01-06"], { env: { IODA_API_URL: `${baseUrl}/v2` } });

  const storedBgp = async () => {
    const { rows } = await getPgPool().query<{ count: number }>(
      `SELECT count(*)::integer AS count FROM series_points p JOIN series s ON s.id = p.series_id
       WHERE s.source = 'IODA' AND s.signal = 'bgp' AND s.entity_code = '9198' AND p.at >= '2022-01-05' AND p.at < '2022-01-06'`,
    );
    return rows[0]!.count;
  };

  const cursors = async () =>
    (await getPgPool().query<{ scope: string }>("SELECT scope FROM ingest_cursors WHERE source = 'IODA' ORDER BY scope")).rows.map((row) => row.scope);

  it("stops on a feed error with status 1 and its cursor saved, then resumes and completes", async () => {
    server = createServer((request, response) => {
      const url = new URL(request.url ?? "/", "http://localhost");
      requests.push(url.pathname + url.search);
      const [status, body] = respond(url);
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const failed = await pull();
      expect(failed.code, failed.stdout).toBe(1);
      expect(failed.stderr).toMatch(/^\[tracker\] HTTP 404 \(http:\/\/127\.0\.0\.1:\d+\/v2\/outages\/events\?/);
      expect(await storedBgp()).toBe(3);
      expect(await cursors()).toEqual(["asns=9198&since=2022-01-05T00:00:00.000Z&until=2022-01-06T00:00:00.000Z"]);
      expect(await getDb().ingestRun.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({ source: "IODA", status: "FAILED" });

      failEvents = false;
      const signalRequests = requests.filter((url) => url.includes("/signals/raw/")).length;
      const resumed = await pull();
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stdout).toContain("Resuming the interrupted pull of ioda for asns=9198&since=2022-01-05T00:00:00.000Z&until=2022-01-06T00:00:00.000Z");
      expect(lastLine(resumed)).toBe('{"source":"ioda","accepted":0,"duplicates":0,"rejected":0}');
      // The signals already stored were not asked for again.
      expect(requests.filter((url) => url.includes("/signals/raw/")).length).toBe(signalRequests);
      expect(await storedBgp()).toBe(3);
      expect(await cursors()).toEqual([]);
      expect(await getDb().network.findUnique({ where: { asn: 9198 } })).toMatchObject({ asn: 9198 });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("npm run ingest -- <feed> (expected feed failures)", () => {
  it("prints a known failure of a pull as itself in one line with status 1, never as an unexpected error", async () => {
    const run = await ingest(["ooni", "--since", "2022-01-05", "--until", "2022-01-06"]);
    expect(run.code, run.stdout).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual(["[tracker] OONI pull: give a country or at least one ASN (a worldwide pull is not supported)"]);
    expect(await getDb().ingestRun.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({ source: "OONI", status: "FAILED" });
  });
});

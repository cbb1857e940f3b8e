import { spawn } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { readStopFixture, stopFixturePath } from "@/lib/ingest/stop/fixtures/seed-reference";
import { seedReferenceData } from "@/prisma/seed";

/**
 * `npm run ingest -- stop …` end to end: the real script in a child process,
 * against this test file's database (DATABASE_URL).
 */

const ROOT = path.resolve(import.meta.dirname, "../../..");

type Run = { code: number | null; stdout: string; stderr: string; lines: string[] };

function ingest(args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/ingest.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, NODE_ENV: "test" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr, lines: stdout.trimEnd().split("\n") }));
    child.stdin.end(stdin ?? "");
  });
}

const lastJson = (run: Run) => JSON.parse(run.lines.at(-1)!) as unknown;

beforeAll(async () => {
  await seedReferenceData(getDb());
});

describe("npm run ingest -- stop", () => {
  it("imports a file, reports the rejects, and ends with the JSON summary", async () => {
    const run = await ingest(["stop", "--file", stopFixturePath("stop-2022-kazakhstan.csv")]);
    expect(run.code, run.stderr).toBe(0);
    expect(lastJson(run)).toEqual({ source: "stop", accepted: 3, duplicates: 0, rejected: 3 });
    expect(run.stdout).toContain("line 9, column start_date: start_date \"31/31/2022\" is not a date");
    expect(run.stdout).toContain("line 10, column end_date: end_date 5/2/2022 is before start_date 5/10/2022");
    expect(run.stdout).toContain("line 11, column country: country is blank");
    expect(run.stdout).toMatch(/line 2: new draft incident \d+ \(stop-2022-01-04-nationwide-blackout\)/);
    expect(await getDb().incident.count()).toBe(3);
  });

  it("imports the same file again as duplicates", async () => {
    const run = await ingest(["stop", "--file", stopFixturePath("stop-2022-kazakhstan.csv")]);
    expect(run.code, run.stderr).toBe(0);
    expect(lastJson(run)).toEqual({ source: "stop", accepted: 0, duplicates: 3, rejected: 3 });
    expect(await getDb().incident.count()).toBe(3);
  });

  it("reads standard input with --file - and honours --country", async () => {
    const run = await ingest(["stop", "--file", "-", "--country", "ethiopia"], readStopFixture("stop-2019-kazakhstan.csv"));
    expect(run.code, run.stderr).toBe(0);
    expect(lastJson(run)).toEqual({ source: "stop", accepted: 1, duplicates: 0, rejected: 0 });
    const runRow = await getDb().ingestRun.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(runRow.parameters).toMatchObject({ fileName: "stdin", country: "ethiopia", variant: "2019" });
  });

  it("fails with one line and status 1 on a header that is not STOP's", async () => {
    const run = await ingest(["stop", "--file", "-"], "date,place,what\n1/1/2022,Almaty,cut\n");
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^\[tracker\] Not a #KeepItOn STOP export: none of the first 2 rows/)]);
    expect(run.stdout).not.toContain('"source"');
    expect(await getDb().ingestRun.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({ status: "FAILED" });
  });

  it.each([
    [["ripe"], /^\[tracker\] Unknown source "ripe"\. Known sources: stop, ooni, ioda, cloudflare, csv\./],
    [[], /^\[tracker\] Name a source\. Known sources: stop, ooni, ioda, cloudflare, csv\./],
    [["stop"], /^\[tracker\] stop needs --file/],
    [["stop", "--file", "/no/such/file.csv"], /^\[tracker\] Cannot read \/no\/such\/file\.csv: no such file\.$/],
    [["stop", "--file", "x.csv", "--sheet", "2019"], /^\[tracker\] Unknown option '--sheet'/],
  ])("refuses bad arguments %j with one line and status 2, before touching the database", async (args, message) => {
    const runs = await getDb().ingestRun.count();
    const run = await ingest(args);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(message)]);
    expect(run.stdout).toBe("");
    expect(await getDb().ingestRun.count()).toBe(runs);
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { cleanUpProcessesAndDirs, freePort, healthy, isAlive, portAnswers, postgresProcessesFor, runScript, temporaryDataDir, waitFor, waitUntilServing } from "./fixtures/processes";
import { FIRST_SEED_LOG } from "./fixtures/seed-log";

// `npm start` with no DATABASE_URL: the real orchestrator on the production
// build, each test in its own data directory (its own embedded PostgreSQL).
test.describe.configure({ timeout: 180_000 });
test.afterEach(cleanUpProcessesAndDirs);

const startApp = (dataDir: string, port: number, env: Record<string, string | undefined> = {}) =>
  runScript("scripts/app.ts", ["start"], { KST_DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: undefined, ...env });

const nextServerPid = (dataDir: string, port: number) =>
  (JSON.parse(readFileSync(path.join(dataDir, `next-server-${port}.json`), "utf8")) as { pid: number }).pid;

test("first start sets up the database; SIGTERM stops everything; a second start keeps the data; Ctrl-C stops everything", async () => {
  const dataDir = temporaryDataDir();
  const port = await freePort();

  const first = startApp(dataDir, port);
  await waitUntilServing(first, port);
  expect(first.output()).toContain("Initialising embedded PostgreSQL");
  expect(first.output()).toContain("Created the PostgreSQL role kst_app, which the app connects as (no superuser)");
  expect(first.output()).toMatch(/Applied \d+ migration/);
  expect(first.output()).toContain(FIRST_SEED_LOG);
  const page = await (await fetch(`http://127.0.0.1:${port}/incidents`)).text();
  expect(page).toContain("Qantar");
  const postgres = postgresProcessesFor(dataDir);
  expect(postgres.length).toBeGreaterThan(0);
  const next = nextServerPid(dataDir, port);
  // The web server signs in as the app role, which is no superuser, and never holds the owner's credentials.
  const nextEnvironment = readFileSync(`/proc/${next}/environ`, "utf8").split("\0");
  const databaseUrl = nextEnvironment.find((entry) => entry.startsWith("DATABASE_URL="))!.slice("DATABASE_URL=".length);
  expect(new URL(databaseUrl).username).toBe("kst_app");
  expect(nextEnvironment.some((entry) => entry.startsWith("DATABASE_OWNER_URL="))).toBe(false);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    expect((await client.query("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).rows).toEqual([{ rolsuper: false }]);
  } finally {
    await client.end();
  }

  process.kill(first.child.pid!, "SIGTERM");
  expect((await first.exited).code).toBe(143);
  expect(postgresProcessesFor(dataDir)).toEqual([]);
  expect(isAlive(next)).toBe(false);
  expect(await portAnswers(port)).toBe(false);

  const second = startApp(dataDir, port);
  await waitUntilServing(second, port);
  expect(second.output()).toContain("Migrations up to date");
  expect(second.output()).toContain("Seed skipped: the database already holds data");
  expect(second.output()).not.toContain("Applying migration");
  expect(await (await fetch(`http://127.0.0.1:${port}/incidents/2022-01-qantar-shutdowns`)).text()).toContain("Qantar");

  // Ctrl-C in a terminal signals the whole process group.
  process.kill(-second.child.pid!, "SIGINT");
  await second.exited;
  await waitFor(() => postgresProcessesFor(dataDir).length === 0, 10_000, "PostgreSQL to stop");
  expect(await portAnswers(port)).toBe(false);
});

test("after a crash, the next start stops the stray Next.js server and reuses the orphaned PostgreSQL", async () => {
  const dataDir = temporaryDataDir();
  const port = await freePort();

  const crashed = startApp(dataDir, port);
  await waitUntilServing(crashed, port);
  const postgres = JSON.parse(readFileSync(path.join(dataDir, "postgres.json"), "utf8")) as { pid: number };
  const strayNext = nextServerPid(dataDir, port);
  process.kill(crashed.child.pid!, "SIGKILL"); // no chance to clean up
  await crashed.exited;
  expect(isAlive(postgres.pid)).toBe(true);
  expect(isAlive(strayNext)).toBe(true);

  const restarted = startApp(dataDir, port);
  await waitFor(async () => restarted.output().includes("Starting Next.js") && (await healthy(port)), 120_000, "the restart to serve");
  expect(restarted.output()).toContain(`Stopping a Next.js server (pid ${strayNext}) left behind by a crashed run`);
  expect(restarted.output()).toContain("reused");
  expect(isAlive(strayNext)).toBe(false);
  expect(JSON.parse(readFileSync(path.join(dataDir, "postgres.json"), "utf8"))).toMatchObject({ pid: postgres.pid });

  process.kill(restarted.child.pid!, "SIGTERM");
  await restarted.exited;
  expect(postgresProcessesFor(dataDir)).toEqual([]);
  expect(await portAnswers(port)).toBe(false);
});

test("other commands reuse the running embedded PostgreSQL and leave it running", async () => {
  const dataDir = temporaryDataDir();
  const port = await freePort();
  const app = startApp(dataDir, port);
  await waitUntilServing(app, port);
  const server = JSON.parse(readFileSync(path.join(dataDir, "postgres.json"), "utf8")) as { pid: number; port: number };

  const migrate = runScript("scripts/db.ts", ["migrate"], { KST_DATA_DIR: dataDir, DATABASE_URL: undefined });
  expect((await migrate.exited).code).toBe(0);
  expect(migrate.output()).toContain(`embedded PostgreSQL on 127.0.0.1:${server.port}, reused`);
  expect(postgresProcessesFor(dataDir)).toContain(server.pid);
  expect(await healthy(port)).toBe(true);

  process.kill(app.child.pid!, "SIGTERM");
  await app.exited;
  expect(postgresProcessesFor(dataDir)).toEqual([]);
});

test("an unreachable DATABASE_URL fails start-up with one line naming host and port", async () => {
  const closedPort = await freePort();
  const run = runScript("scripts/app.ts", ["start"], {
    DATABASE_URL: `postgresql://tracker:secret@127.0.0.1:${closedPort}/tracker`,
    PORT: String(await freePort()),
  });
  const { code } = await run.exited;
  expect(code).toBe(1);
  const lines = run.output().trim().split("\n");
  expect(lines).toEqual([`[tracker] Cannot connect to PostgreSQL at 127.0.0.1:${closedPort}: connection refused.`]);
  expect(run.output()).not.toContain("secret");
});

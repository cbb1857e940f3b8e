import { spawn } from "node:child_process";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { SYSTEM, type Actor } from "@/lib/auth/permissions";
import { signIn } from "@/lib/auth/sign-in";
import { createDb, getDb } from "@/lib/db/client";
import { withClient } from "@/lib/db/connection";
import { migrateDatabase } from "@/lib/db/migrate";
import { closePgPools } from "@/lib/db/pg-pool";
import { isAppError } from "@/lib/errors";
import { FEEDS } from "@/lib/ingest/registry";
import { readStopFixture } from "@/lib/ingest/stop/fixtures/seed-reference";
import { updateFeedSchedule } from "@/lib/server/feeds/update-feed-schedule";
import { importStopFile } from "@/lib/server/imports/import-stop-file";
import { createIncident } from "@/lib/server/incidents/create-incident";
import { readIncidentState } from "@/lib/server/incidents/read-incident-snapshot";
import { updateIncident } from "@/lib/server/incidents/update-incident";
import { ingestItems } from "@/lib/server/ingest/ingest-items";
import { buildIncidentInput } from "@/lib/testing/factories";
import { fingerprintDatabase } from "@/lib/testing/database-fingerprint";
import { createScratchDatabase } from "@/lib/testing/test-database";
import { createTestActor, createTestUser } from "@/lib/testing/users";
import { seedDatabase } from "@/prisma/seed";
import { backupDatabase } from "./backup-database";
import { BackupWriter, readBackupFileBytes, readBackupRecords } from "./backup-file";
import { inspectContents, isEmptyDatabase } from "./database-catalog";
import { restoreDatabase } from "./restore-database";

/**
 * Backups against real PostgreSQL: this file's database is filled the way the
 * tracker fills it (the seed, an edited incident with revisions, a STOP import
 * with rejects, feed runs, a feed schedule, a session), backed up, restored
 * into fresh databases and compared table by table.
 */

const ROOT = path.resolve(import.meta.dirname, "../../..");
// Backups are taken as the owner of the database, as `npm run db:backup` does.
const source = () => process.env.DATABASE_OWNER_URL!;
const cleanups: (() => Promise<void>)[] = [];
let workDir: string;
let editor: Actor;
let editedIncidentId: number;

async function scratchDatabase(): Promise<string> {
  const database = await createScratchDatabase(inject("databaseServerUrl"));
  cleanups.push(database.drop);
  return database.url;
}

const fingerprint = fingerprintDatabase;

async function ingestFile(feed: "ioda" | "ooni" | "cloudflare", file: string) {
  return ingestItems({
    caller: editor,
    source: FEEDS[feed].source,
    parameters: { fileName: path.basename(file) },
    items: FEEDS[feed].parse(createReadStream(path.join(ROOT, file))),
    connectionString: source(),
  });
}

beforeAll(async () => {
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), "kst-backup-test-"));
  const db = getDb();
  await seedDatabase(db);
  editor = await createTestActor({ role: "editor", name: "Backup Editor" });

  // An incident edited twice after its creation: three revisions, and text COPY must escape.
  const input = buildIncidentInput({ title: "Mobile internet cut in Zhanaozen", startsAt: "2023-03-01T04:00:00Z" });
  const created = await createIncident({ caller: editor, input });
  editedIncidentId = created.id;
  const tricky = "Two lines,\nthen a tab:\there, a backslash \\ and a quote \" — Жаңаөзен, «әғқңөұүһі» and \\N, which is not a null.";
  const first = await updateIncident({ caller: editor, id: created.id, baseVersion: 1, input: { ...input, summary: tricky }, note: "Summary from the regional report" });
  await updateIncident({ caller: editor, id: created.id, baseVersion: first.version, input: { ...input, summary: tricky, title: "Mobile internet cut in Zhanaozen (Mangystau)" } });

  // A STOP import: three rows accepted as drafts, three rejects stored verbatim.
  const stop = await importStopFile({ caller: editor, input: readStopFixture("stop-2022-kazakhstan.csv"), fileName: "stop-2022-kazakhstan.csv" });
  expect(stop.rejected).toBeGreaterThan(0);

  // Feed runs: series points, OONI measurements (and their roll-up), outage events.
  await ingestFile("ioda", "e2e/fixtures/feeds/ioda-signals-2022-01.json");
  await ingestFile("ooni", "e2e/fixtures/feeds/ooni-web-connectivity-kcell-2022-01.jsonl");
  await ingestFile("cloudflare", "e2e/fixtures/feeds/cloudflare-annotations-2022-01.json");
  await updateFeedSchedule({ caller: editor, update: { source: "IODA", enabled: true, intervalMinutes: 60, parameters: { country: "KZ", asns: [9198], lookbackHours: 24 } } });

  // A signed-in staff member: a session row, an audit event and a rate-limit counter.
  const user = await createTestUser({ role: "contributor" });
  await signIn({ email: user.email, password: user.password }, { ip: "203.0.113.7", userAgent: "backup test", authHeaders: new Headers() });
});

afterAll(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
  await closePgPools();
  await fs.rm(workDir, { recursive: true, force: true });
});

describe("a backup restored into an empty database", () => {
  let file: string;
  let restored: string;

  beforeAll(async () => {
    const result = await backupDatabase({ connectionString: source(), out: `${workDir}/` });
    file = result.file;
    restored = await scratchDatabase();
    await restoreDatabase({ connectionString: restored, from: file });
  });

  it("holds what the tracker stored, in every table", async () => {
    const { tables } = await fingerprint(source());
    // The test means something only if the interesting tables are filled.
    for (const table of ["incidents", "incident_revisions", "phases", "sources", "operators", "networks", "regions", "region_former_names", "users", "accounts", "sessions", "audit_events", "rate_limits", "ingest_runs", "ingest_rejects", "incident_external_keys", "series", "series_points", "ooni_measurements", "outage_events", "feed_schedules", "_prisma_migrations"]) {
      expect(tables[table]?.rows, table).toBeGreaterThan(0);
    }
    expect(await getDb().incidentRevision.count({ where: { incidentId: editedIncidentId } })).toBe(3);
  });

  it("matches the original table by table: row counts, contents and sequences", async () => {
    const [original, copy] = await Promise.all([fingerprint(source()), fingerprint(restored)]);
    expect(Object.keys(copy.tables).sort()).toEqual(Object.keys(original.tables).sort());
    expect(copy).toEqual(original);
  });

  it("is a tracker database the app takes up as it is: migrations current, escaped text intact, new ids after the old", async () => {
    expect(await migrateDatabase(restored)).toMatchObject({ applied: [] });
    const db = createDb(restored, { max: 2 });
    try {
      const incident = await readIncidentState(db, editedIncidentId);
      expect(incident?.snapshot).toMatchObject({ title: "Mobile internet cut in Zhanaozen (Mangystau)" });
      expect((incident?.snapshot as { summary: string }).summary).toContain("\\N, which is not a null");
      expect((incident?.snapshot as { summary: string }).summary).toContain("\n");
      const highest = await db.incident.aggregate({ _max: { id: true } });
      const added = await createIncident({ caller: SYSTEM, input: buildIncidentInput(), db });
      expect(added.id).toBeGreaterThan(highest._max.id!);
    } finally {
      await db.$disconnect();
    }
  });

  it("comes with a sha256 file in sha256sum's format, and is readable by its owner only", async () => {
    const sidecar = await fs.readFile(`${file}.sha256`, "utf8");
    expect(sidecar).toMatch(new RegExp(`^[0-9a-f]{64}  ${path.basename(file).replace(/\./g, "\\.")}\\n$`));
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
  });

  it("is refused by a database that is not empty, which stays as it was", async () => {
    const before = await fingerprint(restored);
    const error = await restoreDatabase({ connectionString: restored, from: file }).catch((reason: unknown) => reason);
    expect(isAppError(error, "BACKUP")).toBe(true);
    expect((error as Error).message).toMatch(/^The database kst_test_scratch_\w+ is not empty: it holds \d+ tables \(\d+ holding rows\).*add --force/);
    expect((error as Error).message).not.toContain("\n");
    expect(await fingerprint(restored)).toEqual(before);
  });
});

/**
 * Copies a backup record by record through BackupWriter, with another header
 * or a table's rows edited: the copy's checksums are valid, so only what was
 * changed can make a restore refuse it.
 */
async function rewriteBackup(from: string, to: string, change: { header?: object; rows?: (table: string, rows: string) => string }) {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on("data", (chunk: Buffer) => chunks.push(chunk));
  const writer = new BackupWriter(sink);
  let table = "";
  let rows: Buffer[] = [];
  for await (const event of readBackupRecords(readBackupFileBytes(from), from)) {
    if (event.type === "header") await writer.start({ ...event.header, ...change.header });
    else if (event.type === "section") {
      table = event.section.name;
      rows = [];
      await writer.beginSection(event.section);
    } else if (event.type === "data") rows.push(event.piece);
    else if (event.type === "end") {
      const text = Buffer.concat(rows).toString("utf8");
      const edited = change.rows ? change.rows(table, text) : text;
      if (edited.length > 0) await writer.data(Buffer.from(edited, "utf8"));
      await writer.endSection();
    } else await writer.finish();
  }
  sink.end();
  await fs.writeFile(to, gzipSync(Buffer.concat(chunks)));
}

describe("a damaged backup", () => {
  let good: string;

  beforeAll(async () => {
    good = (await backupDatabase({ connectionString: source(), out: path.join(workDir, "good.kst-backup.gz") })).file;
  });

  async function expectRefused(file: string, message: RegExp) {
    const target = await scratchDatabase();
    const error = await restoreDatabase({ connectionString: target, from: file }).catch((reason: unknown) => reason);
    expect(isAppError(error, "BACKUP"), String(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
    // Refused before anything was written.
    expect(isEmptyDatabase(await withClient(target, inspectContents))).toBe(true);
  }

  it("with a byte changed is refused by its .sha256 file, or without it by gzip's check", async () => {
    const bytes = await fs.readFile(good);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    const withSidecar = path.join(workDir, "flipped.kst-backup.gz");
    await fs.writeFile(withSidecar, bytes);
    await fs.copyFile(`${good}.sha256`, `${withSidecar}.sha256`);
    await expectRefused(withSidecar, /^The backup file .*flipped\.kst-backup\.gz is damaged or not a tracker backup: its sha256 \([0-9a-f]{12}…\) differs from the one in .*\.sha256/);

    const alone = path.join(workDir, "flipped-alone.kst-backup.gz");
    await fs.writeFile(alone, bytes);
    // A flipped byte garbles the deflate stream from there on: which check sees it first depends on where it
    // lands (and so on how much the seed holds): gzip's own, a section's checksum, or a record's structure.
    await expectRefused(alone, /is damaged or not a tracker backup: (its compressed data is incomplete or corrupt|.*checksum|section \w+ holds a malformed record).*Nothing was restored\.$/);
  });

  it("cut short is refused as incomplete", async () => {
    const bytes = await fs.readFile(good);
    const cut = path.join(workDir, "cut.kst-backup.gz");
    await fs.writeFile(cut, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    await expectRefused(cut, /its compressed data is incomplete or corrupt \(unexpected end of file\)/);

    // Whole gzip, but the records stop before the trailer.
    const text = gunzipSync(await fs.readFile(good));
    const lastSection = text.lastIndexOf("\nEND ");
    const early = path.join(workDir, "early.kst-backup.gz");
    await fs.writeFile(early, gzipSync(text.subarray(0, lastSection + 1)));
    await expectRefused(early, /it ends before its section|it ends in the middle of its section/);
  });

  it("with a row edited inside a valid gzip stream is refused by the section's checksum", async () => {
    // Byte for byte (latin1): a DATA record may end inside a multi-byte character, which UTF-8 decoding would mangle.
    const text = gunzipSync(await fs.readFile(good)).toString("latin1");
    const edited = text.replace("Mobile internet cut in Zhanaozen (Mangystau)", "Mobile internet cut in Zhanaozen (Mangystaw)");
    expect(edited).not.toBe(text);
    const tampered = path.join(workDir, "tampered.kst-backup.gz");
    await fs.writeFile(tampered, gzipSync(Buffer.from(edited, "latin1")));
    await expectRefused(tampered, /the checksum of section \w+ does not match its contents/);
  });

  it("that is not a backup at all is refused as such", async () => {
    const notGzip = path.join(workDir, "notes.txt");
    await fs.writeFile(notGzip, "just some notes\n");
    await expectRefused(notGzip, /is damaged or not a tracker backup: it is not a gzip stream/);
    const otherGzip = path.join(workDir, "other.gz");
    await fs.writeFile(otherGzip, gzipSync("hello\n"));
    await expectRefused(otherGzip, /its first line is not the tracker's backup header/);
  });

  it("taken at a migration this checkout lacks is refused before the database is touched", async () => {
    const text = gunzipSync(await fs.readFile(good)).toString("utf8");
    const headerLine = text.split("\n")[1]!;
    const header = JSON.parse(headerLine.slice("HEADER ".length)) as { migrations: object[] };
    header.migrations.push({ name: "29991231000000_from_the_future", checksum: "0".repeat(64), startedAt: "2999-12-31T00:00:00.000Z", finishedAt: "2999-12-31T00:00:00.000Z", rolledBackAt: null });
    const future = path.join(workDir, "future.kst-backup.gz");
    await rewriteBackup(good, future, { header });
    await expectRefused(future, /was taken at migration 29991231000000_from_the_future, which this checkout does not have/);
  });
});

describe("--force", () => {
  it("replaces a database's contents, and a restore that fails leaves them as they were", async () => {
    const file = (await backupDatabase({ connectionString: source(), out: path.join(workDir, "force.kst-backup.gz") })).file;
    const target = await scratchDatabase();
    await migrateDatabase(target);
    const app = createDb(target, { max: 1 });
    await seedDatabase(app);
    const seededOnly = await fingerprint(target);

    // Not while something else uses the database, forced or not.
    const inUse = await restoreDatabase({ connectionString: target, from: file, force: true }).catch((reason: unknown) => reason);
    expect((inUse as Error).message).toMatch(/^1 other connection is open to kst_test_scratch_\w+; stop the tracker's app servers/);
    await app.$disconnect();

    // Valid checksums, but a phase pointing at an incident that does not exist: PostgreSQL refuses it mid-restore.
    const broken = path.join(workDir, "broken-reference.kst-backup.gz");
    await rewriteBackup(file, broken, {
      rows: (table, rows) => {
        if (table !== "phases") return rows;
        const [first, ...rest] = rows.split("\n");
        const cells = first!.split("\t");
        cells[1] = "99999999"; // incident_id
        return [cells.join("\t"), ...rest].join("\n");
      },
    });
    const failure = await restoreDatabase({ connectionString: target, from: broken, force: true }).catch((reason: unknown) => reason);
    expect(isAppError(failure, "BACKUP"), String(failure)).toBe(true);
    expect((failure as Error).message).toMatch(/^The restore failed and was rolled back, leaving the database as it was: .*foreign key/);
    expect(await fingerprint(target)).toEqual(seededOnly);

    const logged: string[] = [];
    await restoreDatabase({ connectionString: target, from: file, force: true, log: (line) => logged.push(line) });
    expect(logged.join("\n")).toMatch(/--force: replacing \d+ tables \(\d+ holding rows\).* in kst_test_scratch_\w+, in the restore's own transaction/);
    expect(await fingerprint(target)).toEqual(await fingerprint(source()));
  });
});

function runDbScript(args: string[], env: Record<string, string>) {
  // The database named is also the one to sign in to as owner (not this test file's own).
  const childEnv = { ...process.env, ...env, ...(env.DATABASE_URL ? { DATABASE_OWNER_URL: env.DATABASE_URL } : {}) };
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/db.ts", ...args], {
      cwd: ROOT,
      env: childEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm run db:backup and db:restore", () => {
  it("exit 0 on success, 1 with one line when refused, 2 on bad usage", async () => {
    const file = path.join(workDir, "cli.kst-backup.gz");
    const backup = await runDbScript(["backup", "--out", file], { DATABASE_URL: source() });
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/\[tracker\] Wrote .*cli\.kst-backup\.gz \([\d.]+ MB; \d+ tables, [\d,]+ rows; \d+ migrations\)/);

    const check = await runDbScript(["restore", "--from", file, "--check"], {});
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain("is intact");

    const target = await scratchDatabase();
    const restore = await runDbScript(["restore", "--from", file], { DATABASE_URL: target });
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/\[tracker\] Restored \d+ tables, [\d,]+ rows and \d+ sequences into kst_test_scratch_\w+/);
    expect(await fingerprint(target)).toEqual(await fingerprint(source()));

    const again = await runDbScript(["restore", "--from", file], { DATABASE_URL: target });
    expect(again.code).toBe(1);
    expect(again.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^\[tracker\] The database kst_test_scratch_\w+ is not empty: .* add --force/)]);

    const bytes = await fs.readFile(file);
    bytes[bytes.length - 20]! ^= 0x01;
    const corrupt = path.join(workDir, "cli-corrupt.kst-backup.gz");
    await fs.writeFile(corrupt, bytes);
    const refused = await runDbScript(["restore", "--from", corrupt], { DATABASE_URL: await scratchDatabase() });
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^\[tracker\] The backup file .*cli-corrupt\.kst-backup\.gz is damaged or not a tracker backup: .*Nothing was restored\.$/)]);

    const misuses = [["backup"], ["restore"], ["backup", "--out", file, "--method", "tar"], ["restore", "--from", file, "--yes"], ["vacuum"]];
    const usages = await Promise.all(misuses.map((args) => runDbScript(args, { DATABASE_URL: target })));
    for (const [index, usage] of usages.entries()) {
      expect(usage.code, misuses[index]!.join(" ")).toBe(2);
      expect(usage.stderr, misuses[index]!.join(" ")).toContain("Usage:");
    }
  }, 300_000); // eleven runs of the script, each starting Node and tsx
});

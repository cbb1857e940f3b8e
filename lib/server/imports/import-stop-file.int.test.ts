import { PassThrough } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { SYSTEM, type Actor, type Caller } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { readStopFixture } from "@/lib/ingest/stop/fixtures/seed-reference";
import { readIncidentState } from "@/lib/server/incidents/read-incident-snapshot";
import { updateIncident } from "@/lib/server/incidents/update-incident";
import { createTestActor } from "@/lib/testing/users";
import { seedReferenceData } from "@/prisma/seed";
import { applyIncidentProposal } from "./apply-incident-proposal";
import { dismissIncidentProposal } from "./dismiss-incident-proposal";
import { getIncidentProposal } from "./get-incident-proposal";
import { getIngestRun } from "./get-ingest-run";
import { importStopFile } from "./import-stop-file";
import { listIngestRejectPage } from "./list-ingest-reject-page";
import { listIngestRuns } from "./list-ingest-runs";

/**
 * The STOP import against real PostgreSQL, with the reference data seeded but
 * no incidents, so every Kazakhstan row of the fixture is new at first.
 */

const FIXTURE = readStopFixture("stop-2022-kazakhstan.csv");
/** The fixture's physical lines, to check that rejects keep rows verbatim. */
const LINES = FIXTURE.split("\n");

/** The 19 October 2022 row with an end date: same natural key, new row hash. */
const WITH_ELECTION_END = FIXTURE.replace("not-a-link,Ongoing,,", "not-a-link,Ended,11/27/2022,");
/** The 4 January 2022 row with one more source link. */
const WITH_EXTRA_LINK = FIXTURE.replace(
  "https://blog.cloudflare.com/fixture-kazakhstan-outage/",
  "https://blog.cloudflare.com/fixture-kazakhstan-outage/, https://netblocks.org/fixture-kazakhstan-report",
);

let editor: Actor;
let admin: Actor;
let contributor: Actor;

beforeAll(async () => {
  await seedReferenceData(getDb());
  editor = await createTestActor({ role: "editor", name: "Import Editor" });
  admin = await createTestActor({ role: "admin" });
  contributor = await createTestActor({ role: "contributor" });
});

/** Rows in every table an import may write to, except the run log itself. */
async function rowCounts() {
  const db = getDb();
  return {
    incidents: await db.incident.count(),
    phases: await db.phase.count(),
    sources: await db.source.count(),
    acknowledgements: await db.acknowledgement.count(),
    incidentOperators: await db.incidentOperator.count(),
    incidentRegions: await db.incidentRegion.count(),
    phaseOperators: await db.phaseOperator.count(),
    phaseRegions: await db.phaseRegion.count(),
    revisions: await db.incidentRevision.count(),
    externalKeys: await db.incidentExternalKey.count(),
    proposals: await db.incidentProposal.count(),
  };
}

const keyOf = (startDay: string, area: string, type: string) => `kazakhstan|${startDay}|${area}|${type}`;

async function incidentForKey(key: string) {
  const link = await getDb().incidentExternalKey.findUnique({ where: { source_key: { source: "STOP", key } } });
  expect(link, key).not.toBeNull();
  return (await readIncidentState(getDb(), link!.incidentId))!;
}

async function denial(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(isAppError(error, "UNAUTHENTICATED") || isAppError(error, "FORBIDDEN"), String(error)).toBe(true);
  return error;
}

describe("importStopFile", () => {
  it("accepts the good rows and stores the bad ones verbatim with line, column and reason", async () => {
    const before = await rowCounts();
    const summary = await importStopFile({ caller: editor, input: FIXTURE, fileName: "stop-2022-kazakhstan.csv" });
    expect(summary).toMatchObject({ accepted: 3, duplicates: 0, rejected: 3 });

    const after = await rowCounts();
    expect(after.incidents - before.incidents).toBe(3);
    expect(after.externalKeys - before.externalKeys).toBe(3);
    expect(after.proposals - before.proposals).toBe(0);

    const report = await getIngestRun({ caller: editor, id: summary.runId });
    expect(report).toMatchObject({
      status: "SUCCEEDED",
      source: "STOP",
      fileName: "stop-2022-kazakhstan.csv",
      country: "Kazakhstan",
      accepted: 3,
      duplicates: 0,
      rejected: 3,
      triggeredBy: editor.name,
      parameters: { variant: "2022+", ignoredColumns: ["reviewer_notes"], skippedOtherCountries: 1 },
    });
    expect(report!.finishedAt).toBeInstanceOf(Date);
    const { rejects } = await listIngestRejectPage({ caller: editor, runId: summary.runId });
    expect(rejects.map((reject) => [reject.line, reject.column, reject.raw])).toEqual([
      [9, "start_date", LINES[8]],
      [10, "end_date", LINES[9]],
      [11, "country", LINES[10]],
    ]);
    expect(rejects[0]!.reason).toBe('start_date "31/31/2022" is not a date (expected m/d/yyyy or d-Mmm-yyyy)');

    // The drafts: one per row, by the uploader, with revision 1 labelled as an import.
    expect(report!.createdDrafts.map((draft) => [draft.slug, draft.status])).toEqual([
      ["stop-2022-01-04-nationwide-blackout", "DRAFT"],
      ["stop-2022-10-19-nationwide-service-blocking", "DRAFT"],
      ["stop-2021-02-28-almaty-city-astana-blackout", "DRAFT"],
    ]);
    const january = await incidentForKey(keyOf("2022-01-04", "nationwide", "FULL_BLACKOUT"));
    expect(january).toMatchObject({ status: "DRAFT", version: 1, createdById: editor.id });
    expect(january.snapshot).toMatchObject({
      operators: ["beeline", "kazakhtelecom", "kcell", "tele2-altel"],
      services: ["SIGNAL", "TELEGRAM", "WHATSAPP"],
      startsAt: "2022-01-03T18:00:00.000Z",
      endsAt: "2022-01-10T18:00:00.000Z",
    });
    const revision = await getDb().incidentRevision.findFirstOrThrow({ where: { incidentId: january.id } });
    expect(revision).toMatchObject({ action: "IMPORT", authorId: editor.id });
    expect(revision.note).toContain("line 2");
    const cities = await incidentForKey(keyOf("2021-02-28", "almaty+nur sultan", "FULL_BLACKOUT"));
    expect(cities.snapshot).toMatchObject({ scope: "LOCAL", regions: ["almaty-city", "astana"] });
  });

  it("imports the same file again as duplicates, writing no incident, key or proposal", async () => {
    const before = await rowCounts();
    const summary = await importStopFile({ caller: SYSTEM, input: FIXTURE, fileName: "again.csv" });
    expect(summary).toMatchObject({ accepted: 0, duplicates: 3, rejected: 3 });
    expect(await rowCounts()).toEqual(before);
    // The run itself is logged, with its own copy of the rejects for its report.
    const report = await getIngestRun({ caller: editor, id: summary.runId });
    expect(report).toMatchObject({ status: "SUCCEEDED", triggeredBy: null, createdDrafts: [], proposals: [] });
    expect((await listIngestRejectPage({ caller: editor, runId: summary.runId })).rejects).toHaveLength(3);
  });

  it("turns a changed row into one proposal, and the same change again into a duplicate", async () => {
    const before = await rowCounts();
    const first = await importStopFile({ caller: editor, input: WITH_ELECTION_END, fileName: "changed.csv" });
    expect(first).toMatchObject({ accepted: 1, duplicates: 2, rejected: 3 });
    const afterFirst = await rowCounts();
    expect(afterFirst).toEqual({ ...before, proposals: before.proposals + 1 });

    const second = await importStopFile({ caller: editor, input: WITH_ELECTION_END, fileName: "changed-again.csv" });
    expect(second).toMatchObject({ accepted: 0, duplicates: 3, rejected: 3 });
    expect(await rowCounts()).toEqual(afterFirst);

    const report = await getIngestRun({ caller: editor, id: first.runId });
    expect(report!.proposals).toEqual([expect.objectContaining({ externalKey: keyOf("2022-10-19", "nationwide", "SERVICE_BLOCKING"), status: "PENDING" })]);
    const view = await getIncidentProposal({ caller: editor, id: report!.proposals[0]!.id });
    // The end it fills is recorded (decision 0013).
    expect(view!.changes.map((change) => change.path)).toEqual(["endsAt", "endPrecision", "endStatus"]);
    expect(view!.merged.endsAt).toBe("2022-11-26T18:00:00.000Z");
  });

  it("applies a proposal as a new revision that fills the end and removes nothing", async () => {
    const key = keyOf("2022-10-19", "nationwide", "SERVICE_BLOCKING");
    const proposal = await getDb().incidentProposal.findFirstOrThrow({ where: { externalKey: key, status: "PENDING" } });
    const before = await readIncidentState(getDb(), proposal.incidentId);
    expect(before!.snapshot).toMatchObject({ endStatus: "NOT_RECORDED" });
    expect(before!.snapshot.endsAt).toBeUndefined();

    const result = await applyIncidentProposal({ caller: editor, id: proposal.id, baseVersion: before!.version });
    expect(result).toMatchObject({ incidentId: proposal.incidentId, version: before!.version + 1, changed: true });

    const after = await readIncidentState(getDb(), proposal.incidentId);
    expect(after!.snapshot).toEqual({ ...before!.snapshot, endsAt: "2022-11-26T18:00:00.000Z", endPrecision: "DAY", endStatus: "RECORDED" });
    const revision = await getDb().incidentRevision.findFirstOrThrow({ where: { incidentId: proposal.incidentId, version: after!.version } });
    expect(revision).toMatchObject({ action: "APPLY_PROPOSAL", authorId: editor.id });
    expect(await getDb().incidentProposal.findUnique({ where: { id: proposal.id } })).toMatchObject({ status: "APPLIED", decidedById: editor.id });

    // Decided once: a second decision is a conflict.
    const again = await applyIncidentProposal({ caller: editor, id: proposal.id, baseVersion: after!.version }).catch((error: unknown) => error);
    expect(isAppError(again, "CONFLICT")).toBe(true);
    // The applied row, imported again, is a duplicate.
    expect(await importStopFile({ caller: editor, input: WITH_ELECTION_END, fileName: "changed.csv" })).toMatchObject({ accepted: 0, duplicates: 3 });
  });

  it("refuses to apply over a newer version of the incident, and leaves the proposal pending", async () => {
    const summary = await importStopFile({ caller: editor, input: WITH_EXTRA_LINK.replace("not-a-link,Ongoing,,", "not-a-link,Ended,11/27/2022,"), fileName: "extra-link.csv" });
    expect(summary).toMatchObject({ accepted: 1, duplicates: 2 });
    const proposal = await getDb().incidentProposal.findFirstOrThrow({ where: { runId: summary.runId } });
    // The editor opened the proposal at this version; someone else saved the incident meanwhile.
    const seen = (await readIncidentState(getDb(), proposal.incidentId))!;
    await updateIncident({ caller: admin, id: proposal.incidentId, baseVersion: seen.version, input: { ...seen.snapshot, title: "Edited meanwhile" } });
    const stale = await applyIncidentProposal({ caller: editor, id: proposal.id, baseVersion: seen.version }).catch((error: unknown) => error);
    expect(isAppError(stale, "CONFLICT")).toBe(true);
    expect(await getDb().incidentProposal.findUnique({ where: { id: proposal.id } })).toMatchObject({ status: "PENDING", decidedAt: null });
    const now = (await readIncidentState(getDb(), proposal.incidentId))!;
    expect(now.version).toBe(seen.version + 1);
    expect(now.snapshot.sources).toEqual(seen.snapshot.sources);
  });

  it("dismisses a proposal without touching the incident; the dismissed row stays a duplicate", async () => {
    const proposal = await getDb().incidentProposal.findFirstOrThrow({ where: { status: "PENDING" } });
    const before = await readIncidentState(getDb(), proposal.incidentId);
    await dismissIncidentProposal({ caller: admin, id: proposal.id });
    expect(await getDb().incidentProposal.findUnique({ where: { id: proposal.id } })).toMatchObject({ status: "DISMISSED", decidedById: admin.id });
    expect(await readIncidentState(getDb(), proposal.incidentId)).toEqual(before);
    const counts = await rowCounts();
    const input = WITH_EXTRA_LINK.replace("not-a-link,Ongoing,,", "not-a-link,Ended,11/27/2022,");
    expect(await importStopFile({ caller: editor, input, fileName: "extra-link.csv" })).toMatchObject({ accepted: 0, duplicates: 3 });
    expect(await rowCounts()).toEqual(counts);
    expect(isAppError(await dismissIncidentProposal({ caller: admin, id: proposal.id }).catch((error: unknown) => error), "CONFLICT")).toBe(true);
    expect(isAppError(await dismissIncidentProposal({ caller: admin, id: 987_654 }).catch((error: unknown) => error), "NOT_FOUND")).toBe(true);
  });

  it("imports a sheet saved with a title and a disclaimer above its header, recording those rows and the header's line", async () => {
    const saved = `#KeepItOn STOP data — exported for the tracker${",".repeat(44)}\n"Disclaimer: this sheet is compiled from public reports"${",".repeat(44)}\n${FIXTURE}`;
    const result = await importStopFile({ caller: editor, input: saved, fileName: "stop-with-title.csv" });
    const report = (await getIngestRun({ caller: editor, id: result.runId }))!;
    expect(report.status).toBe("SUCCEEDED");
    expect(report.parameters).toMatchObject({ variant: "2022+", headerLine: 3, rowsAboveHeader: [expect.stringContaining("#KeepItOn STOP data"), expect.stringContaining("Disclaimer")] });
    // The rows are those of the plain file (already imported above: duplicates), two lines further down.
    expect(result.accepted + result.duplicates).toBeGreaterThan(0);
    expect(result.accepted).toBe(0);
  });

  it("fails the run, and writes nothing else, when the header is not STOP's", async () => {
    const before = await rowCounts();
    const error = await importStopFile({ caller: editor, input: "date,place,what\n1/1/2022,Almaty,cut\n", fileName: "other.csv" }).catch((reason: unknown) => reason);
    expect(isAppError(error, "VALIDATION")).toBe(true);
    expect(await rowCounts()).toEqual(before);
    const [run] = await listIngestRuns({ caller: editor, limit: 1 });
    expect(run).toMatchObject({ fileName: "other.csv", status: "FAILED", accepted: 0, rejected: 0 });
    expect(run!.error).toMatch(/^Not a #KeepItOn STOP export: none of the first 2 rows is a STOP header row/);
  });

  it("runs one STOP import at a time", async () => {
    const slow = new PassThrough();
    let reading!: () => void;
    const started = new Promise<void>((resolve) => (reading = resolve));
    const first = importStopFile({
      caller: editor,
      input: slow,
      fileName: "slow.csv",
      // Reported once the import holds the lock, before it reads the file.
      onProgress: (event) => event.kind === "reference" && reading(),
    });
    await started;
    const second = await importStopFile({ caller: editor, input: FIXTURE, fileName: "meanwhile.csv" }).catch((error: unknown) => error);
    expect(isAppError(second, "CONFLICT")).toBe(true);
    slow.end(FIXTURE);
    expect(await first).toMatchObject({ accepted: 0, duplicates: 3, rejected: 3 });
    const runs = await listIngestRuns({ caller: editor, limit: 2 });
    expect(runs.map((run) => [run.fileName, run.status])).toEqual(
      expect.arrayContaining([
        ["meanwhile.csv", "FAILED"],
        ["slow.csv", "SUCCEEDED"],
      ]),
    );
  });
});

describe("who may import and decide on proposals", () => {
  type Name = "anonymous" | "contributor" | "editor" | "admin";
  const callers = (): Record<Name, Caller> => ({ anonymous: null, contributor, editor, admin });

  it.each(["anonymous", "contributor"] as const)("%s may not import, list or read runs, or decide on proposals", async (name) => {
    const by = callers()[name];
    const runsBefore = await getDb().ingestRun.count();
    const proposal = await getDb().incidentProposal.findFirstOrThrow();
    await denial(importStopFile({ caller: by, input: FIXTURE, fileName: "denied.csv" }));
    await denial(listIngestRuns({ caller: by }));
    await denial(getIngestRun({ caller: by, id: 1 }));
    await denial(getIncidentProposal({ caller: by, id: proposal.id }));
    await denial(applyIncidentProposal({ caller: by, id: proposal.id, baseVersion: 1 }));
    await denial(dismissIncidentProposal({ caller: by, id: proposal.id }));
    expect(await getDb().ingestRun.count()).toBe(runsBefore);
    const audit = await getDb().auditEvent.findMany({ where: { action: "PERMISSION_DENIED", actorId: name === "anonymous" ? null : contributor.id }, orderBy: { id: "desc" }, take: 6 });
    expect(audit.map((event) => (event.details as { permission: string }).permission).sort()).toEqual(
      ["import:run", "import:run", "import:run", "import:run", "incident:review", "incident:review"].sort(),
    );
  });

  it.each(["editor", "admin"] as const)("%s may import, read runs, and apply and dismiss proposals", async (name) => {
    const by = callers()[name];
    // A row this caller alone changes: a new link on the 28 February 2021 row (space-separated: the cell is not quoted).
    const input = FIXTURE.replace("https://www.accessnow.org/fixture-february-protests/", `https://www.accessnow.org/fixture-february-protests/ https://example.org/${name}-link`);
    const summary = await importStopFile({ caller: by, input, fileName: `${name}.csv` });
    expect(summary.accepted).toBe(1);
    expect((await listIngestRuns({ caller: by })).length).toBeGreaterThan(0);
    const report = await getIngestRun({ caller: by, id: summary.runId });
    const proposal = report!.proposals[0]!;
    const view = await getIncidentProposal({ caller: by, id: proposal.id });
    if (name === "editor") {
      const applied = await applyIncidentProposal({ caller: by, id: proposal.id, baseVersion: view!.incident.version });
      expect(applied.changed).toBe(true);
    } else {
      await dismissIncidentProposal({ caller: by, id: proposal.id });
    }
    expect((await getIncidentProposal({ caller: by, id: proposal.id }))!.status).toBe(name === "editor" ? "APPLIED" : "DISMISSED");
  });
});

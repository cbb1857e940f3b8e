import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { readStopFixture } from "@/lib/ingest/stop/fixtures/seed-reference";
import { applyIncidentProposal } from "@/lib/server/imports/apply-incident-proposal";
import { importStopFile } from "@/lib/server/imports/import-stop-file";
import { buildIncidentInput } from "@/lib/testing/factories";
import { createTestActor } from "@/lib/testing/users";
import { seedReferenceData } from "@/prisma/seed";
import { createIncident } from "./create-incident";
import { getStaffOverview } from "./get-staff-overview";
import { readIncidentState } from "./read-incident-snapshot";
import { submitIncident } from "./submit-incident";
import { updateIncident } from "./update-incident";

/**
 * The console home's "waiting for you" against real PostgreSQL: a STOP import
 * makes three drafts, two changed rows make two proposals, and a contributor
 * drafts and submits. Each list is checked for an editor and a contributor.
 */

const FIXTURE = readStopFixture("stop-2022-kazakhstan.csv");
const WITH_ELECTION_END = FIXTURE.replace("not-a-link,Ongoing,,", "not-a-link,Ended,11/27/2022,");
const WITH_EXTRA_LINK = FIXTURE.replace(
  "https://blog.cloudflare.com/fixture-kazakhstan-outage/",
  "https://blog.cloudflare.com/fixture-kazakhstan-outage/, https://netblocks.org/fixture-kazakhstan-report",
);

let editor: Actor;
let contributor: Actor;
let newcomer: Actor;
let importedIds: number[];
let contributorDraftId: number;
let submittedId: number;

beforeAll(async () => {
  await seedReferenceData(getDb());
  editor = await createTestActor({ role: "editor", name: "Overview Editor" });
  contributor = await createTestActor({ role: "contributor", name: "Overview Contributor" });
  newcomer = await createTestActor({ role: "contributor", name: "Newcomer" });

  const first = await importStopFile({ caller: editor, input: FIXTURE, fileName: "stop-2022.csv" });
  expect(first).toMatchObject({ accepted: 3, rejected: 3 });
  expect(await importStopFile({ caller: editor, input: WITH_ELECTION_END, fileName: "changed.csv" })).toMatchObject({ accepted: 1 });
  // The extra link is added to the election row's file too, so it is a second proposal for another incident.
  expect(await importStopFile({ caller: editor, input: WITH_EXTRA_LINK, fileName: "extra-link.csv" })).toMatchObject({ accepted: 1 });
  importedIds = (await getDb().incident.findMany({ where: { status: "DRAFT" }, orderBy: { createdAt: "asc" }, select: { id: true } })).map((row) => row.id);
  expect(importedIds).toHaveLength(3);

  contributorDraftId = (await createIncident({ caller: contributor, input: buildIncidentInput({ title: "A contributor's draft", status: "DRAFT" }) })).id;
  const toSubmit = await createIncident({ caller: contributor, input: buildIncidentInput({ title: "A contributor's submission", status: "DRAFT" }) });
  submittedId = toSubmit.id;
  await submitIncident({ caller: contributor, id: toSubmit.id, baseVersion: toSubmit.version });
});

const ids = (list: { items: { id: number }[] } | null) => list?.items.map((item) => item.id) ?? null;

describe("getStaffOverview", () => {
  it("shows an editor the proposals, the imported drafts nobody checked and the review queue, with counts", async () => {
    const { work } = await getStaffOverview({ caller: editor });
    expect(work.proposals?.count).toBe(2);
    expect(work.proposals?.items.map((proposal) => proposal.incident.id).sort()).toEqual(
      (await getDb().incidentProposal.findMany({ where: { status: "PENDING" }, select: { incidentId: true } })).map((row) => row.incidentId).sort(),
    );
    expect(work.importedDrafts).toMatchObject({ count: 3 });
    expect(ids(work.importedDrafts)).toEqual(importedIds);
    expect(work.inReview).toMatchObject({ count: 1 });
    expect(ids(work.inReview)).toEqual([submittedId]);
    // The editor's own imported drafts are listed with the imports, not again as theirs.
    expect(work.myDrafts).toEqual({ count: 0, items: [] });
  });

  it("shows a contributor only their own drafts and submissions, never imports", async () => {
    const { work, isEditor } = await getStaffOverview({ caller: contributor });
    expect(isEditor).toBe(false);
    expect(work.proposals).toBeNull();
    expect(work.importedDrafts).toBeNull();
    expect(ids(work.myDrafts)).toEqual([contributorDraftId]);
    expect(work.myDrafts.count).toBe(1);
    expect(ids(work.inReview)).toEqual([submittedId]);

    const { work: nothing } = await getStaffOverview({ caller: newcomer });
    expect([nothing.myDrafts.count, nothing.inReview.count]).toEqual([0, 0]);
  });

  it("keeps an imported draft waiting through applied proposals, and lets it go once someone saves it", async () => {
    const proposal = await getDb().incidentProposal.findFirstOrThrow({ where: { status: "PENDING" }, orderBy: { id: "asc" } });
    const target = (await readIncidentState(getDb(), proposal.incidentId))!;
    await applyIncidentProposal({ caller: editor, id: proposal.id, baseVersion: target.version });
    let { work } = await getStaffOverview({ caller: editor });
    expect(work.proposals?.count).toBe(1);
    expect(work.importedDrafts?.count).toBe(3);

    const checked = (await readIncidentState(getDb(), importedIds[0]!))!;
    await updateIncident({ caller: editor, id: checked.id, baseVersion: checked.version, input: { ...checked.snapshot, title: "Checked against the sources" } });
    ({ work } = await getStaffOverview({ caller: editor }));
    expect(work.importedDrafts?.count).toBe(2);
    expect(ids(work.importedDrafts)).not.toContain(checked.id);
    // Now it is simply the editor's draft.
    expect(ids(work.myDrafts)).toEqual([checked.id]);
  });

  it("lists at most `limit` items of each kind but counts them all", async () => {
    const { work } = await getStaffOverview({ caller: editor, limit: 1 });
    expect(work.importedDrafts?.items).toHaveLength(1);
    expect(work.importedDrafts?.count).toBe(2);
  });

  it("refuses anonymous callers", async () => {
    const error = await getStaffOverview({ caller: null }).catch((reason: unknown) => reason);
    expect(isAppError(error, "UNAUTHENTICATED")).toBe(true);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import type { FieldChange } from "@/lib/incidents/diff";
import type { IncidentSnapshot } from "@/lib/incidents/snapshot";
import { archiveIncident } from "@/lib/server/incidents/archive-incident";
import { compareIncidentRevisions } from "@/lib/server/incidents/compare-incident-revisions";
import { createIncident } from "@/lib/server/incidents/create-incident";
import { getIncidentForEditing } from "@/lib/server/incidents/get-incident-for-editing";
import { getPublishedIncident } from "@/lib/server/incidents/get-published-incident";
import type { ConflictDetails } from "@/lib/server/incidents/incident-conflict";
import { listIncidentRevisions } from "@/lib/server/incidents/list-incident-revisions";
import { listPublicIncidentChanges } from "@/lib/server/incidents/list-public-incident-changes";
import { publishIncident } from "@/lib/server/incidents/publish-incident";
import { readIncidentState } from "@/lib/server/incidents/read-incident-snapshot";
import { restoreIncidentRevision } from "@/lib/server/incidents/restore-incident-revision";
import { submitIncident } from "@/lib/server/incidents/submit-incident";
import { unarchiveIncident } from "@/lib/server/incidents/unarchive-incident";
import { unpublishIncident } from "@/lib/server/incidents/unpublish-incident";
import { updateIncident } from "@/lib/server/incidents/update-incident";
import { buildIncidentInput } from "@/lib/testing/factories";
import { createTestActor } from "@/lib/testing/users";
import { seedReferenceData } from "@/prisma/seed";

let contributor: Actor;
let editor: Actor;
let otherEditor: Actor;

beforeAll(async () => {
  await seedReferenceData(getDb());
  [contributor, editor, otherEditor] = await Promise.all([
    createTestActor({ role: "contributor", name: "Dana Contributor" }),
    createTestActor({ role: "editor", name: "Erlan Editor" }),
    createTestActor({ role: "editor", name: "Gulnar Editor" }),
  ]);
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error, "expected the call to be refused").toBeInstanceOf(AppError);
  return error as AppError;
}

const draftInput = (overrides = {}) => buildIncidentInput({ status: "DRAFT", operators: ["kcell"], ...overrides });

describe("the editorial loop", () => {
  it("runs draft → review → published, with a revision for every step and a public change log", async () => {
    const created = await createIncident({ caller: contributor, input: draftInput() });
    expect(created).toMatchObject({ status: "DRAFT", version: 1, createdById: contributor.id, firstPublishedAt: null });

    const state = (await readIncidentState(getDb(), created.id))!;
    const edited = await updateIncident({
      caller: contributor,
      id: created.id,
      baseVersion: 1,
      input: { ...state.snapshot, title: "Mobile internet cut in Zhanaozen", phases: [{ ...state.snapshot.phases![0]!, label: "Cut" }] },
      note: "Better title",
    });
    expect(edited).toEqual({ id: created.id, version: 2, changed: true });

    await submitIncident({ caller: contributor, id: created.id, baseVersion: 2 });
    // Once submitted, the draft is no longer the contributor's to change.
    expect((await rejection(updateIncident({ caller: contributor, id: created.id, baseVersion: 3, input: state.snapshot }))).code).toBe("FORBIDDEN");
    expect(await getPublishedIncident({ caller: ANONYMOUS, slug: created.slug, locale: "en" })).toBeNull();

    await publishIncident({ caller: editor, id: created.id, baseVersion: 3, note: "Checked against two sources" });
    const published = await getPublishedIncident({ caller: ANONYMOUS, slug: created.slug, locale: "en" });
    expect(published?.title).toBe("Mobile internet cut in Zhanaozen");
    expect(published?.firstPublishedAt).toBeInstanceOf(Date);

    const current = (await readIncidentState(getDb(), created.id))!;
    await updateIncident({ caller: editor, id: created.id, baseVersion: 4, input: { ...current.snapshot, summary: "A corrected summary." }, note: "Fixed the summary" });

    const { revisions } = await listIncidentRevisions({ caller: editor, id: created.id });
    expect(revisions.map((revision) => [revision.version, revision.action, revision.status, revision.author])).toEqual([
      [5, "EDIT", "PUBLISHED", editor.name],
      [4, "PUBLISH", "PUBLISHED", editor.name],
      [3, "SUBMIT", "IN_REVIEW", contributor.name],
      [2, "EDIT", "DRAFT", contributor.name],
      [1, "CREATE", "DRAFT", contributor.name],
    ]);
    expect(revisions[3]!.changedFields).toEqual(expect.arrayContaining(["title", "phases"]));

    const stored = await getDb().incidentRevision.findUniqueOrThrow({ where: { incidentId_version: { incidentId: created.id, version: 2 } } });
    expect(stored.changes as FieldChange[]).toEqual(
      expect.arrayContaining([
        { path: "title", before: "Nationwide internet blackout", after: "Mobile internet cut in Zhanaozen" },
        expect.objectContaining({ path: "phases.0.label", after: "Cut" }),
      ]),
    );

    const changes = await listPublicIncidentChanges({ caller: ANONYMOUS, slug: created.slug, showEditorNames: false });
    expect(changes.map((change) => [change.kind, change.fields, change.note, change.editor])).toEqual([
      ["UPDATED", ["summary"], "Fixed the summary", null],
      ["FIRST_PUBLISHED", [], "Checked against two sources", null],
    ]);
    const named = await listPublicIncidentChanges({ caller: ANONYMOUS, slug: created.slug, showEditorNames: true });
    expect(named[0]!.editor).toBe(editor.name);
  });

  it("shows the diff between any two revisions and restores one as a new revision", async () => {
    const created = await createIncident({ caller: editor, input: draftInput({ title: "First title" }) });
    const v1 = (await readIncidentState(getDb(), created.id))!.snapshot;
    await updateIncident({ caller: editor, id: created.id, baseVersion: 1, input: { ...v1, title: "Second title", servicesOther: "Periscope" } });

    const comparison = await compareIncidentRevisions({ caller: editor, id: created.id, from: 1, to: 2 });
    expect(comparison.changes).toEqual(
      expect.arrayContaining([
        { path: "title", before: "First title", after: "Second title" },
        expect.objectContaining({ path: "servicesOther", after: "Periscope" }),
      ]),
    );

    const restored = await restoreIncidentRevision({ caller: editor, id: created.id, version: 1, baseVersion: 2 });
    expect(restored.version).toBe(3);
    const after = (await readIncidentState(getDb(), created.id))!;
    expect(after.snapshot).toEqual(v1);
    const revision = await getDb().incidentRevision.findUniqueOrThrow({ where: { incidentId_version: { incidentId: created.id, version: 3 } } });
    expect(revision).toMatchObject({ action: "RESTORE", restoredFrom: 1 });
    expect(await getDb().incidentRevision.count({ where: { incidentId: created.id } })).toBe(3);
  });

  it("archives instead of deleting: the record stays, leaves the public site and cannot be edited until unarchived", async () => {
    const created = await createIncident({ caller: editor, input: buildIncidentInput() });
    await archiveIncident({ caller: editor, id: created.id, baseVersion: 1 });
    expect(await getPublishedIncident({ caller: ANONYMOUS, slug: created.slug, locale: "en" })).toBeNull();
    expect(await getDb().incident.count({ where: { id: created.id } })).toBe(1);
    const state = (await readIncidentState(getDb(), created.id))!;
    expect((await rejection(updateIncident({ caller: editor, id: created.id, baseVersion: 2, input: state.snapshot }))).code).toBe("CONFLICT");
    await unarchiveIncident({ caller: editor, id: created.id, baseVersion: 2 });
    expect((await readIncidentState(getDb(), created.id))!.status).toBe("DRAFT");
  });

  it("refuses steps the status does not allow", async () => {
    const created = await createIncident({ caller: editor, input: draftInput() });
    expect((await rejection(unpublishIncident({ caller: editor, id: created.id, baseVersion: 1 }))).code).toBe("CONFLICT");
  });

  it("turns unknown operators and a taken slug into field errors, and stores nothing", async () => {
    const first = await createIncident({ caller: editor, input: draftInput() });
    const second = await createIncident({ caller: editor, input: draftInput() });
    const snapshot = (await readIncidentState(getDb(), second.id))!.snapshot;
    const error = await rejection(
      updateIncident({ caller: editor, id: second.id, baseVersion: 1, input: { ...snapshot, slug: first.slug, operators: ["no-such-operator"] } }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldIssues).toMatchObject({ slug: [expect.any(String)], operators: [expect.stringContaining("no-such-operator")] });
    expect((await readIncidentState(getDb(), second.id))!.version).toBe(1);
  });
});

describe("optimistic concurrency", () => {
  it("gives the second of two editors a conflict showing what changed, and overwrites nothing", async () => {
    const created = await createIncident({ caller: editor, input: draftInput({ title: "Original title" }) });
    // Both editors open version 1.
    const opened = (await getIncidentForEditing({ caller: editor, id: created.id })).snapshot;
    const openedByOther = (await getIncidentForEditing({ caller: otherEditor, id: created.id })).snapshot;

    await updateIncident({ caller: editor, id: created.id, baseVersion: 1, input: { ...opened, title: "Title from the first editor" } });

    const error = await rejection(
      updateIncident({ caller: otherEditor, id: created.id, baseVersion: 1, input: { ...openedByOther, summary: "Summary from the second editor." } }),
    );
    expect(error.code).toBe("CONFLICT");
    const details = error.details as ConflictDetails;
    expect(details.currentVersion).toBe(2);
    expect(details.savedBy).toBe(editor.name);
    expect(details.changes).toEqual([{ path: "title", before: "Original title", after: "Title from the first editor" }]);
    expect((details.current as IncidentSnapshot).title).toBe("Title from the first editor");

    // The second editor's text was not written; the first editor's is intact.
    const stored = (await readIncidentState(getDb(), created.id))!;
    expect(stored.version).toBe(2);
    expect(stored.snapshot.title).toBe("Title from the first editor");
    expect(stored.snapshot.summary).toBe(opened.summary);

    // Having seen the conflict, the second editor can knowingly save over version 2.
    await updateIncident({ caller: otherEditor, id: created.id, baseVersion: details.currentVersion, input: { ...details.current, summary: "Summary from the second editor." } });
    const merged = (await readIncidentState(getDb(), created.id))!;
    expect(merged.snapshot).toMatchObject({ title: "Title from the first editor", summary: "Summary from the second editor." });
  });

  it("lets exactly one of two simultaneous saves from the same version win", async () => {
    const created = await createIncident({ caller: editor, input: draftInput() });
    const snapshot = (await readIncidentState(getDb(), created.id))!.snapshot;
    const results = await Promise.allSettled([
      updateIncident({ caller: editor, id: created.id, baseVersion: 1, input: { ...snapshot, title: "A" } }),
      updateIncident({ caller: otherEditor, id: created.id, baseVersion: 1, input: { ...snapshot, title: "B" } }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const failure = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(isAppError(failure.reason, "CONFLICT")).toBe(true);
    expect(await getDb().incidentRevision.count({ where: { incidentId: created.id } })).toBe(2);
  });

  it("treats a workflow step from a stale version as a conflict too", async () => {
    const created = await createIncident({ caller: editor, input: draftInput() });
    const snapshot = (await readIncidentState(getDb(), created.id))!.snapshot;
    await updateIncident({ caller: otherEditor, id: created.id, baseVersion: 1, input: { ...snapshot, title: "Changed meanwhile" } });
    expect((await rejection(publishIncident({ caller: editor, id: created.id, baseVersion: 1 }))).code).toBe("CONFLICT");
    expect(await getPublishedIncident({ caller: ANONYMOUS, slug: created.slug, locale: "en" })).toBeNull();
  });
});

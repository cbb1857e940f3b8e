import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor, Caller } from "@/lib/auth/permissions";
import { SYSTEM } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";
import { archiveIncident } from "@/lib/server/incidents/archive-incident";
import { compareIncidentRevisions } from "@/lib/server/incidents/compare-incident-revisions";
import { createIncident } from "@/lib/server/incidents/create-incident";
import { getIncidentForEditing } from "@/lib/server/incidents/get-incident-for-editing";
import { getIncidentPreview } from "@/lib/server/incidents/get-incident-preview";
import { listIncidentRevisions } from "@/lib/server/incidents/list-incident-revisions";
import { publishIncident } from "@/lib/server/incidents/publish-incident";
import { readIncidentState } from "@/lib/server/incidents/read-incident-snapshot";
import { restoreIncidentRevision } from "@/lib/server/incidents/restore-incident-revision";
import { returnIncidentToDraft } from "@/lib/server/incidents/return-incident-to-draft";
import { submitIncident } from "@/lib/server/incidents/submit-incident";
import { unarchiveIncident } from "@/lib/server/incidents/unarchive-incident";
import { unpublishIncident } from "@/lib/server/incidents/unpublish-incident";
import { updateIncident } from "@/lib/server/incidents/update-incident";
import { buildIncidentInput } from "@/lib/testing/factories";
import { createTestActor, createTestUser } from "@/lib/testing/users";
import { seedReferenceData } from "@/prisma/seed";

/**
 * Every incident mutation (and the staff reads) × every kind of caller,
 * checked on the server functions that server actions call. A denial must
 * throw UNAUTHENTICATED or FORBIDDEN, change nothing, and be audited. An editor
 * who still holds a temporary password may do none of it (FORBIDDEN, not
 * audited: it is the way to the password form), whatever the role allows.
 */

type CallerName = "anonymous" | "owner (contributor)" | "other contributor" | "editor" | "admin" | "editor with a temporary password";
const CALLERS: CallerName[] = ["anonymous", "owner (contributor)", "other contributor", "editor", "admin", "editor with a temporary password"];
let callers: Record<CallerName, Actor | null>;
let owner: Actor;

beforeAll(async () => {
  await seedReferenceData(getDb());
  owner = await createTestActor({ role: "contributor" });
  callers = {
    anonymous: null,
    "owner (contributor)": owner,
    "other contributor": await createTestActor({ role: "contributor" }),
    editor: await createTestActor({ role: "editor" }),
    admin: await createTestActor({ role: "admin" }),
    "editor with a temporary password": await createTestUser({ role: "editor", mustChangePassword: true }).then(({ id, name, email, role }) => ({ id, name, email, role })),
  };
});

// Every case starts with empty counters, so each anonymous denial is recorded in full
// (the limit on them is tested in lib/server/audit/record-permission-denial.int.test.ts).
beforeEach(async () => {
  await getDb().rateLimit.deleteMany();
});

/** An incident created by the contributing owner, moved to `status` by the system. */
async function incidentIn(status: IncidentStatus) {
  const created = await createIncident({ caller: owner, input: buildIncidentInput({ status: "DRAFT" }) });
  const steps = { DRAFT: [], IN_REVIEW: [submitIncident], PUBLISHED: [publishIncident], ARCHIVED: [archiveIncident] }[status];
  let version = created.version;
  for (const step of steps) version = (await step({ caller: SYSTEM, id: created.id, baseVersion: version })).version;
  return { id: created.id, version, snapshot: (await readIncidentState(getDb(), created.id))!.snapshot };
}

type Case = {
  name: string;
  allowed: CallerName[];
  run: (by: Caller) => Promise<unknown>;
};

const EDITORS: CallerName[] = ["editor", "admin"];
const OWNER_AND_EDITORS: CallerName[] = ["owner (contributor)", "editor", "admin"];
const STAFF: CallerName[] = ["owner (contributor)", "other contributor", "editor", "admin"];

const CASES: Case[] = [
  { name: "create a draft", allowed: STAFF, run: (by) => createIncident({ caller: by, input: buildIncidentInput({ status: "DRAFT" }) }) },
  { name: "create a published incident", allowed: EDITORS, run: (by) => createIncident({ caller: by, input: buildIncidentInput({ status: "PUBLISHED" }) }) },
  {
    name: "edit a draft",
    allowed: OWNER_AND_EDITORS,
    run: async (by) => {
      const incident = await incidentIn("DRAFT");
      return updateIncident({ caller: by, id: incident.id, baseVersion: incident.version, input: { ...incident.snapshot, title: "Changed" } });
    },
  },
  {
    name: "edit an incident in review",
    allowed: EDITORS,
    run: async (by) => {
      const incident = await incidentIn("IN_REVIEW");
      return updateIncident({ caller: by, id: incident.id, baseVersion: incident.version, input: { ...incident.snapshot, title: "Changed" } });
    },
  },
  {
    name: "edit a published incident",
    allowed: EDITORS,
    run: async (by) => {
      const incident = await incidentIn("PUBLISHED");
      return updateIncident({ caller: by, id: incident.id, baseVersion: incident.version, input: { ...incident.snapshot, title: "Changed" } });
    },
  },
  {
    name: "restore a revision of a draft",
    allowed: OWNER_AND_EDITORS,
    run: async (by) => {
      const incident = await incidentIn("DRAFT");
      await updateIncident({ caller: SYSTEM, id: incident.id, baseVersion: incident.version, input: { ...incident.snapshot, title: "Changed" } });
      return restoreIncidentRevision({ caller: by, id: incident.id, version: incident.version, baseVersion: incident.version + 1 });
    },
  },
  { name: "submit a draft for review", allowed: OWNER_AND_EDITORS, run: async (by) => stepOn("DRAFT", submitIncident, by) },
  { name: "return an incident in review to draft", allowed: EDITORS, run: async (by) => stepOn("IN_REVIEW", returnIncidentToDraft, by) },
  { name: "publish a draft", allowed: EDITORS, run: async (by) => stepOn("DRAFT", publishIncident, by) },
  { name: "publish an incident in review", allowed: EDITORS, run: async (by) => stepOn("IN_REVIEW", publishIncident, by) },
  { name: "unpublish", allowed: EDITORS, run: async (by) => stepOn("PUBLISHED", unpublishIncident, by) },
  { name: "archive", allowed: EDITORS, run: async (by) => stepOn("PUBLISHED", archiveIncident, by) },
  { name: "unarchive", allowed: EDITORS, run: async (by) => stepOn("ARCHIVED", unarchiveIncident, by) },
  // Reads of unpublished work are staff-only too.
  { name: "open a draft in the editor", allowed: OWNER_AND_EDITORS, run: async (by) => getIncidentForEditing({ caller: by, id: (await incidentIn("DRAFT")).id }) },
  { name: "preview a draft", allowed: OWNER_AND_EDITORS, run: async (by) => getIncidentPreview({ caller: by, id: (await incidentIn("DRAFT")).id, locale: "en" }) },
  { name: "list a draft's revisions", allowed: OWNER_AND_EDITORS, run: async (by) => listIncidentRevisions({ caller: by, id: (await incidentIn("DRAFT")).id }) },
  {
    name: "compare a draft's revisions",
    allowed: OWNER_AND_EDITORS,
    run: async (by) => compareIncidentRevisions({ caller: by, id: (await incidentIn("IN_REVIEW")).id, from: 1, to: 2 }),
  },
];

async function stepOn(status: IncidentStatus, step: typeof publishIncident, by: Caller) {
  const incident = await incidentIn(status);
  return step({ caller: by, id: incident.id, baseVersion: incident.version });
}

describe("authorisation of incident mutations and staff reads", () => {
  for (const testCase of CASES) {
    for (const caller of CALLERS) {
      const allowed = testCase.allowed.includes(caller);
      it(`${testCase.name} — ${caller}: ${allowed ? "allowed" : "denied"}`, async () => {
        const by = callers[caller];
        const deniedBefore = await getDb().auditEvent.count({ where: { action: "PERMISSION_DENIED" } });
        const outcome = await testCase.run(by).then(
          () => "allowed",
          (error: unknown) => {
            if (isAppError(error, "FORBIDDEN") || isAppError(error, "UNAUTHENTICATED")) return "denied";
            throw error;
          },
        );
        expect(outcome).toBe(allowed ? "allowed" : "denied");
        const deniedAfter = await getDb().auditEvent.count({ where: { action: "PERMISSION_DENIED" } });
        expect(deniedAfter - deniedBefore).toBe(allowed || caller === "editor with a temporary password" ? 0 : 1);
      });
    }
  }
});

/** The error a call ends with. */
async function failureOf(call: Promise<unknown>): Promise<AppError> {
  const error = await call.then(
    () => new Error("the call was allowed"),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const MISSING_ID = 99_999_999;

/** Every server function that takes an incident's id, called anonymously. */
const BY_ID: { name: string; run: (id: number) => Promise<unknown> }[] = [
  { name: "updateIncident", run: (id) => updateIncident({ caller: null, id, baseVersion: 1, input: buildIncidentInput({ status: "DRAFT" }) }) },
  { name: "restoreIncidentRevision", run: (id) => restoreIncidentRevision({ caller: null, id, version: 1, baseVersion: 2 }) },
  { name: "submitIncident", run: (id) => submitIncident({ caller: null, id, baseVersion: 1 }) },
  { name: "publishIncident", run: (id) => publishIncident({ caller: null, id, baseVersion: 1 }) },
  { name: "archiveIncident", run: (id) => archiveIncident({ caller: null, id, baseVersion: 1 }) },
  { name: "getIncidentForEditing", run: (id) => getIncidentForEditing({ caller: null, id }) },
  { name: "getIncidentPreview", run: (id) => getIncidentPreview({ caller: null, id, locale: "en" }) },
  { name: "listIncidentRevisions", run: (id) => listIncidentRevisions({ caller: null, id }) },
  { name: "compareIncidentRevisions", run: (id) => compareIncidentRevisions({ caller: null, id, from: 1, to: 2 }) },
];

describe("an anonymous caller learns nothing about which incidents exist", () => {
  for (const { name, run } of BY_ID) {
    it(`${name}: the same refusal for an id that exists and one that does not`, async () => {
      const existing = await incidentIn("DRAFT");
      const forExisting = await failureOf(run(existing.id));
      const forMissing = await failureOf(run(MISSING_ID));
      expect({ code: forMissing.code, message: forMissing.message }).toEqual({ code: "UNAUTHENTICATED", message: forExisting.message });
      expect(forExisting.code).toBe("UNAUTHENTICATED");
      // Neither denial names the incident asked about.
      const denials = await getDb().auditEvent.findMany({ where: { action: "PERMISSION_DENIED" }, orderBy: { id: "desc" }, take: 2 });
      expect(denials.map((denial) => denial.details)).toEqual([
        { permission: "staff:access", role: "anonymous" },
        { permission: "staff:access", role: "anonymous" },
      ]);
    });
  }
});

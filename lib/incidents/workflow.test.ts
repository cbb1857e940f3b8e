import { describe, expect, it } from "vitest";
import { SYSTEM, type Actor, type Caller } from "@/lib/auth/permissions";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";
import { allowedSteps, WORKFLOW, WORKFLOW_STEPS } from "@/lib/incidents/workflow";
import { ZStatusChangeForm } from "@/lib/schemas/staff-incident";

const person = (id: string, role: Actor["role"]): Actor => ({ id, name: id, email: `${id}@example.org`, role });
const owner = person("owner", "contributor");
const CALLERS: Record<string, Caller> = {
  "owner (contributor)": owner,
  "other contributor": person("other", "contributor"),
  editor: person("editor", "editor"),
  admin: person("admin", "admin"),
  anonymous: null,
  system: SYSTEM,
};

/** What the incident page offered before the table (app/…/incidents/load.ts, workflowStepsOf), written out. */
const EXPECTED: Record<IncidentStatus, Record<string, string[]>> = {
  DRAFT: {
    "owner (contributor)": ["submit"],
    "other contributor": [],
    editor: ["submit", "publish", "archive"],
    admin: ["submit", "publish", "archive"],
    anonymous: [],
    system: ["submit", "publish", "archive"],
  },
  IN_REVIEW: {
    "owner (contributor)": [],
    "other contributor": [],
    editor: ["returnToDraft", "publish", "archive"],
    admin: ["returnToDraft", "publish", "archive"],
    anonymous: [],
    system: ["returnToDraft", "publish", "archive"],
  },
  PUBLISHED: {
    "owner (contributor)": [],
    "other contributor": [],
    editor: ["unpublish", "archive"],
    admin: ["unpublish", "archive"],
    anonymous: [],
    system: ["unpublish", "archive"],
  },
  ARCHIVED: {
    "owner (contributor)": [],
    "other contributor": [],
    editor: ["unarchive"],
    admin: ["unarchive"],
    anonymous: [],
    system: ["unarchive"],
  },
};

describe("allowedSteps", () => {
  it("offers each caller the steps that start from the incident's status and that their role allows, in button order", () => {
    for (const [status, byCaller] of Object.entries(EXPECTED) as [IncidentStatus, Record<string, string[]>][]) {
      for (const [name, caller] of Object.entries(CALLERS)) {
        expect(allowedSteps({ status, createdById: owner.id }, caller), `${status}, ${name}`).toEqual(byCaller[name]);
      }
    }
  });

  it("never offers a step from a status it does not start from", () => {
    for (const status of Object.keys(EXPECTED) as IncidentStatus[]) {
      for (const step of allowedSteps({ status, createdById: null }, SYSTEM)) expect(WORKFLOW[step].from).toContain(status);
    }
  });
});

describe("the workflow table", () => {
  it("is what the status form accepts, and nothing else", () => {
    for (const step of WORKFLOW_STEPS) expect(ZStatusChangeForm.safeParse({ id: 1, baseVersion: 1, step }).success, step).toBe(true);
    expect(ZStatusChangeForm.safeParse({ id: 1, baseVersion: 1, step: "delete" }).success).toBe(false);
  });

  it("leads every step to a status other than one it starts from", () => {
    for (const step of WORKFLOW_STEPS) expect(WORKFLOW[step].from, step).not.toContain(WORKFLOW[step].to);
  });
});

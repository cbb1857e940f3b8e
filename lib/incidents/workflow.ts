import { can, SYSTEM, type Caller, type IncidentResource, type Permission } from "@/lib/auth/permissions";
import type { IncidentStatus, RevisionAction } from "@/lib/generated/prisma/enums";

/**
 * The editorial workflow, declared once: draft → in review → published, and
 * back; archiving is the only deletion. Each step says which revision action
 * records it, the permission it needs, the statuses it starts from and the
 * one it leads to. The server verbs (lib/server/incidents/change-incident-status.ts
 * and one file per step), the server actions and the pages that offer the
 * steps all read this table. Pure and client-safe.
 */
export type WorkflowStep = {
  action: Extract<RevisionAction, "SUBMIT" | "RETURN_TO_DRAFT" | "PUBLISH" | "UNPUBLISH" | "ARCHIVE" | "UNARCHIVE">;
  permission: Permission;
  from: readonly IncidentStatus[];
  to: IncidentStatus;
};

/** The steps, in the order their buttons are shown. */
export const WORKFLOW = {
  submit: { action: "SUBMIT", permission: "incident:submit", from: ["DRAFT"], to: "IN_REVIEW" },
  returnToDraft: { action: "RETURN_TO_DRAFT", permission: "incident:review", from: ["IN_REVIEW"], to: "DRAFT" },
  publish: { action: "PUBLISH", permission: "incident:review", from: ["DRAFT", "IN_REVIEW"], to: "PUBLISHED" },
  unpublish: { action: "UNPUBLISH", permission: "incident:review", from: ["PUBLISHED"], to: "DRAFT" },
  archive: { action: "ARCHIVE", permission: "incident:archive", from: ["DRAFT", "IN_REVIEW", "PUBLISHED"], to: "ARCHIVED" },
  unarchive: { action: "UNARCHIVE", permission: "incident:archive", from: ["ARCHIVED"], to: "DRAFT" },
} as const satisfies Record<string, WorkflowStep>;

export type WorkflowStepName = keyof typeof WORKFLOW;
export const WORKFLOW_STEPS = Object.keys(WORKFLOW) as [WorkflowStepName, ...WorkflowStepName[]];

/** Whether the caller's role allows a permission on an incident; SYSTEM (seed, tools, tests) is allowed everything. */
export const callerCan = (caller: Caller, permission: Permission, incident: IncidentResource) => caller === SYSTEM || can(caller, permission, incident);

/**
 * The steps an incident's page offers the caller, in the order the buttons
 * show them: those that start from its status and that the caller's role
 * allows. Hiding a step is not the check: the server verb checks again
 * (requirePermission, which also refuses an account that must change its
 * password).
 */
export function allowedSteps(incident: IncidentResource, caller: Caller): WorkflowStepName[] {
  return WORKFLOW_STEPS.filter((name) => {
    const step: WorkflowStep = WORKFLOW[name];
    return step.from.includes(incident.status) && callerCan(caller, step.permission, incident);
  });
}

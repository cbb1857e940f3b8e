"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/result";
import { getActor } from "@/lib/auth/session";
import type { IncidentInput } from "@/lib/schemas/incident";
import { parseOrThrow } from "@/lib/schemas/parse";
import { ZIncidentId, ZRestoreRevisionForm, ZSaveIncidentRequest, ZStatusChangeForm } from "@/lib/schemas/staff-incident";
import { changeIncidentStatus } from "@/lib/server/incidents/change-incident-status";
import { createIncident } from "@/lib/server/incidents/create-incident";
import { restoreIncidentRevision } from "@/lib/server/incidents/restore-incident-revision";
import { updateIncident } from "@/lib/server/incidents/update-incident";

type Saved = { id: number; version: number; redirectTo?: string };

/** Every page may show changed data after a staff write (public pages included). */
const refreshPages = () => revalidatePath("/", "layout");

export async function createIncidentAction(request: unknown): Promise<ActionResult<Saved>> {
  const caller = await getActor();
  return runAction(async () => {
    const { input, note } = parseOrThrow(ZSaveIncidentRequest, request);
    const created = await createIncident({ caller, input: { ...(input as IncidentInput), status: "DRAFT" }, note });
    refreshPages();
    return { id: created.id, version: created.version, redirectTo: `/staff/incidents/${created.id}` };
  });
}

export async function updateIncidentAction(id: number, request: unknown): Promise<ActionResult<Saved>> {
  const caller = await getActor();
  return runAction(async () => {
    const incidentId = parseOrThrow(ZIncidentId, id);
    const { input, note, baseVersion } = parseOrThrow(ZSaveIncidentRequest, request);
    const saved = await updateIncident({ caller, id: incidentId, baseVersion: baseVersion ?? 0, input: input as IncidentInput, note });
    refreshPages();
    return { id: saved.id, version: saved.version };
  });
}

/** Any step of the workflow (WORKFLOW, lib/incidents/workflow.ts); the server verb checks it is allowed. */
export async function changeIncidentStatusAction(_previous: unknown, form: FormData): Promise<ActionResult<{ version: number }>> {
  const caller = await getActor();
  return runAction(async () => {
    const { id, baseVersion, step, note } = parseOrThrow(ZStatusChangeForm, Object.fromEntries(form));
    const result = await changeIncidentStatus({ caller, step, id, baseVersion, note });
    refreshPages();
    return { version: result.version };
  });
}

export async function restoreIncidentRevisionAction(_previous: unknown, form: FormData): Promise<ActionResult<{ version: number }>> {
  const caller = await getActor();
  return runAction(async () => {
    const { id, version, baseVersion } = parseOrThrow(ZRestoreRevisionForm, Object.fromEntries(form));
    const result = await restoreIncidentRevision({ caller, id, version, baseVersion });
    refreshPages();
    return { version: result.version };
  });
}

"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/result";
import { getActor } from "@/lib/auth/session";
import type { IncidentInput } from "@/lib/schemas/incident";
import { parseOrThrow } from "@/lib/schemas/parse";
import { ZIncidentId, ZRestoreRevisionForm, ZSaveIncidentRequest, ZStatusChangeForm, type WorkflowStepName } from "@/lib/schemas/staff-incident";
import { archiveIncident } from "@/lib/server/incidents/archive-incident";
import { createIncident } from "@/lib/server/incidents/create-incident";
import { publishIncident } from "@/lib/server/incidents/publish-incident";
import { restoreIncidentRevision } from "@/lib/server/incidents/restore-incident-revision";
import { returnIncidentToDraft } from "@/lib/server/incidents/return-incident-to-draft";
import { submitIncident } from "@/lib/server/incidents/submit-incident";
import { unarchiveIncident } from "@/lib/server/incidents/unarchive-incident";
import { unpublishIncident } from "@/lib/server/incidents/unpublish-incident";
import { updateIncident } from "@/lib/server/incidents/update-incident";

type Saved = { id: number; version: number; redirectTo?: string };

/** Every page may show changed data after a staff write (public pages included). */
const refreshPages = () => revalidatePath("/", "layout");

export async function createIncidentAction(request: unknown): Promise<ActionResult<Saved>> {
  const actor = await getActor();
  return runAction(async () => {
    const { input, note } = parseOrThrow(ZSaveIncidentRequest, request);
    const created = await createIncident({ ...(input as IncidentInput), status: "DRAFT" }, { by: actor, note });
    refreshPages();
    return { id: created.id, version: created.version, redirectTo: `/staff/incidents/${created.id}` };
  });
}

export async function updateIncidentAction(id: number, request: unknown): Promise<ActionResult<Saved>> {
  const actor = await getActor();
  return runAction(async () => {
    const incidentId = parseOrThrow(ZIncidentId, id);
    const { input, note, baseVersion } = parseOrThrow(ZSaveIncidentRequest, request);
    const saved = await updateIncident({ by: actor, id: incidentId, baseVersion: baseVersion ?? 0, input: input as IncidentInput, note });
    refreshPages();
    return { id: saved.id, version: saved.version };
  });
}

const STEPS: Record<WorkflowStepName, typeof publishIncident> = {
  submit: submitIncident,
  returnToDraft: returnIncidentToDraft,
  publish: publishIncident,
  unpublish: unpublishIncident,
  archive: archiveIncident,
  unarchive: unarchiveIncident,
};

export async function changeIncidentStatusAction(_previous: unknown, form: FormData): Promise<ActionResult<{ version: number }>> {
  const actor = await getActor();
  return runAction(async () => {
    const { id, baseVersion, step, note } = parseOrThrow(ZStatusChangeForm, Object.fromEntries(form));
    const result = await STEPS[step]({ by: actor, id, baseVersion, note });
    refreshPages();
    return { version: result.version };
  });
}

export async function restoreIncidentRevisionAction(_previous: unknown, form: FormData): Promise<ActionResult<{ version: number }>> {
  const actor = await getActor();
  return runAction(async () => {
    const { id, version, baseVersion } = parseOrThrow(ZRestoreRevisionForm, Object.fromEntries(form));
    const result = await restoreIncidentRevision({ by: actor, id, version, baseVersion });
    refreshPages();
    return { version: result.version };
  });
}

import "server-only";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Caller } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { callerCan } from "@/lib/incidents/workflow";
import { readIncidentState } from "./read-incident-snapshot";

/** An incident's current content and version for the editor, and whether the caller may edit it (the workflow steps: allowedSteps). */
export async function getIncidentForEditing({ caller, id }: { caller: Caller; id: number }) {
  // Staff only, checked before the look-up: an anonymous caller learns nothing about which ids exist.
  await requirePermission(caller, "staff:access");
  const state = await readIncidentState(getDb(), id);
  if (!state) throw new AppError("NOT_FOUND", "No such incident.");
  await requirePermission(caller, "incident:read", state);
  return { ...state, allowed: { edit: callerCan(caller, "incident:edit", state) && state.status !== "ARCHIVED" } };
}

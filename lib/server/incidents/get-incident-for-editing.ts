import "server-only";
import { requirePermission } from "@/lib/auth/require-permission";
import { can, type Caller } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { readIncidentState } from "./read-incident-snapshot";

/** An incident's current content and version for the editor, with what the caller may do to it. */
export async function getIncidentForEditing({ caller, id }: { caller: Caller; id: number }) {
  // Staff only, checked before the look-up: an anonymous caller learns nothing about which ids exist.
  await requirePermission(caller, "staff:access");
  const state = await readIncidentState(getDb(), id);
  if (!state) throw new AppError("NOT_FOUND", "No such incident.");
  const actor = await requirePermission(caller, "incident:read", state);
  const may = (permission: Parameters<typeof can>[1]) => actor === "system" || can(actor, permission, state);
  return {
    ...state,
    allowed: {
      edit: may("incident:edit") && state.status !== "ARCHIVED",
      submit: may("incident:submit") && state.status === "DRAFT",
      review: may("incident:review"),
      archive: may("incident:archive"),
    },
  };
}

import "server-only";
import { changeIncidentStatus, type StatusChangeRequest } from "./change-incident-status";

/** Brings an archived incident back as a draft. (WORKFLOW.unarchive, lib/incidents/workflow.ts) */
export function unarchiveIncident(request: StatusChangeRequest) {
  return changeIncidentStatus({ ...request, step: "unarchive" });
}

import "server-only";
import { changeIncidentStatus, type StatusChangeRequest } from "./change-incident-status";

/** Sends an incident in review back to its author as a draft. (WORKFLOW.returnToDraft, lib/incidents/workflow.ts) */
export function returnIncidentToDraft(request: StatusChangeRequest) {
  return changeIncidentStatus({ ...request, step: "returnToDraft" });
}

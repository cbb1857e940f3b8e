import "server-only";
import { changeIncidentStatus, WORKFLOW, type StatusChangeRequest } from "./change-incident-status";

/** Sends an incident in review back to its author as a draft. */
export function returnIncidentToDraft(request: StatusChangeRequest) {
  return changeIncidentStatus(WORKFLOW.returnToDraft, request);
}

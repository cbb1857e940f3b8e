import "server-only";
import { changeIncidentStatus, WORKFLOW, type StatusChangeRequest } from "./change-incident-status";

/** Sends a draft to the editors for review. */
export function submitIncident(request: StatusChangeRequest) {
  return changeIncidentStatus(WORKFLOW.submit, request);
}

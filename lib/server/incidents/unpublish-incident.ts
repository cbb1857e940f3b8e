import "server-only";
import { changeIncidentStatus, WORKFLOW, type StatusChangeRequest } from "./change-incident-status";

/** Takes a published incident off the public site, back to draft. */
export function unpublishIncident(request: StatusChangeRequest) {
  return changeIncidentStatus(WORKFLOW.unpublish, request);
}

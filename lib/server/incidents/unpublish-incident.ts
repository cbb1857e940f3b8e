import "server-only";
import { changeIncidentStatus, type StatusChangeRequest } from "./change-incident-status";

/** Takes a published incident off the public site, back to draft. (WORKFLOW.unpublish, lib/incidents/workflow.ts) */
export function unpublishIncident(request: StatusChangeRequest) {
  return changeIncidentStatus({ ...request, step: "unpublish" });
}

import "server-only";
import { changeIncidentStatus, WORKFLOW, type StatusChangeRequest } from "./change-incident-status";

/** Archives an incident: the only deletion. Nothing is removed from the database. */
export function archiveIncident(request: StatusChangeRequest) {
  return changeIncidentStatus(WORKFLOW.archive, request);
}

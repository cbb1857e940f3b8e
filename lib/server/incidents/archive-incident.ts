import "server-only";
import { changeIncidentStatus, type StatusChangeRequest } from "./change-incident-status";

/** Archives an incident: the only deletion. Nothing is removed from the database. (WORKFLOW.archive, lib/incidents/workflow.ts) */
export function archiveIncident(request: StatusChangeRequest) {
  return changeIncidentStatus({ ...request, step: "archive" });
}

import "server-only";
import { changeIncidentStatus, type StatusChangeRequest } from "./change-incident-status";

/** Sends a draft to the editors for review. (WORKFLOW.submit, lib/incidents/workflow.ts) */
export function submitIncident(request: StatusChangeRequest) {
  return changeIncidentStatus({ ...request, step: "submit" });
}

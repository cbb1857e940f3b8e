import "server-only";
import { changeIncidentStatus, WORKFLOW, type StatusChangeRequest } from "./change-incident-status";

/** Brings an archived incident back as a draft. */
export function unarchiveIncident(request: StatusChangeRequest) {
  return changeIncidentStatus(WORKFLOW.unarchive, request);
}

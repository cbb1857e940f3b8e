import "server-only";
import { changeIncidentStatus, WORKFLOW, type StatusChangeRequest } from "./change-incident-status";

/** Publishes a draft or an incident in review; the first publication sets firstPublishedAt. */
export function publishIncident(request: StatusChangeRequest) {
  return changeIncidentStatus(WORKFLOW.publish, request);
}

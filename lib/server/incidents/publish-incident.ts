import "server-only";
import { changeIncidentStatus, type StatusChangeRequest } from "./change-incident-status";

/** Publishes a draft or an incident in review; the first publication sets firstPublishedAt. (WORKFLOW.publish, lib/incidents/workflow.ts) */
export function publishIncident(request: StatusChangeRequest) {
  return changeIncidentStatus({ ...request, step: "publish" });
}

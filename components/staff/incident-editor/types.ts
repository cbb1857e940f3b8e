import type { ActionResult } from "@/lib/actions/result";
import type { FieldChange } from "@/lib/incidents/diff";
import type { PublishConfirmation, WorkflowAction } from "@/components/staff/workflow-buttons";
import type { IncidentSnapshot } from "@/lib/incidents/snapshot";
import type { IncidentInput } from "@/lib/schemas/incident";
import type { WorkflowStepName } from "@/lib/incidents/workflow";

/** What the editor sends to the save action. */
export type SaveIncidentRequest = {
  input: IncidentInput;
  /** The version the form was loaded from (null: a new incident). A save over a newer version is a conflict. */
  baseVersion: number | null;
  /** The change note for the public change log, or null. */
  note: string | null;
};

/**
 * What the save action answers. On success, `redirectTo` (a path without the
 * locale prefix, e.g. "/staff/incidents/12") sends the editor there in the
 * current language; without it the editor stays and keeps editing.
 * A conflict is `code: "CONFLICT"` with `details: ConflictDetails`.
 */
export type SaveIncidentResult = ActionResult<{ id: number; version: number; redirectTo?: string }>;

/** The `details` of a CONFLICT: the version someone else saved while the editor was open. */
export type ConflictDetails = {
  currentVersion: number;
  current: IncidentSnapshot;
  /** What changed from the editor's base version to the current one. */
  changes: FieldChange[];
  /** Display name of whoever saved the current version, or null when unknown or hidden. */
  savedBy: string | null;
  /** When the current version was saved, ISO 8601. */
  savedAt: string;
};

export type IncidentEditorProps = {
  /** The incident as last saved; null for a new incident. */
  initial: IncidentSnapshot | null;
  /** The version the form was loaded from; null for a new incident. */
  baseVersion: number | null;
  operators: { slug: string; name: string }[];
  regions: { slug: string; name: string }[];
  /** A server action, passed from the page. */
  save: (request: SaveIncidentRequest) => Promise<SaveIncidentResult>;
  /**
   * The workflow steps the caller may take on a saved incident. The editor's
   * save bar shows them next to "Save", and its one change note goes with
   * whichever is pressed.
   */
  workflow?: IncidentWorkflow;
};

export type IncidentWorkflow = {
  id: number;
  steps: WorkflowStepName[];
  /** changeIncidentStatusAction: a server action, so the steps work without JavaScript too. */
  action: WorkflowAction;
  publish: PublishConfirmation;
};

/** Whether a CONFLICT's details have the shape the conflict view needs. */
export function isConflictDetails(value: unknown): value is ConflictDetails {
  if (typeof value !== "object" || value === null) return false;
  const details = value as Record<string, unknown>;
  return (
    typeof details.currentVersion === "number" &&
    typeof details.current === "object" &&
    details.current !== null &&
    Array.isArray(details.changes) &&
    (details.savedBy === null || typeof details.savedBy === "string") &&
    typeof details.savedAt === "string"
  );
}

export { IncidentEditor } from "./incident-editor";
export { isConflictDetails, type ConflictDetails, type IncidentEditorProps, type SaveIncidentRequest, type SaveIncidentResult } from "./types";

"use client";

import { createContext, useContext } from "react";
import { getFormField } from "@/lib/incidents/form-path";
import type { IncidentFormValue } from "@/lib/incidents/form-value";

export type NamedOption = { slug: string; name: string };

/** What every field of the editor needs: the form, a way to change it, and the issues to show. */
export type EditorFieldApi = {
  form: IncidentFormValue;
  setField: (path: string, value: unknown) => void;
  /** The field lost focus: from now on its issues are shown. */
  visitField: (path: string) => void;
  /** Issues to show at a field, already translated. */
  issuesFor: (path: string) => string[];
  operators: NamedOption[];
  regions: NamedOption[];
};

export const EditorFieldContext = createContext<EditorFieldApi | null>(null);

export function useEditorFields(): EditorFieldApi {
  const api = useContext(EditorFieldContext);
  if (!api) throw new Error("Editor fields must be rendered inside the incident editor");
  return api;
}

/** The DOM id of a field: its dotted path, prefixed ("field-phases.0.label"). Error-summary links point here. */
export const fieldId = (path: string) => `field-${path}`;

/** Everything an input needs to be named, labelled, described and wired to the form. */
export function useField(path: string) {
  const api = useEditorFields();
  const id = fieldId(path);
  const issues = api.issuesFor(path);
  return {
    id,
    name: path,
    value: getFormField(api.form, path),
    issues,
    invalid: issues.length > 0,
    hintId: `${id}-hint`,
    errorId: `${id}-error`,
    setValue: (value: unknown) => api.setField(path, value),
    onBlur: () => api.visitField(path),
  };
}

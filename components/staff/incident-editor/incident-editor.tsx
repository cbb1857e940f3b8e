"use client";

import { useTranslations } from "next-intl";
import { useActionState, useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { WORKFLOW_FORM_ID } from "@/components/staff/workflow-actions";
import { WorkflowButtons, WorkflowOutcome, type WorkflowResult } from "@/components/staff/workflow-buttons";
import { useRouter } from "@/lib/i18n/navigation";
import { formFieldPaths } from "@/lib/incidents/editor-layout";
import type { ItemListName } from "@/lib/incidents/fields";
import {
  addListItem,
  changeFormField,
  countReferences,
  emptyIncidentForm,
  fieldForIssuePath,
  moveListItem,
  pathOfStableFieldId,
  periodFromPhaseFields,
  removeListItem,
  snapshotToFormValue,
  stableFieldId,
  validateIncidentForm,
  type IncidentFormValue,
} from "@/lib/incidents/form-value";
import { suggestSlug } from "@/lib/incidents/slug";
import { toSnapshot, type IncidentSnapshot } from "@/lib/incidents/snapshot";
import { checkIncidentInput } from "@/lib/schemas/incident";
import { ConflictPanel } from "./conflict-panel";
import { EditorFieldContext, fieldId, type EditorFieldApi } from "./editor-context";
import { ErrorSummary, ERROR_SUMMARY_ID, type SummaryIssue } from "./error-summary";
import { FieldLabel } from "./fields";
import { IncidentGroups } from "./incident-sections";
import { useIssueTranslator } from "./issue-messages";
import { useFieldPathLabel } from "./labels";
import { firstFieldOf, listIds, ListSections, type ListActions } from "./list-sections";
import { isConflictDetails, type ConflictDetails, type IncidentEditorProps, type SaveIncidentResult } from "./types";
import styles from "./incident-editor.module.css";

export type { ConflictDetails, IncidentEditorProps, SaveIncidentRequest, SaveIncidentResult } from "./types";

type Outcome = { kind: "saved"; version: number } | { kind: "loaded"; version: number } | { kind: "failed"; message: string };

const NOTE_ID = "field-note";
const SAVE_FIRST_ID = "editor-save-first";

/** When nobody has typed a slug, it is made from the title and the start (the phases' start while the period follows them). */
function withSuggestedSlug(form: IncidentFormValue): IncidentFormValue {
  const start = (!form.periodSetByHand && periodFromPhaseFields(form)?.startsAt) || form.startsAt;
  const slug = suggestSlug(form.title, start);
  return slug === form.slug ? form : { ...form, slug };
}

const noWorkflow = async (): Promise<WorkflowResult> => null;

/**
 * The staff incident editor: every field of an incident, validated in the
 * browser with the same schema the server uses, saved through the `save`
 * server action with optimistic concurrency.
 *
 * - A field's problems show once it has been left (blur) and update as it is
 *   corrected; on submit all of them show, with a summary at the top that
 *   takes focus. Problems the server reports land on the same fields.
 * - A conflict (someone saved a newer version) opens a panel with their
 *   changes; the user's edits stay in the form until they choose to save
 *   theirs over it or to load the newer version.
 * - Leaving the page with unsaved changes asks for confirmation.
 * - After a successful save the editor stays mounted with the new version
 *   (no need to key it by version); a newer `baseVersion` from the page is
 *   adopted when there are no unsaved edits.
 * - The slug follows the title (transliterated) until someone types one;
 *   emptying it makes it follow again. A stored incident keeps its slug.
 * - One change note goes with "Save" and with the workflow steps beside it
 *   (submit, publish…), which apply to the saved version and so wait until
 *   edits are saved. "Publish…" asks for confirmation first.
 */
export function IncidentEditor({ initial, baseVersion: loadedVersion, operators, regions, save, workflow }: IncidentEditorProps) {
  const t = useTranslations("Editor");
  const router = useRouter();
  const translateIssue = useIssueTranslator();
  const fieldPathLabel = useFieldPathLabel();

  const [form, setForm] = useState<IncidentFormValue>(() => (initial ? snapshotToFormValue(initial) : emptyIncidentForm()));
  const [savedForm, setSavedForm] = useState<IncidentFormValue>(form);
  const [baseVersion, setBaseVersion] = useState<number | null>(loadedVersion);
  const [note, setNote] = useState("");
  /** Fields the user has left at least once, by stable id: their problems are shown. */
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set());
  const [showAllIssues, setShowAllIssues] = useState(false);
  const [summaryRequested, setSummaryRequested] = useState(false);
  /** Problems the server reported, by stable field id ("" for the whole record); cleared when the field changes. */
  const [serverIssues, setServerIssues] = useState<Record<string, string[]>>({});
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [conflict, setConflict] = useState<ConflictDetails | null>(null);
  const [announcement, setAnnouncement] = useState("");
  /** Whether the slug is still made from the title: until someone types one. */
  const slugFollowsTitle = useRef(form.slug.trim() === "");

  // Workflow steps go straight to the server action, so that they also work before (or without) JavaScript.
  const [stepResult, stepAction, stepPending] = useActionState(workflow?.action ?? noWorkflow, null);
  const [handledStep, setHandledStep] = useState<WorkflowResult>(stepResult);
  if (stepResult !== handledStep) {
    setHandledStep(stepResult);
    if (stepResult?.ok) {
      // The step is recorded with the note; the content did not change.
      setNote("");
      setBaseVersion(stepResult.data.version);
      setOutcome(null);
    }
  }

  // The page may hand over a newer version (after a workflow step such as "submit", or a refresh).
  // Without unsaved edits the form follows it; with unsaved edits it keeps them, and saving will
  // show the conflict view instead of silently dropping either side.
  const [propVersion, setPropVersion] = useState(loadedVersion);
  if (propVersion !== loadedVersion) {
    setPropVersion(loadedVersion);
    const newer = loadedVersion !== null && (baseVersion === null || loadedVersion > baseVersion);
    const unsaved = note.trim() !== "" || JSON.stringify(form) !== JSON.stringify(savedForm);
    if (newer && !unsaved && initial) {
      const loaded = snapshotToFormValue(initial);
      setForm(loaded);
      setSavedForm(loaded);
      setBaseVersion(loadedVersion);
    }
  }

  const summaryRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLElement>(null);
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  /** Id of the element to focus after the next render (list changes, summary, panels). */
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    const id = pendingFocus.current;
    if (!id) return;
    pendingFocus.current = null;
    const target = id === ERROR_SUMMARY_ID ? summaryRef.current : id === "conflict" ? conflictRef.current : id === "outcome" ? outcomeRef.current : document.getElementById(id);
    target?.focus();
  });

  const validation = useMemo(() => validateIncidentForm(form), [form]);
  const fieldPaths = useMemo(() => formFieldPaths(form), [form]);
  const knownFields = useMemo(() => new Set(fieldPaths), [fieldPaths]);

  /** The problems to show, by field path, translated and without repeats. */
  const visibleIssues = useMemo(() => {
    const issues: Record<string, string[]> = {};
    const add = (path: string, messages: string[]) => {
      const list = (issues[path] ??= []);
      for (const message of messages.map(translateIssue)) if (!list.includes(message)) list.push(message);
    };
    if (!validation.ok) {
      for (const [path, messages] of Object.entries(validation.fieldIssues)) {
        const field = fieldForIssuePath(path, knownFields);
        if (showAllIssues || visited.has(stableFieldId(form, field))) add(field, messages);
      }
    }
    for (const [id, messages] of Object.entries(serverIssues)) {
      const path = pathOfStableFieldId(form, id);
      if (path !== null) add(fieldForIssuePath(path, knownFields), messages);
    }
    return issues;
  }, [validation, knownFields, showAllIssues, visited, serverIssues, form, translateIssue]);

  const summaryIssues: SummaryIssue[] = useMemo(() => {
    const order = (path: string) => (path === "" ? -1 : fieldPaths.indexOf(path));
    return Object.entries(visibleIssues)
      .filter(([, messages]) => messages.length > 0)
      .sort(([a], [b]) => order(a) - order(b))
      .map(([path, messages]) => ({ path, label: path === "" ? "" : fieldPathLabel(path), messages }));
  }, [visibleIssues, fieldPaths, fieldPathLabel]);

  const contentDirty = useMemo(() => JSON.stringify(form) !== JSON.stringify(savedForm), [form, savedForm]);
  const dirty = contentDirty || note.trim() !== "";

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  /** Applies a change to the form, and keeps a following slug in step with the title and start. */
  const updateForm = useCallback((change: (current: IncidentFormValue) => IncidentFormValue) => {
    setForm((current) => {
      const next = change(current);
      return slugFollowsTitle.current ? withSuggestedSlug(next) : next;
    });
  }, []);

  const setField = useCallback(
    (path: string, value: unknown) => {
      if (path === "slug") slugFollowsTitle.current = typeof value === "string" && value.trim() === "";
      updateForm((current) => changeFormField(current, path, value));
      const id = stableFieldId(form, fieldForIssuePath(path, knownFields));
      setServerIssues((current) => {
        if (!(id in current)) return current;
        const next = { ...current };
        delete next[id];
        return next;
      });
    },
    [form, knownFields, updateForm],
  );

  const visitField = useCallback(
    (path: string) => {
      const id = stableFieldId(form, path);
      setVisited((current) => (current.has(id) ? current : new Set(current).add(id)));
    },
    [form],
  );

  const fieldApi: EditorFieldApi = useMemo(
    () => ({ form, setField, visitField, issuesFor: (path: string) => visibleIssues[path] ?? [], operators, regions }),
    [form, setField, visitField, visibleIssues, operators, regions],
  );

  const listActions: ListActions = {
    add: (list: ItemListName) => {
      const { form: next } = addListItem(form, list);
      const number = next[list].length;
      updateForm(() => next);
      pendingFocus.current = fieldId(`${list}.${number - 1}.${firstFieldOf(list)}`);
      setAnnouncement(t(`lists.${list}.added`, { number }));
    },
    remove: (list: ItemListName, key: string) => {
      const index = (form[list] as { key: string }[]).findIndex((item) => item.key === key);
      if (index === -1) return;
      const cleared = countReferences(form, list, key);
      const next = removeListItem(form, list, key);
      const remaining = next[list] as { key: string }[];
      updateForm(() => next);
      const neighbour = remaining[index] ?? remaining[index - 1];
      pendingFocus.current = neighbour ? listIds.item(list, neighbour.key) : listIds.add(list);
      const removed = t(`lists.${list}.removed`, { number: index + 1 });
      setAnnouncement(cleared > 0 ? `${removed} ${t("referencesCleared", { count: cleared })}` : removed);
    },
    move: (list: ItemListName, key: string, offset: -1 | 1) => {
      const items = form[list] as { key: string }[];
      const from = items.findIndex((item) => item.key === key);
      const to = from + offset;
      if (from === -1 || to < 0 || to >= items.length) return;
      updateForm(() => moveListItem(form, list, key, offset));
      // Keep focus on the button just used, unless the item reached the end of the list and it is now disabled.
      const atEdge = offset === -1 ? to === 0 : to === items.length - 1;
      pendingFocus.current = offset === -1 ? (atEdge ? listIds.moveDown(key) : listIds.moveUp(key)) : atEdge ? listIds.moveUp(key) : listIds.moveDown(key);
      setAnnouncement(t(`lists.${list}.moved`, { from: from + 1, to: to + 1 }));
    },
  };

  const saveWith = async (version: number | null) => {
    if (saving || stepPending) return;
    const checked = validateIncidentForm(form);
    if (!checked.ok) {
      setShowAllIssues(true);
      setSummaryRequested(true);
      setOutcome(null);
      pendingFocus.current = ERROR_SUMMARY_ID;
      return;
    }
    const submitted = form;
    setSaving(true);
    setOutcome(null);
    let result: SaveIncidentResult;
    try {
      result = await save({ input: checked.input, baseVersion: version, note: note.trim() === "" ? null : note.trim() });
    } catch {
      setSaving(false);
      setOutcome({ kind: "failed", message: t("networkError") });
      return;
    }
    setSaving(false);
    if (result.ok) {
      setSavedForm(submitted);
      setBaseVersion(result.data.version);
      setNote("");
      setConflict(null);
      setServerIssues({});
      setSummaryRequested(false);
      setOutcome({ kind: "saved", version: result.data.version });
      if (result.data.redirectTo) router.push(result.data.redirectTo);
      else router.refresh();
      return;
    }
    if (result.code === "CONFLICT" && isConflictDetails(result.details)) {
      setConflict(result.details);
      pendingFocus.current = "conflict";
      return;
    }
    const reported = Object.entries(result.fieldIssues ?? {});
    if (reported.length > 0) {
      const fields = new Set(formFieldPaths(submitted));
      const byField: Record<string, string[]> = {};
      for (const [path, messages] of reported) {
        const id = stableFieldId(submitted, fieldForIssuePath(path, fields));
        byField[id] = [...(byField[id] ?? []), ...messages];
      }
      setServerIssues(byField);
      setShowAllIssues(true);
      setSummaryRequested(true);
      pendingFocus.current = ERROR_SUMMARY_ID;
      return;
    }
    setOutcome({ kind: "failed", message: result.message });
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void saveWith(baseVersion);
  };

  const loadTheirs = (details: ConflictDetails) => {
    const theirs = snapshotToFormValue(details.current);
    setForm(theirs);
    setSavedForm(theirs);
    setBaseVersion(details.currentVersion);
    setNote("");
    setConflict(null);
    slugFollowsTitle.current = theirs.slug.trim() === "";
    setVisited(new Set());
    setServerIssues({});
    setShowAllIssues(false);
    setSummaryRequested(false);
    setOutcome({ kind: "loaded", version: details.currentVersion });
    pendingFocus.current = "outcome";
  };

  /** The form as a snapshot, for the conflict view's "what saving yours would change". */
  const mine: IncidentSnapshot | null = useMemo(() => {
    if (!conflict || !validation.ok) return null;
    const parsed = checkIncidentInput(validation.input);
    return parsed.success ? toSnapshot(parsed.data) : null;
  }, [conflict, validation]);

  const showSummary = summaryRequested && summaryIssues.length > 0;

  return (
    <EditorFieldContext.Provider value={fieldApi}>
      <form className={styles.editor} noValidate onSubmit={submit} aria-busy={saving} aria-describedby="editor-required-note">
        <p id="editor-required-note" className={styles.requiredNote}>
          {t("requiredNote")}
        </p>
        {showSummary ? <ErrorSummary issues={summaryIssues} summaryRef={summaryRef} /> : null}
        {conflict ? (
          <ConflictPanel
            details={conflict}
            mine={mine}
            operators={operators}
            regions={regions}
            saving={saving}
            onSaveMine={() => void saveWith(conflict.currentVersion)}
            onLoadTheirs={() => loadTheirs(conflict)}
            panelRef={conflictRef}
          />
        ) : null}

        <IncidentGroups />
        <ListSections actions={listActions} />

        <div className={`${styles.field} ${styles.noteField}`}>
          <FieldLabel htmlFor={NOTE_ID} label={t("note.label")} />
          <p id={`${NOTE_ID}-hint`} className={styles.hint}>
            {t("note.hint")}
          </p>
          {/* Also the workflow form's note (form=…), so a step carries it even without JavaScript. */}
          <textarea
            id={NOTE_ID}
            name="note"
            form={workflow ? WORKFLOW_FORM_ID : undefined}
            rows={2}
            value={note}
            maxLength={2000}
            onChange={(event) => setNote(event.target.value)}
            aria-describedby={`${NOTE_ID}-hint`}
            className={styles.input}
          />
        </div>

        <div className={styles.saveBar}>
          <div className={styles.saveRow}>
            <button type="submit" className="button" disabled={saving || stepPending} aria-describedby="editor-save-state">
              {saving ? t("saving") : t("save")}
            </button>
            {workflow ? (
              <WorkflowButtons
                steps={workflow.steps}
                formId={WORKFLOW_FORM_ID}
                pending={stepPending || saving}
                disabled={contentDirty}
                describedBy={contentDirty ? SAVE_FIRST_ID : undefined}
                publish={workflow.publish}
              />
            ) : null}
            <p id="editor-save-state" className={styles.saveState}>
              {saving ? t("savingState") : dirty ? t("unsaved") : baseVersion === null ? t("notSavedYet") : t("upToDate", { version: baseVersion })}
            </p>
          </div>
          {workflow && contentDirty && workflow.steps.length > 0 ? (
            <p id={SAVE_FIRST_ID} className={styles.saveState}>
              {t("saveBeforeSteps")}
            </p>
          ) : null}
          {workflow ? <WorkflowOutcome result={stepResult} /> : null}
          <p ref={outcomeRef} tabIndex={-1} role="status" className={outcome && outcome.kind !== "failed" ? styles.success : styles.outcomeEmpty}>
            {outcome?.kind === "saved" ? t("saved", { version: outcome.version }) : outcome?.kind === "loaded" ? t("conflict.loaded", { version: outcome.version }) : ""}
          </p>
          <div role="alert" className={outcome?.kind === "failed" ? styles.failure : styles.outcomeEmpty}>
            {outcome?.kind === "failed" ? t("failed", { message: outcome.message }) : ""}
          </div>
        </div>
        <p className="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </p>
      </form>
      {workflow ? (
        // Outside the editor's form (forms cannot nest); its buttons and the note above point at it.
        <form id={WORKFLOW_FORM_ID} action={stepAction} aria-busy={stepPending} hidden>
          <input type="hidden" name="id" value={workflow.id} />
          <input type="hidden" name="baseVersion" value={baseVersion ?? ""} />
        </form>
      ) : null}
    </EditorFieldContext.Provider>
  );
}

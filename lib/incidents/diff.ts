import type { IncidentSnapshot } from "@/lib/incidents/snapshot";
import { orderedKeys, type KeyOrder } from "@/lib/incidents/diff-paths";
import { recordOfPath } from "@/lib/incidents/fields";

/**
 * One changed field between two snapshots of an incident. `before` is null for
 * a field or item that was added, `after` is null for one that was removed.
 */
export type FieldChange = { path: string; before: unknown; after: unknown };

type PlainObject = Record<string, unknown>;

const isPlainObject = (value: unknown): value is PlainObject => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Missing, null, "", [] and false all mean "no value": a snapshot that leaves
 * out an empty field (or an unset flag, such as a phase's allOperators) has not
 * changed it.
 */
const isBlank = (value: unknown) =>
  value === undefined || value === null || value === "" || value === false || (Array.isArray(value) && value.length === 0) || (isPlainObject(value) && Object.values(value).every(isBlank));

/** A key-order-independent text form of a value, with blank fields dropped: equal values have equal forms. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isPlainObject(value)) {
    const entries = Object.keys(value)
      .filter((key) => !isBlank(value[key]))
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

const join = (path: string, key: string | number) => (path === "" ? String(key) : `${path}.${key}`);

/** Which record a path's object belongs to, for the order of its keys. */
function keyOrderAt(path: string): KeyOrder {
  const parts = path === "" ? [] : path.split(".");
  const record = recordOfPath(path);
  if (parts.at(-1) === "translations") return { translationsOf: record };
  if (parts.at(-2) === "translations") return { translationOf: record };
  return record;
}

/**
 * The field-level differences between two snapshots, in the order the editor
 * shows the fields.
 *
 * - Scalars by name ("title"), nested fields by dotted path
 *   ("phases.1.label", "translations.ru.title").
 * - Lists of plain values (services, operators, a discrepancy's sources) are
 *   compared as one value.
 * - Lists of records (phases, sources, statements, estimates, discrepancies)
 *   are matched item by item, keeping their order: unchanged items are
 *   recognised when others were inserted or removed around them, an edited
 *   item reports its changed fields under its new index, and an added or
 *   removed item is one change carrying the whole item ("sources.2": before
 *   null, after the source). A removed item's path uses its index in
 *   `before`; every other path uses the index in `after`. Where an item was
 *   removed and another added at the same index, that is one change with both
 *   items (a replacement). An item moved past others shows as removed at its
 *   old index and added at its new one. Paths are unique.
 * - A missing field, null, "" and [] count as the same (no value).
 *
 * With `before` null (a new incident) every filled field is reported as added.
 * Pure: runs in the browser (conflict view) and on the server (history).
 */
export function diffSnapshots(before: IncidentSnapshot | null, after: IncidentSnapshot): FieldChange[] {
  const changes: FieldChange[] = [];
  diffValue(before ?? {}, after, "", changes);
  return changes;
}

function diffValue(before: unknown, after: unknown, path: string, changes: FieldChange[]): void {
  if (isBlank(before) && isBlank(after)) return;
  const objectLike = (value: unknown) => isPlainObject(value) || isBlank(value);
  if ((isPlainObject(before) || isPlainObject(after)) && objectLike(before) && objectLike(after)) {
    diffObject(isPlainObject(before) ? before : {}, isPlainObject(after) ? after : {}, path, changes);
    return;
  }
  const listOfRecords = (value: unknown) => Array.isArray(value) && value.some(isPlainObject);
  const listLike = (value: unknown) => Array.isArray(value) || isBlank(value);
  if ((listOfRecords(before) || listOfRecords(after)) && listLike(before) && listLike(after)) {
    diffList(Array.isArray(before) ? before : [], Array.isArray(after) ? after : [], path, changes);
    return;
  }
  if (canonical(before) !== canonical(after)) changes.push({ path, before: before ?? null, after: after ?? null });
}

function diffObject(before: PlainObject, after: PlainObject, path: string, changes: FieldChange[]): void {
  for (const key of orderedKeys(keyOrderAt(path), [...Object.keys(before), ...Object.keys(after)])) {
    diffValue(before[key], after[key], join(path, key), changes);
  }
}

type Step = { kind: "pair"; before: number; after: number } | { kind: "removed"; before: number } | { kind: "added"; after: number };

/** How alike two items are, from 0 to 1000: the share of their fields with equal values. */
function likeness(before: unknown, after: unknown): number {
  if (!isPlainObject(before) || !isPlainObject(after)) return 0;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !(isBlank(before[key]) && isBlank(after[key])));
  if (keys.length === 0) return 1000;
  const same = keys.filter((key) => canonical(before[key]) === canonical(after[key])).length;
  return Math.round((same / keys.length) * 1000);
}

/**
 * Aligns two lists keeping their order: identical items pair first, then
 * items that share the most fields (never items that share none); anything
 * left over was removed or added.
 * Scores are integers so ties break the same way every time.
 */
function alignItems(before: unknown[], after: unknown[]): Step[] {
  const identical = 3000;
  const pairBonus = 10; // among equally alike pairings, prefer pairing to remove-and-add
  const beforeForms = before.map(canonical);
  const afterForms = after.map(canonical);
  // Items with no field in common are not paired: that is a replacement, not an edit.
  const pairScore = (i: number, j: number) => {
    if (beforeForms[i] === afterForms[j]) return identical;
    const alike = likeness(before[i], after[j]);
    return alike === 0 ? Number.NEGATIVE_INFINITY : alike + pairBonus;
  };
  const rows = before.length + 1;
  const cols = after.length + 1;
  // best[i][j]: the best score aligning before[i..] with after[j..].
  const best = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  const pair = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      pair[i]![j] = pairScore(i, j);
      best[i]![j] = Math.max(best[i + 1]![j]!, best[i]![j + 1]!, pair[i]![j]! + best[i + 1]![j + 1]!);
    }
  }
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && best[i]![j] === pair[i]![j]! + best[i + 1]![j + 1]!) {
      steps.push({ kind: "pair", before: i++, after: j++ });
    } else if (i < before.length && (j === after.length || best[i]![j] === best[i + 1]![j])) {
      steps.push({ kind: "removed", before: i++ });
    } else {
      steps.push({ kind: "added", after: j++ });
    }
  }
  return steps;
}

function diffList(before: unknown[], after: unknown[], path: string, changes: FieldChange[]): void {
  const steps = alignItems(before, after);
  const removedAt = new Set(steps.flatMap((step) => (step.kind === "removed" ? [step.before] : [])));
  const addedAt = new Set(steps.flatMap((step) => (step.kind === "added" ? [step.after] : [])));
  for (const step of steps) {
    if (step.kind === "pair") {
      diffValue(before[step.before], after[step.after], join(path, step.after), changes);
    } else if (step.kind === "removed") {
      // An item removed where another was added is one change: the item at that place was replaced.
      const replacement = addedAt.has(step.before) ? after[step.before] : null;
      changes.push({ path: join(path, step.before), before: before[step.before], after: replacement });
    } else if (!removedAt.has(step.after)) {
      changes.push({ path: join(path, step.after), before: null, after: after[step.after] });
    }
  }
}

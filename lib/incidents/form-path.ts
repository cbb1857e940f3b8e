import { isItemList } from "@/lib/incidents/fields";

/**
 * Reading and writing the editor's form by dotted path ("phases.0.label"),
 * the same path as in the shared schema, the input's `name` and the field
 * issues. Pure.
 */

type Form = object;

export const splitPath = (path: string) => (path === "" ? [] : path.split("."));

/** The value at a dotted path ("phases.0.label"), or undefined. */
export function getFormField(form: Form, path: string): unknown {
  let value: unknown = form;
  for (const part of splitPath(path)) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function setIn(target: unknown, parts: string[], value: unknown): unknown {
  const [head, ...rest] = parts;
  if (head === undefined) return value;
  if (Array.isArray(target)) {
    const index = Number(head);
    if (!Number.isInteger(index) || index < 0 || index >= target.length) return target;
    const copy = [...target];
    copy[index] = setIn(target[index], rest, value);
    return copy;
  }
  const record = target !== null && typeof target === "object" ? (target as Record<string, unknown>) : {};
  return { ...record, [head]: setIn(record[head], rest, value) };
}

/** A copy of the form with one field changed; a path to an item that does not exist changes nothing. */
export function setFormField<F extends Form>(form: F, path: string, value: unknown): F {
  return setIn(form, splitPath(path), value) as F;
}

const itemsOf = (form: Form, list: string) => (form as Record<string, { key: string }[]>)[list] ?? [];

/**
 * A field's name that survives reordering: the item index replaced by its key
 * ("phases.1.label" → "phases.#phase-3.label"). Used to keep errors and
 * "already visited" marks on the right item when items move.
 */
export function stableFieldId(form: Form, path: string): string {
  const [list, index, ...rest] = splitPath(path);
  if (!isItemList(list) || index === undefined || !/^\d+$/.test(index)) return path;
  const item = itemsOf(form, list)[Number(index)];
  if (!item) return path;
  return [list, `#${item.key}`, ...rest].join(".");
}

/** The current dotted path of a stable field id, or null if its item is gone. */
export function pathOfStableFieldId(form: Form, id: string): string | null {
  const [list, keyPart, ...rest] = splitPath(id);
  if (!isItemList(list) || keyPart === undefined || !keyPart.startsWith("#")) return id;
  const index = itemsOf(form, list).findIndex((item) => item.key === keyPart.slice(1));
  return index === -1 ? null : [list, String(index), ...rest].join(".");
}

/** The shown field an issue path belongs to: itself, its closest shown ancestor, or "" (the whole form). */
export function fieldForIssuePath(issuePath: string, fieldPaths: ReadonlySet<string>): string {
  const parts = splitPath(issuePath);
  for (let length = parts.length; length > 0; length--) {
    const candidate = parts.slice(0, length).join(".");
    if (fieldPaths.has(candidate)) return candidate;
  }
  return "";
}

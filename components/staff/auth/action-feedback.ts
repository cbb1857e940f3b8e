import type { ActionResult } from "@/lib/actions/result";

/** The issue codes of one field in a failed action, for FormField. */
export function issuesOf(result: ActionResult<unknown> | null | undefined, field: string): string[] {
  if (!result || result.ok || result.code !== "VALIDATION") return [];
  return result.fieldIssues?.[field] ?? [];
}

/** The `reason` a known failure carries in its details (e.g. "last_admin"), if any. */
export function reasonOf(result: ActionResult<unknown> | null | undefined): string | undefined {
  if (!result || result.ok) return undefined;
  const details = result.details as { reason?: unknown } | undefined;
  return typeof details?.reason === "string" ? details.reason : undefined;
}

import type { ActionResult } from "@/lib/actions/result";

type FailureCode = Extract<ActionResult, { ok: false }>["code"];

/**
 * The message key for a failed staff step, in the namespaces of the workflow
 * and history buttons ("conflict", "forbidden", "failed"). Server messages
 * are English, so the buttons show their own translated text instead.
 */
export function failureMessageKey(code: FailureCode): "conflict" | "forbidden" | "failed" {
  if (code === "CONFLICT") return "conflict";
  if (code === "FORBIDDEN" || code === "UNAUTHENTICATED") return "forbidden";
  return "failed";
}

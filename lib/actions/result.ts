import "server-only";
import { unstable_rethrow } from "next/navigation";
import { isAppError, type AppErrorCode, type FieldIssues } from "@/lib/errors";

/** What a server action returns to the browser: data, or a known failure. Unknown errors stay private. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: AppErrorCode | "INTERNAL"; message: string; fieldIssues?: FieldIssues; details?: unknown };

export async function runAction<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
    if (isAppError(error) && !["STARTUP", "MIGRATION"].includes(error.code)) {
      return { ok: false, code: error.code, message: error.message, fieldIssues: error.fieldIssues, details: error.details };
    }
    console.error("Server action failed", error);
    return { ok: false, code: "INTERNAL", message: "Something went wrong on the server. Nothing was saved." };
  }
}

import type { z } from "zod";
import { AppError, type FieldIssues } from "@/lib/errors";

/** Field issues keyed by dotted path ("phases.0.endsAt"); "" is the whole record. */
export function fieldIssuesOf(error: z.ZodError): FieldIssues {
  const issues: FieldIssues = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    (issues[path] ??= []).push(issue.message);
  }
  return issues;
}

/** Parses with a shared schema; failure is a VALIDATION AppError carrying field issues. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = fieldIssuesOf(result.error);
    const summary = Object.entries(issues)
      .map(([path, messages]) => `${path || "(record)"}: ${messages.join(", ")}`)
      .join("; ");
    throw new AppError("VALIDATION", `Invalid input: ${summary}`, { fieldIssues: issues });
  }
  return result.data;
}

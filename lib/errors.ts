/**
 * Known failures carry a code. Their message is written for the person who
 * will read it (a user, an operator at a terminal); unknown errors are never
 * shown to users as-is.
 */
export type AppErrorCode =
  | "STARTUP" // the app cannot start: bad configuration, unreachable database
  | "MIGRATION" // a migration cannot be applied, or was edited after it was applied
  | "BACKUP" // a backup cannot be written, or a backup file cannot be restored (damaged, or the database is not empty)
  | "VALIDATION" // input failed a schema or a database check
  | "NOT_FOUND"
  | "UNAUTHENTICATED" // no signed-in staff member
  | "FORBIDDEN" // signed in, but the role or ownership does not allow it
  | "CONFLICT" // the record changed since the caller read it, or the state forbids the step
  | "RATE_LIMITED" // too many attempts; try again later
  | "FEED"; // a measurement feed cannot be pulled: its API failed or answered something else, a token is missing, a saved cursor does not fit

export type FieldIssues = Record<string, string[]>;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldIssues?: FieldIssues;
  /** Extra facts for the caller, e.g. the current record in a CONFLICT. Never secrets. */
  readonly details?: unknown;

  constructor(code: AppErrorCode, message: string, options?: { cause?: unknown; fieldIssues?: FieldIssues; details?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.fieldIssues = options?.fieldIssues;
    this.details = options?.details;
  }
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}

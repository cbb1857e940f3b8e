/**
 * Known failures carry a code. Their message is written for the person who
 * will read it (a user, an operator at a terminal); unknown errors are never
 * shown to users as-is.
 */
export type AppErrorCode =
  | "STARTUP" // the app cannot start: bad configuration, unreachable database
  | "MIGRATION" // a migration cannot be applied, or was edited after it was applied
  | "VALIDATION" // input failed a schema or a database check
  | "NOT_FOUND";

export type FieldIssues = Record<string, string[]>;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldIssues?: FieldIssues;

  constructor(code: AppErrorCode, message: string, options?: { cause?: unknown; fieldIssues?: FieldIssues }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.fieldIssues = options?.fieldIssues;
  }
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}

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

/**
 * Problems with the fields of an input, by dotted path ("phases.0.endsAt"; ""
 * is the whole record). Each problem is a code ("required", "email_taken"),
 * with its parameters when it has any (fieldIssue); forms show the code's
 * message in the reader's language, command-line tools the English one.
 */
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

/** The values an issue's message mentions, e.g. { maximum: 200 } or { value: "kcell" }. */
export type IssueParams = Record<string, string | number>;

const ISSUE_TEXT = /^([a-z][a-z0-9_]*)(?::(\{.*\}))?$/s;

/** One entry of FieldIssues: the code alone, or the code and its parameters ("too_long:{\"maximum\":200}"). */
export function fieldIssue(code: string, params?: IssueParams): string {
  return params && Object.keys(params).length > 0 ? `${code}:${JSON.stringify(params)}` : code;
}

/** The code and parameters of a FieldIssues entry, or null for anything else (a message written out in words). */
export function readFieldIssue(text: string): { code: string; params: IssueParams } | null {
  const match = ISSUE_TEXT.exec(text);
  if (!match) return null;
  if (match[2] === undefined) return { code: match[1]!, params: {} };
  try {
    const params: unknown = JSON.parse(match[2]);
    if (params === null || typeof params !== "object" || Array.isArray(params)) return null;
    const entries = Object.entries(params).filter((entry): entry is [string, string | number] => typeof entry[1] === "string" || typeof entry[1] === "number");
    return { code: match[1]!, params: Object.fromEntries(entries) };
  } catch {
    return null;
  }
}

/** An instant as ISO 8601 in UTC to the second, e.g. "2026-11-22T07:23:22Z" (the audit log's and users page's format). */
export function utcIso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

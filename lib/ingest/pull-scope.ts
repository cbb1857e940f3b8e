/**
 * The canonical name of a live pull's request, under which its cursor is
 * saved (ingest_cursors.scope): the same window, country and ASNs, in any
 * order or spelling, give the same scope, so an interrupted run resumes
 * where it stopped, and a different request never picks up its cursor.
 * E.g. "asns=9198,21299&country=KZ&since=2022-01-01T00:00:00.000Z&until=2022-01-31T00:00:00.000Z".
 */
export function pullScope(request: { since: Date; until: Date; country?: string; asns?: readonly number[] }): string {
  const parts: string[] = [];
  const asns = [...new Set(request.asns ?? [])].sort((a, b) => a - b);
  if (asns.length > 0) parts.push(`asns=${asns.join(",")}`);
  const country = request.country?.trim().toUpperCase();
  if (country) parts.push(`country=${country}`);
  parts.push(`since=${request.since.toISOString()}`, `until=${request.until.toISOString()}`);
  return parts.join("&");
}

/**
 * A feed's timestamp as an instant. Accepted:
 * - ISO 8601 with a zone: `2022-01-05T11:15:00Z`, `2022-01-05T16:15:00+05:00`,
 *   fractions of a second allowed (kept to the millisecond);
 * - `YYYY-MM-DD HH:MM[:SS[.fff]]` with a space and no zone, which is UTC (as
 *   OONI writes it), or with a zone.
 * A `T` form without a zone is refused: it does not say which clock it is.
 */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})([T ])(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export type ParsedTimestamp = { ok: true; date: Date } | { ok: false; reason: string };

/** The form feeds and exports write most: UTC with Z, whole seconds or milliseconds. */
const CANONICAL_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/;

/** The canonical form through the engine's own parser, which rolls 30 February over to March and 24:00 to the next day: those fall through to the full check. */
function parseCanonicalUtc(text: string): Date | null {
  if (!CANONICAL_UTC.test(text)) return null;
  const date = new Date(Date.parse(text));
  if (Number.isNaN(date.getTime())) return null;
  if (date.getUTCDate() !== Number(text.slice(8, 10)) || date.getUTCHours() !== Number(text.slice(11, 13))) return null;
  return date;
}

export function parseFeedTimestamp(text: string): ParsedTimestamp {
  if (text === "") return { ok: false, reason: "timestamp is blank" };
  const canonical = parseCanonicalUtc(text);
  if (canonical) return { ok: true, date: canonical };
  const match = TIMESTAMP.exec(text);
  if (!match) return { ok: false, reason: `timestamp "${text}" is not ISO 8601 (with a zone) or YYYY-MM-DD HH:MM:SS (UTC)` };
  const [, year, month, day, separator, hour, minute, second = "0", fraction = "0", zone] = match;
  if (separator!.toUpperCase() === "T" && !zone) return { ok: false, reason: `timestamp "${text}" has no time zone (add Z for UTC)` };
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  const h = Number(hour);
  const mi = Number(minute);
  const s = Number(second);
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    return { ok: false, reason: `timestamp "${text}" is not a real date and time` };
  }
  let offsetMinutes = 0;
  if (zone && zone.toUpperCase() !== "Z") {
    const digits = zone.slice(1).replace(":", "");
    const zoneHours = Number(digits.slice(0, 2));
    const zoneMinutes = Number(digits.slice(2) || "0");
    if (zoneHours > 14 || zoneMinutes > 59) return { ok: false, reason: `timestamp "${text}" has an impossible zone offset` };
    offsetMinutes = (zone[0] === "-" ? -1 : 1) * (zoneHours * 60 + zoneMinutes);
  }
  const milliseconds = Math.floor(Number(`0.${fraction}`) * 1000);
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s, milliseconds) - offsetMinutes * 60_000);
  return { ok: true, date };
}

/**
 * Readers for the fields OONI writes in more than one way. Each returns the
 * value the data model wants, or a FieldProblem naming the field and saying
 * what was wrong, which becomes a RejectItem.
 */

export type FieldProblem = { ok: false; field: string; reason: string };
export type FieldResult<T> = { ok: true; value: T } | FieldProblem;

export const fieldProblem = (field: string, reason: string): FieldProblem => ({ ok: false, field, reason });
const accept = <T>(value: T): FieldResult<T> => ({ ok: true, value });

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A short, printable rendering of a bad value for a reject reason. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "missing";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function readRequiredText(record: Record<string, unknown>, field: string): FieldResult<string> {
  const value = record[field];
  if (typeof value === "string" && value.trim() !== "") return accept(value.trim());
  return fieldProblem(field, `${field} is required and must be a non-empty string (got ${describeValue(value)})`);
}

/** Largest ASN the database column (a 32-bit signed integer) can hold. */
const MAX_STORED_ASN = 2_147_483_647;

/**
 * `probe_asn` is "AS12479" in the measurements list and in raw measurements,
 * an integer in measurement_meta and aggregation rows. AS0 is what a probe
 * reports when it could not tell its network: it places the measurement
 * nowhere, so it is rejected rather than stored as a network called 0.
 */
export function readProbeAsn(record: Record<string, unknown>, field = "probe_asn"): FieldResult<number> {
  const value = record[field];
  let asn: number | null = null;
  if (typeof value === "number" && Number.isInteger(value)) asn = value;
  else if (typeof value === "string") {
    const match = /^\s*(?:AS)?(\d{1,10})\s*$/i.exec(value);
    if (match?.[1]) asn = Number(match[1]);
  }
  if (asn === null || asn < 0) {
    return fieldProblem(field, `${field} must be "AS<number>" or an integer (got ${describeValue(value)})`);
  }
  if (asn === 0) return fieldProblem(field, `${field} is AS0: the probe did not know its network`);
  if (asn > MAX_STORED_ASN) return fieldProblem(field, `${field} ${asn} is larger than the stored range allows`);
  return accept(asn);
}

/**
 * `probe_cc` is an ISO 3166-1 alpha-2 code. "ZZ" is OONI's "unknown country"
 * and is rejected like AS0.
 */
export function readCountryCode(record: Record<string, unknown>, field = "probe_cc"): FieldResult<string> {
  const value = record[field];
  if (typeof value !== "string" || !/^[A-Za-z]{2}$/.test(value.trim())) {
    return fieldProblem(field, `${field} must be a two-letter country code (got ${describeValue(value)})`);
  }
  const code = value.trim().toUpperCase();
  if (code === "ZZ") return fieldProblem(field, `${field} is ZZ: the probe did not know its country`);
  return accept(code);
}

const OONI_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A UTC instant from OONI's time formats: "2026-07-11T17:44:07.000000Z" (API,
 * microseconds), "2022-05-24 01:20:29" (raw measurements: no zone, which OONI
 * defines as UTC) and explicit offsets. Sub-millisecond digits are dropped.
 * Returns null for anything else, including impossible dates (2022-02-30).
 */
export function parseOoniTime(text: string): Date | null {
  const match = OONI_TIME.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction = "", zone = "Z"] = match;
  const millis = Number(fraction.padEnd(3, "0").slice(0, 3));
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), millis);
  const check = new Date(utc);
  if (
    check.getUTCFullYear() !== Number(year) ||
    check.getUTCMonth() !== Number(month) - 1 ||
    check.getUTCDate() !== Number(day) ||
    Number(hour) > 23 ||
    Number(minute) > 59 ||
    Number(second) > 59
  ) {
    return null;
  }
  return new Date(utc - zoneOffsetMinutes(zone) * 60_000);
}

function zoneOffsetMinutes(zone: string): number {
  if (zone === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

export function readOoniTime(record: Record<string, unknown>, field = "measurement_start_time"): FieldResult<Date> {
  const value = record[field];
  const parsed = typeof value === "string" ? parseOoniTime(value) : null;
  if (!parsed) {
    return fieldProblem(
      field,
      `${field} must be a time like 2022-05-24 01:20:29 (UTC) or 2026-07-11T17:44:07.000000Z (got ${describeValue(value)})`,
    );
  }
  return accept(parsed);
}

/** "2022-03-01" → 2022-03-01T00:00:00Z; null when not a real calendar day. */
export function parseUtcDay(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  return parseOoniTime(`${match[0]} 00:00:00`);
}

/**
 * The URL or domain tested. A string, null, missing (input-less tests such as
 * telegram), or "" in measurement_meta, which means the same as null.
 */
export function readInput(record: Record<string, unknown>, field = "input"): FieldResult<string | null> {
  const value = record[field];
  if (value === undefined || value === null) return accept(null);
  if (typeof value === "string") return accept(value === "" ? null : value);
  return fieldProblem(field, `${field} must be a string or null (got ${describeValue(value)})`);
}

export function readBoolean(record: Record<string, unknown>, field: string): FieldResult<boolean> {
  const value = record[field];
  if (typeof value === "boolean") return accept(value);
  return fieldProblem(field, `${field} must be true or false (got ${describeValue(value)})`);
}

import type { SeriesPointItem } from "../types";
import {
  describeValue,
  fieldProblem,
  isRecord,
  parseOoniTime,
  parseUtcDay,
  readCountryCode,
  readProbeAsn,
  type FieldProblem,
} from "./fields";

/**
 * The filters of an `/api/v1/aggregation` request, which OONI does not echo
 * in the response: a file of rows grouped only by day says neither which
 * test nor which country or network it counts. Whoever saved the file (the
 * CLI's --country/--asn/--test) can say it here.
 */
export type OoniAggregationContext = {
  testName?: string;
  probeCc?: string;
  probeAsn?: number;
};

export type MappedAggregationRow = { ok: true; points: SeriesPointItem[] } | FieldProblem;

const DAY_SECONDS = 86_400;

type Placement = Pick<SeriesPointItem, "entityType" | "entityCode" | "asn">;

/** The row's network or country: its own probe_asn / probe_cc axis first, then the request's filters. */
function placeRow(row: Record<string, unknown>, context: OoniAggregationContext): Placement | FieldProblem {
  if (row.probe_asn !== undefined) {
    const asn = readProbeAsn(row, "probe_asn");
    if (!asn.ok) return asn;
    return { entityType: "ASN", entityCode: String(asn.value), asn: asn.value };
  }
  if (row.probe_cc !== undefined) {
    const country = readCountryCode(row, "probe_cc");
    if (!country.ok) return country;
    return { entityType: "COUNTRY", entityCode: country.value };
  }
  if (context.probeAsn !== undefined) {
    return { entityType: "ASN", entityCode: String(context.probeAsn), asn: context.probeAsn };
  }
  if (context.probeCc !== undefined) return { entityType: "COUNTRY", entityCode: context.probeCc.toUpperCase() };
  return fieldProblem(
    "probe_asn",
    "the row names no network or country (no probe_asn or probe_cc axis, and none given for the file), so it cannot be placed",
  );
}

/**
 * The row's day: `measurement_start_day` as "YYYY-MM-DD" (time_grain=day)
 * is that UTC midnight with a one-day step. A full timestamp (finer grains)
 * is kept as that instant with no step, since the response does not say
 * which grain was asked for.
 */
function timeOfRow(row: Record<string, unknown>): { at: Date; stepSeconds?: number } | FieldProblem {
  const value = row.measurement_start_day;
  if (value === undefined) {
    return fieldProblem(
      "measurement_start_day",
      "the row has no measurement_start_day (a total over the whole request cannot be placed in time; ask with axis_x=measurement_start_day)",
    );
  }
  if (typeof value === "string") {
    const day = parseUtcDay(value);
    if (day) return { at: day, stepSeconds: DAY_SECONDS };
    const instant = parseOoniTime(value);
    if (instant) return { at: instant };
  }
  return fieldProblem("measurement_start_day", `measurement_start_day must be YYYY-MM-DD (got ${describeValue(value)})`);
}

function signalPrefix(row: Record<string, unknown>, context: OoniAggregationContext): string {
  if (typeof row.test_name === "string" && row.test_name !== "") return row.test_name;
  return context.testName ?? "all";
}

/**
 * One row of `result[]` → one SeriesPointItem per `*_count` field
 * (anomaly_count, confirmed_count, failure_count, ok_count,
 * measurement_count), signal "<test_name>.<field>" or "all.<field>".
 * A count that is not a non-negative integer rejects the whole row.
 */
export function mapAggregationRow(row: unknown, context: OoniAggregationContext = {}): MappedAggregationRow {
  if (!isRecord(row)) return fieldProblem("result", "an aggregation row must be a JSON object");
  const time = timeOfRow(row);
  if ("ok" in time) return time;
  const placement = placeRow(row, context);
  if ("ok" in placement) return placement;
  const countFields = Object.keys(row).filter((key) => key.endsWith("_count"));
  if (countFields.length === 0) return fieldProblem("measurement_count", "the row has no *_count fields");
  const prefix = signalPrefix(row, context);
  const points: SeriesPointItem[] = [];
  for (const field of countFields) {
    const value = row[field];
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
      return fieldProblem(field, `${field} must be a non-negative integer (got ${describeValue(value)})`);
    }
    points.push({ kind: "point", source: "OONI", signal: `${prefix}.${field}`, ...placement, ...time, value });
  }
  return { ok: true, points };
}

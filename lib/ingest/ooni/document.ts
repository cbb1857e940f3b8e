import { AppError } from "@/lib/errors";
import type { IngestItem, RejectItem } from "../types";
import { mapAggregationRow, type OoniAggregationContext } from "./aggregation";
import { isRecord, type FieldProblem } from "./fields";
import { mapListMeasurement, mapMeasurementMeta, mapRawMeasurement, type MappedMeasurement } from "./measurement";

/**
 * Recognises what one parsed JSON document is, by its fields, and turns it
 * into items:
 *
 * - `{metadata, results:[…]}`: an /api/v1/measurements page;
 * - `{result:[…]}`: an /api/v1/aggregation response with its envelope;
 * - an aggregation row (`*_count` fields, none of a measurement's), alone or
 *   in an array: an aggregation result saved without its envelope, as people
 *   save `result` from the response (or one row per line, JSON Lines);
 * - an object with `raw_measurement`, or with `scores` as text: an
 *   /api/v1/measurement_meta response;
 * - an object with a measurement's fields (`measurement_uid`, `report_id`,
 *   `test_keys`, `measurement_start_time`): one measurement, raw (with
 *   `test_keys`) or as the list API gives it;
 * - an array of measurements: one measurement per element.
 *
 * Anything else is not an OONI document (null): the file fails with
 * OONI_SHAPE_EXPECTED rather than producing a reject per record of a file
 * that was never OONI's. An array is recognised by its first object.
 */
export type OoniDocumentKind = "measurement-list" | "aggregation" | "aggregation-rows" | "aggregation-row" | "measurement-meta" | "measurement" | "measurement-array";

/** What a file must be, in the one-line error for anything else. */
export const OONI_SHAPE_EXPECTED =
  "expected an OONI /api/v1/measurements page ({metadata, results}), an /api/v1/aggregation result with or without its envelope " +
  "({result: [...]} or rows of *_count fields), a measurement_meta response, or raw measurements (one JSON document, an array, or JSON Lines)";

const MEASUREMENT_FIELDS = ["measurement_uid", "report_id", "test_keys", "measurement_start_time", "raw_measurement"];

function isMeasurementRecord(record: Record<string, unknown>): boolean {
  return MEASUREMENT_FIELDS.some((field) => field in record) || typeof record.scores === "string";
}

/** A row of an aggregation result: counts (`anomaly_count`, `measurement_count` …) and the axes, nothing a measurement has. */
function isAggregationRow(record: Record<string, unknown>): boolean {
  return !isMeasurementRecord(record) && Object.keys(record).some((key) => key.endsWith("_count"));
}

export function classifyOoniDocument(document: unknown): OoniDocumentKind | null {
  if (Array.isArray(document)) {
    const first = document.find(isRecord);
    if (document.length === 0) return "measurement-array";
    if (!first) return null;
    if (isAggregationRow(first)) return "aggregation-rows";
    return isMeasurementRecord(first) ? "measurement-array" : null;
  }
  if (!isRecord(document)) return null;
  if ("results" in document) return "measurement-list";
  if ("result" in document) return "aggregation";
  if ("raw_measurement" in document || typeof document.scores === "string") return "measurement-meta";
  if (isMeasurementRecord(document)) return "measurement";
  if (isAggregationRow(document)) return "aggregation-row";
  return null;
}

/** One line describing what a document that is not OONI's looks like. */
export function describeDocument(document: unknown): string {
  if (Array.isArray(document)) return `an array whose first element is ${describeDocument(document.find(() => true))}`;
  if (isRecord(document)) {
    const keys = Object.keys(document);
    return keys.length === 0 ? "an empty object" : `an object with ${keys.slice(0, 6).join(", ")}${keys.length > 6 ? ", …" : ""}`;
  }
  return document === null ? "null" : typeof document === "string" ? "a string" : `a ${typeof document}`;
}

export class OoniShapeError extends AppError {
  constructor(document: unknown) {
    super("VALIDATION", `Not an OONI file: ${OONI_SHAPE_EXPECTED}; found ${describeDocument(document)}.`);
    this.name = "OoniShapeError";
  }
}

/**
 * Where a document came from, for reject positions: a whole file (its
 * elements are numbered by index in their array, the document itself by the
 * line it starts on), or one line of JSON Lines (everything in it carries
 * that line number; reasons name the element).
 */
export type DocumentSite = { line: number; text: string; inJsonLines: boolean };

function reject(position: number, problem: { field?: string; reason: string }, raw: string, where = ""): RejectItem {
  return { kind: "reject", position, field: problem.field, reason: where ? `${where}: ${problem.reason}` : problem.reason, raw };
}

/** A measurement in one of its forms, chosen by its fields. */
export function mapMeasurementRecord(record: unknown): MappedMeasurement {
  if (isRecord(record)) {
    if ("raw_measurement" in record || typeof record.scores === "string") return mapMeasurementMeta(record);
    const apiFields = "anomaly" in record || "confirmed" in record || isRecord(record.scores);
    if (!("test_keys" in record) && apiFields) return mapListMeasurement(record);
  }
  return mapRawMeasurement(record);
}

function* elementItems(
  elements: unknown[],
  arrayName: string,
  site: DocumentSite,
  mapElement: (element: unknown) => { ok: true; items: IngestItem[] } | FieldProblem,
): Generator<IngestItem> {
  for (const [index, element] of elements.entries()) {
    const mapped = mapElement(element);
    if (mapped.ok) yield* mapped.items;
    else yield reject(site.inJsonLines ? site.line : index, mapped, JSON.stringify(element) ?? "", `${arrayName}[${index}]`);
  }
}

const measurementItems = (element: unknown) => {
  const mapped = mapMeasurementRecord(element);
  return mapped.ok ? { ok: true as const, items: [mapped.item] } : mapped;
};

const aggregationItems = (context: OoniAggregationContext) => (row: unknown) => {
  const mapped = mapAggregationRow(row, context);
  return mapped.ok ? { ok: true as const, items: mapped.points } : mapped;
};

/**
 * The items of one document. A document of no OONI shape throws
 * OoniShapeError, unless `unknownShape` is "reject" (a line of JSON Lines
 * after the file was recognised by its first records): then it is one reject.
 */
export function* ooniDocumentItems(
  document: unknown,
  site: DocumentSite,
  context: OoniAggregationContext = {},
  unknownShape: "throw" | "reject" = "throw",
): Generator<IngestItem> {
  const kind = classifyOoniDocument(document);
  const rejectDocument = (field: string | undefined, reason: string) =>
    reject(site.line, { field, reason }, site.text);
  switch (kind) {
    case null:
      if (unknownShape === "throw") throw new OoniShapeError(document);
      yield rejectDocument(undefined, `not an OONI record (${describeDocument(document)}): ${OONI_SHAPE_EXPECTED}`);
      return;
    case "measurement-array":
      yield* elementItems(document as unknown[], "", site, measurementItems);
      return;
    case "aggregation-rows":
      yield* elementItems(document as unknown[], "", site, aggregationItems(context));
      return;
    case "aggregation-row": {
      const mapped = aggregationItems(context)(document);
      if (mapped.ok) yield* mapped.items;
      else yield rejectDocument(mapped.field, mapped.reason);
      return;
    }
    case "measurement-list": {
      const { results } = document as Record<string, unknown>;
      if (!Array.isArray(results)) {
        yield rejectDocument("results", "a measurements page must have a results array");
        return;
      }
      yield* elementItems(results, "results", site, measurementItems);
      return;
    }
    case "aggregation": {
      const { result } = document as Record<string, unknown>;
      if (!Array.isArray(result)) {
        yield rejectDocument("result", "an aggregation response must have a result array of rows");
        return;
      }
      yield* elementItems(result, "result", site, aggregationItems(context));
      return;
    }
    case "measurement-meta":
    case "measurement": {
      const mapped = mapMeasurementRecord(document);
      if (mapped.ok) yield mapped.item;
      else yield rejectDocument(mapped.field, mapped.reason);
      return;
    }
  }
}

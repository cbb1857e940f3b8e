import type { IngestItem, RejectItem } from "../types";
import { mapAggregationRow, type OoniAggregationContext } from "./aggregation";
import { isRecord, type FieldProblem } from "./fields";
import { mapListMeasurement, mapMeasurementMeta, mapRawMeasurement, type MappedMeasurement } from "./measurement";

/**
 * Recognises what one parsed JSON document is and turns it into items:
 *
 * - `{metadata, results:[…]}`: an /api/v1/measurements page;
 * - `{result:[…]}`: an /api/v1/aggregation response;
 * - an object with `raw_measurement`, or with `scores` as text: an
 *   /api/v1/measurement_meta response;
 * - any other object: one measurement, raw (with `test_keys`) or as the
 *   list API gives it (no `test_keys`; `anomaly`, `confirmed` or a `scores`
 *   object);
 * - an array: one measurement per element.
 */
export type OoniDocumentKind = "measurement-list" | "aggregation" | "measurement-meta" | "measurement" | "measurement-array";

export function classifyOoniDocument(document: unknown): OoniDocumentKind | null {
  if (Array.isArray(document)) return "measurement-array";
  if (!isRecord(document)) return null;
  if ("results" in document) return "measurement-list";
  if ("result" in document) return "aggregation";
  if ("raw_measurement" in document || typeof document.scores === "string") return "measurement-meta";
  return "measurement";
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

export function* ooniDocumentItems(
  document: unknown,
  site: DocumentSite,
  context: OoniAggregationContext = {},
): Generator<IngestItem> {
  const kind = classifyOoniDocument(document);
  const rejectDocument = (field: string | undefined, reason: string) =>
    reject(site.line, { field, reason }, site.text);
  switch (kind) {
    case null:
      yield rejectDocument(undefined, "not an OONI document: expected a JSON object or array");
      return;
    case "measurement-array":
      yield* elementItems(document as unknown[], "", site, measurementItems);
      return;
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
      yield* elementItems(result, "result", site, (row) => {
        const mapped = mapAggregationRow(row, context);
        return mapped.ok ? { ok: true, items: mapped.points } : mapped;
      });
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

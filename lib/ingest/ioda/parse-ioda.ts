import { AppError } from "@/lib/errors";
import type { Readable } from "node:stream";
import type { IngestItem, RejectItem } from "../types";
import { iodaRecordItem, iodaRecordShape } from "./events";
import { jsonPathText, selectJsonValues } from "./json-stream";
import { seriesItems } from "./series";

/**
 * Reads IODA API v2 envelopes — `{type, metadata, requestParameters, error,
 * perf, data, copyright}` — from `signals/raw`, `outages/events` (`codf` and
 * `ioda` formats) and `outages/alerts`, streaming `data` element by element.
 * The input is one envelope, or several as JSON Lines (what a saved series of
 * responses looks like). Each element of `data` is classified by its fields,
 * so one reader serves every endpoint:
 *
 * - a list → a `signals/raw` group of series (one per datasource), each
 *   series → points (see series.ts);
 * - an object with `values` → one series (a flat `data` list);
 * - an event or alert object → an OutageEventItem (see events.ts);
 * - anything else → a reject (position = index in `data`).
 *
 * A non-null `error` is fatal (IodaApiError), even on HTTP 200: such an
 * envelope describes a failed request, not a bad record, so there is no
 * record to reject; failing loudly makes the run's error say what IODA said,
 * and a live pull resumes from its last checkpoint. Items already yielded
 * before the error (only possible if `error` came after `data`) stand: each
 * is valid on its own.
 *
 * A document that is not an IODA envelope (no `type`, `error` or `data`
 * seen) is fatal too (IodaFormatError): its records cannot be located.
 */

export class IodaApiError extends AppError {
  constructor(readonly iodaError: unknown) {
    super("VALIDATION", `IODA answered with an error: ${describeIodaError(iodaError)}`);
    this.name = "IodaApiError";
  }
}

export class IodaFormatError extends AppError {
  constructor(message: string) {
    super("VALIDATION", message);
    this.name = "IodaFormatError";
  }
}

function describeIodaError(error: unknown): string {
  if (typeof error === "string") return error;
  if (error && typeof error === "object") {
    const record = error as Record<string, unknown>;
    const message = record.message ?? record.error ?? record.detail;
    if (typeof message === "string") return message;
  }
  return JSON.stringify(error);
}

const ENVELOPE_PATHS = ["$.type", "$.error", "$.data.*"];

/** Items for one element of an envelope's `data` list, at `path` (["data", i]). */
export function* iodaDataElementItems(element: unknown, path: (string | number)[]): Generator<IngestItem> {
  const position = typeof path[path.length - 1] === "number" ? (path[path.length - 1] as number) : 0;
  if (Array.isArray(element)) {
    for (let index = 0; index < element.length; index += 1) yield* seriesItems(element[index], [...path, index]);
    return;
  }
  if (element !== null && typeof element === "object") {
    const record = element as Record<string, unknown>;
    const shape = iodaRecordShape(record);
    if (shape === "series") return yield* seriesItems(record, path);
    if (shape) return yield iodaRecordItem(record, shape, path);
  }
  const reject: RejectItem = {
    kind: "reject",
    position,
    field: jsonPathText(path),
    reason: "not an IODA series, event or alert (no values/from+step, location+start, entity+from or time+level fields)",
    raw: JSON.stringify(element),
  };
  yield reject;
}

/** Items for one whole envelope already parsed (a live pull's response). */
export function* iodaEnvelopeItems(envelope: unknown): Generator<IngestItem> {
  if (envelope === null || typeof envelope !== "object" || Array.isArray(envelope)) {
    throw new IodaFormatError("The response is not an IODA v2 envelope (expected an object with type, error and data)");
  }
  const record = envelope as Record<string, unknown>;
  if (!("data" in record) && !("error" in record) && !("type" in record)) {
    throw new IodaFormatError("The response is not an IODA v2 envelope (no type, error or data)");
  }
  if (record.error !== null && record.error !== undefined) throw new IodaApiError(record.error);
  const data = record.data;
  if (data === null || data === undefined) return;
  if (!Array.isArray(data)) throw new IodaFormatError("The IODA envelope's data is not a list");
  for (let index = 0; index < data.length; index += 1) yield* iodaDataElementItems(data[index], ["data", index]);
}

export async function* parseIodaStream(input: Readable | AsyncIterable<Buffer | string>): AsyncGenerator<IngestItem> {
  let envelopeSeen = false;
  for await (const { path, value } of selectJsonValues(input, ENVELOPE_PATHS, { what: "The IODA file" })) {
    envelopeSeen = true;
    if (path[0] === "error") {
      if (value !== null) throw new IodaApiError(value);
    } else if (path[0] === "data") {
      yield* iodaDataElementItems(value, path);
    }
  }
  if (!envelopeSeen) throw new IodaFormatError("The input holds no IODA v2 envelope (no type, error or data field at the top level)");
}

import { AppError } from "@/lib/errors";
import type { Readable } from "node:stream";
import type { IngestItem } from "../types";
import { selectJsonValues } from "../ioda/json-stream";
import { annotationItem, trafficAnomalyItem } from "./records";

/**
 * Reads Cloudflare Radar API bodies — `{success, errors[], result:
 * {annotations[]}}` from `annotations/outages` and `annotations`, and
 * `{success, errors[], result: {trafficAnomalies[]}}` from
 * `traffic_anomalies` — streaming the records one by one (records.ts maps
 * them). The input is one body, or several as JSON Lines.
 *
 * `success: false` is fatal (CloudflareApiError naming each error's code and
 * message): the body describes a failed request, not a bad record. A body
 * with neither `success` nor a result list is fatal too (CloudflareFormatError).
 * A bad record is a reject whose position is its index in its list.
 */

export class CloudflareApiError extends AppError {
  constructor(readonly errors: unknown) {
    super("VALIDATION", `Cloudflare Radar answered success: false: ${describeErrors(errors)}`);
    this.name = "CloudflareApiError";
  }
}

export class CloudflareFormatError extends AppError {
  constructor(message: string) {
    super("VALIDATION", message);
    this.name = "CloudflareFormatError";
  }
}

function describeErrors(errors: unknown): string {
  if (!Array.isArray(errors) || errors.length === 0) return "no errors were given";
  return errors
    .map((error) => {
      if (error && typeof error === "object") {
        const { code, message } = error as Record<string, unknown>;
        return [code, message].filter((part) => part !== undefined && part !== null).join(": ") || JSON.stringify(error);
      }
      return String(error);
    })
    .join("; ");
}

const RECORD_LISTS = { annotations: annotationItem, trafficAnomalies: trafficAnomalyItem } as const;

function recordListItem(list: keyof typeof RECORD_LISTS, record: unknown, index: number): IngestItem {
  return RECORD_LISTS[list](record, index, `result.${list}[${index}]`);
}

/** Items for one whole body already parsed (a live pull's response). */
export function* cloudflareBodyItems(body: unknown): Generator<IngestItem> {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new CloudflareFormatError("The response is not a Cloudflare API body (expected {success, errors, result})");
  }
  const { success, errors, result } = body as Record<string, unknown>;
  if (success === false) throw new CloudflareApiError(errors);
  if (success !== true) throw new CloudflareFormatError("The response is not a Cloudflare API body (no success flag)");
  if (result === null || typeof result !== "object") throw new CloudflareFormatError("The Cloudflare response has no result object");
  const lists = result as Record<string, unknown>;
  let found = false;
  for (const list of Object.keys(RECORD_LISTS) as (keyof typeof RECORD_LISTS)[]) {
    const records = lists[list];
    if (records === undefined || records === null) continue;
    if (!Array.isArray(records)) throw new CloudflareFormatError(`The Cloudflare response's result.${list} is not a list`);
    found = true;
    for (const [index, record] of records.entries()) yield recordListItem(list, record, index);
  }
  if (!found) throw new CloudflareFormatError("The Cloudflare response has neither result.annotations nor result.trafficAnomalies");
}

/** The number of records in a parsed body's result list (for paging). */
export function cloudflareRecordCount(body: unknown): number {
  const result = (body as { result?: Record<string, unknown> } | null)?.result;
  if (!result) return 0;
  return Object.keys(RECORD_LISTS).reduce((count, list) => count + (Array.isArray(result[list]) ? result[list].length : 0), 0);
}

export async function* parseCloudflareStream(input: Readable | AsyncIterable<Buffer | string>): AsyncGenerator<IngestItem> {
  let bodySeen = false;
  let failed = false;
  let errorsSinceSuccess: unknown = undefined;
  const paths = ["$.success", "$.errors", "$.result.annotations.*", "$.result.trafficAnomalies.*"];
  for await (const { path, value } of selectJsonValues(input, paths, { what: "The Cloudflare Radar file" })) {
    bodySeen = true;
    const [top, list, index] = path;
    if (top === "success") {
      if (value === false && errorsSinceSuccess !== undefined) throw new CloudflareApiError(errorsSinceSuccess);
      failed = value === false;
      errorsSinceSuccess = undefined;
    } else if (top === "errors") {
      if (failed) throw new CloudflareApiError(value);
      errorsSinceSuccess = value;
    } else if (top === "result" && (list === "annotations" || list === "trafficAnomalies") && typeof index === "number") {
      yield recordListItem(list, value, index);
    }
  }
  if (failed) throw new CloudflareApiError(undefined);
  if (!bodySeen) throw new CloudflareFormatError("The input holds no Cloudflare API body (no success flag or result list)");
}

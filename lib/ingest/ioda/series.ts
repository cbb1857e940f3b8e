import type { RejectItem, SeriesPointItem } from "../types";
import { jsonPathText } from "./json-stream";
import { trackedEntity } from "./entity";

/**
 * One IODA `signals/raw` series → points, bucket by bucket.
 *
 * - A bucket's time is `from + step * i` (epoch seconds, UTC).
 * - A number is a point (signal = the datasource name, stepSeconds = step).
 * - `null` is a gap: nothing is emitted, never a zero.
 * - Anything else is rejected on its own, with the bucket verbatim. In
 *   particular, datasources that nest a list of objects per bucket (such as
 *   `upstream-delay-penult-asns`, one object per upstream AS) are not a
 *   scalar series: each such bucket is rejected with
 *   NESTED_BUCKET_REASON. The tracker charts scalar signals only; the rejects
 *   keep the data, and a later reduction can be added without re-fetching.
 * - A series whose header is unusable (entity type not tracked, no `from`
 *   or `step`, `values` not a list) is rejected whole, with its header
 *   (and without its values, which can be thousands of buckets long) as raw.
 *
 * Reject positions are the bucket's index in `values` (or the series' index
 * in its list), and the field is the full path, e.g. `data[0][2].values[17]`.
 */
export const NESTED_BUCKET_REASON = "nested per-bucket values are not a scalar series";

export function* seriesItems(series: unknown, path: (string | number)[]): Generator<SeriesPointItem | RejectItem> {
  const position = typeof path[path.length - 1] === "number" ? (path[path.length - 1] as number) : 0;
  const reject = (field: string, reason: string, raw: unknown): RejectItem => ({
    kind: "reject",
    position,
    field: `${jsonPathText(path)}.${field}`,
    reason,
    raw: JSON.stringify(raw),
  });
  if (series === null || typeof series !== "object" || Array.isArray(series)) {
    yield { kind: "reject", position, field: jsonPathText(path), reason: "a signals series must be an object", raw: JSON.stringify(series) };
    return;
  }
  const record = series as Record<string, unknown>;
  const { values, ...header } = record;
  const entity = trackedEntity(record.entityType, record.entityCode, record.entityName);
  if (!entity.ok) return yield reject("entityType", entity.reason, header);
  const datasource = typeof record.datasource === "string" ? record.datasource.trim() : "";
  if (datasource === "") return yield reject("datasource", "the series has no datasource", header);
  const from = record.from;
  if (typeof from !== "number" || !Number.isInteger(from)) return yield reject("from", "`from` must be whole epoch seconds", header);
  const step = record.step;
  if (typeof step !== "number" || !Number.isInteger(step) || step <= 0) {
    return yield reject("step", "`step` must be a positive whole number of seconds", header);
  }
  if (!Array.isArray(values)) return yield reject("values", "`values` must be a list", header);

  const { entityType, entityCode, asn } = entity.entity;
  for (let index = 0; index < values.length; index += 1) {
    const value: unknown = values[index];
    if (value === null) continue;
    const at = new Date((from + step * index) * 1000);
    if (typeof value === "number" && Number.isFinite(value)) {
      yield { kind: "point", source: "IODA", signal: datasource, entityType, entityCode, asn, at, value, stepSeconds: step };
      continue;
    }
    const reason =
      typeof value === "object"
        ? `${NESTED_BUCKET_REASON} (datasource ${datasource}, bucket at ${at.toISOString()})`
        : `a bucket must be a number or null, not ${JSON.stringify(value)}`;
    yield { kind: "reject", position: index, field: `${jsonPathText(path)}.values[${index}]`, reason, raw: JSON.stringify(value) };
  }
}

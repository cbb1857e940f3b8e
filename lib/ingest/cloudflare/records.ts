import type { OutageEventItem, RejectItem } from "../types";

/**
 * Cloudflare Radar records → OutageEventItems, or a RejectItem naming the
 * field and the reason.
 *
 * Annotations (`annotations/outages`, `annotations`):
 * - `id` is a string in newer responses and absent in older ones. The key is
 *   the id, or else the natural key
 *   `start=<ISO>|asns=<sorted, comma-joined>|locations=<sorted, comma-joined>`.
 * - Locations come from `locations[]`, or `location` (a string or a list; some
 *   live data uses it), plus the codes in `locationsDetails[{code, name}]`;
 *   all upper-cased, de-duplicated.
 * - ASNs come from `asns[]` (integers) plus `asnsDetails[{asn: "9198", …}]`
 *   (strings).
 * - `description` and `scope` may be null; `endDate` is null while ongoing
 *   (endsAt null).
 * - eventKind: CLOUDFLARE_OUTAGE when the record has an `outage` object or
 *   `eventType` "OUTAGE", else CLOUDFLARE_ANNOTATION.
 *
 * Traffic anomalies (`traffic_anomalies`): `{uuid, startDate, endDate?,
 * status, type, asnDetails?, locationDetails?, originDetails?,
 * visibleInDataSources?}` → CLOUDFLARE_TRAFFIC_ANOMALY keyed by uuid, with
 * `status` (VERIFIED, UNVERIFIED …) as the level.
 *
 * entityType/entityCode are set when the record is about exactly one ASN
 * (ASN) or else exactly one location (COUNTRY).
 */

type Result = OutageEventItem | RejectItem;

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function parseInstant(value: unknown): Date | null {
  if (typeof value !== "string" || !ISO_WITH_ZONE.test(value.trim())) return null;
  const text = value.trim();
  // A date or date-time without a zone is UTC (Radar always speaks UTC).
  const zoned = /T/.test(text) ? (/(Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text}Z`) : `${text}T00:00:00Z`;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? null : date;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function optionalText(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function asnNumber(value: unknown): number | null {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim().replace(/^AS/i, "") : "";
  if (!/^\d{1,10}$/.test(text)) return null;
  const asn = Number(text);
  return asn > 0 && asn <= 4294967295 ? asn : null;
}

function withoutUndefined(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined));
}

type Collected<T> = { ok: true; values: T[] } | { ok: false; field: string; reason: string };

function collectLocations(record: Record<string, unknown>): Collected<string> {
  const codes = new Set<string>();
  const addCode = (value: unknown, field: string): string | null => {
    if (typeof value !== "string" || !/^[A-Za-z]{2}$/.test(value.trim())) return `${JSON.stringify(value)} in ${field} is not a two-letter location code`;
    codes.add(value.trim().toUpperCase());
    return null;
  };
  for (const field of ["locations", "location"] as const) {
    const value = record[field];
    if (value === undefined || value === null) continue;
    const list = Array.isArray(value) ? value : [value];
    for (const code of list) {
      const problem = addCode(code, field);
      if (problem) return { ok: false, field, reason: problem };
    }
  }
  const details = record.locationsDetails;
  if (details !== undefined && details !== null) {
    if (!Array.isArray(details)) return { ok: false, field: "locationsDetails", reason: "locationsDetails must be a list" };
    for (const detail of details) {
      const problem = addCode(isRecord(detail) ? detail.code : detail, "locationsDetails");
      if (problem) return { ok: false, field: "locationsDetails", reason: problem };
    }
  }
  return { ok: true, values: [...codes].sort() };
}

function collectAsns(record: Record<string, unknown>): Collected<number> {
  const asns = new Set<number>();
  const sources: [string, unknown, (item: unknown) => unknown][] = [
    ["asns", record.asns, (item) => item],
    ["asnsDetails", record.asnsDetails, (item) => (isRecord(item) ? item.asn : item)],
  ];
  for (const [field, value, pick] of sources) {
    if (value === undefined || value === null) continue;
    if (!Array.isArray(value)) return { ok: false, field, reason: `${field} must be a list` };
    for (const item of value) {
      const asn = asnNumber(pick(item));
      if (asn === null) return { ok: false, field, reason: `${JSON.stringify(item)} in ${field} is not an AS number` };
      asns.add(asn);
    }
  }
  return { ok: true, values: [...asns].sort((a, b) => a - b) };
}

function singleEntity(asns: number[], locations: string[]): Pick<OutageEventItem, "entityType" | "entityCode"> {
  if (asns.length === 1) return { entityType: "ASN", entityCode: String(asns[0]) };
  if (asns.length === 0 && locations.length === 1) return { entityType: "COUNTRY", entityCode: locations[0] };
  return {};
}

export function annotationItem(annotation: unknown, position: number, fieldPrefix: string): Result {
  const reject = (field: string, reason: string): RejectItem => ({
    kind: "reject",
    position,
    field: `${fieldPrefix}.${field}`,
    reason,
    raw: JSON.stringify(annotation),
  });
  if (!isRecord(annotation)) return { kind: "reject", position, field: fieldPrefix, reason: "an annotation must be an object", raw: JSON.stringify(annotation) };

  const startsAt = parseInstant(annotation.startDate);
  if (!startsAt) return reject("startDate", "startDate must be an ISO 8601 date-time");
  let endsAt: Date | null = null;
  if (annotation.endDate !== null && annotation.endDate !== undefined) {
    endsAt = parseInstant(annotation.endDate);
    if (!endsAt) return reject("endDate", "endDate must be an ISO 8601 date-time, or null while the outage is ongoing");
    if (endsAt < startsAt) return reject("endDate", "endDate is before startDate");
  }
  const locations = collectLocations(annotation);
  if (!locations.ok) return reject(locations.field, locations.reason);
  const asns = collectAsns(annotation);
  if (!asns.ok) return reject(asns.field, asns.reason);

  let key: string;
  if (annotation.id !== undefined && annotation.id !== null) {
    const id = typeof annotation.id === "number" ? String(annotation.id) : optionalText(annotation.id);
    if (!id) return reject("id", "id must be a non-empty string");
    key = id;
  } else {
    key = `start=${startsAt.toISOString()}|asns=${asns.values.join(",")}|locations=${locations.values.join(",")}`;
  }

  const outage = isRecord(annotation.outage) ? annotation.outage : undefined;
  const eventType = optionalText(annotation.eventType);
  return {
    kind: "event",
    source: "CLOUDFLARE",
    key,
    eventKind: outage || eventType?.toUpperCase() === "OUTAGE" ? "CLOUDFLARE_OUTAGE" : "CLOUDFLARE_ANNOTATION",
    ...singleEntity(asns.values, locations.values),
    asns: asns.values,
    locations: locations.values,
    startsAt,
    endsAt,
    datasource: optionalText(annotation.dataSource),
    description: optionalText(annotation.description),
    linkedUrl: optionalText(annotation.linkedUrl),
    details: withoutUndefined({
      eventType,
      scope: optionalText(annotation.scope),
      outageCause: outage ? optionalText(outage.outageCause) : undefined,
      outageType: outage ? optionalText(outage.outageType) : undefined,
      asnsDetails: Array.isArray(annotation.asnsDetails) && annotation.asnsDetails.length > 0 ? annotation.asnsDetails : undefined,
      locationsDetails:
        Array.isArray(annotation.locationsDetails) && annotation.locationsDetails.length > 0 ? annotation.locationsDetails : undefined,
      keyedBy: annotation.id === undefined || annotation.id === null ? "natural key (no id)" : undefined,
    }),
  };
}

export function trafficAnomalyItem(anomaly: unknown, position: number, fieldPrefix: string): Result {
  const reject = (field: string, reason: string): RejectItem => ({
    kind: "reject",
    position,
    field: `${fieldPrefix}.${field}`,
    reason,
    raw: JSON.stringify(anomaly),
  });
  if (!isRecord(anomaly)) return { kind: "reject", position, field: fieldPrefix, reason: "a traffic anomaly must be an object", raw: JSON.stringify(anomaly) };
  const uuid = optionalText(anomaly.uuid);
  if (!uuid) return reject("uuid", "a traffic anomaly must have a uuid");
  const startsAt = parseInstant(anomaly.startDate);
  if (!startsAt) return reject("startDate", "startDate must be an ISO 8601 date-time");
  let endsAt: Date | null = null;
  if (anomaly.endDate !== null && anomaly.endDate !== undefined) {
    endsAt = parseInstant(anomaly.endDate);
    if (!endsAt) return reject("endDate", "endDate must be an ISO 8601 date-time, or absent while ongoing");
    if (endsAt < startsAt) return reject("endDate", "endDate is before startDate");
  }

  const asnDetails = anomaly.asnDetails;
  const locationDetails = anomaly.locationDetails;
  let asn: number | null = null;
  const locations = new Set<string>();
  if (asnDetails !== undefined && asnDetails !== null) {
    if (!isRecord(asnDetails)) return reject("asnDetails", "asnDetails must be an object");
    asn = asnNumber(asnDetails.asn);
    if (asn === null) return reject("asnDetails.asn", `${JSON.stringify(asnDetails.asn)} is not an AS number`);
    // The API documents `locations`; some responses say `location`.
    for (const located of [asnDetails.locations, asnDetails.location]) {
      if (isRecord(located) && typeof located.code === "string" && /^[A-Za-z]{2}$/.test(located.code)) locations.add(located.code.toUpperCase());
    }
  }
  if (locationDetails !== undefined && locationDetails !== null) {
    if (!isRecord(locationDetails) || typeof locationDetails.code !== "string" || !/^[A-Za-z]{2}$/.test(locationDetails.code)) {
      return reject("locationDetails", "locationDetails must be {code, name} with a two-letter code");
    }
    locations.add(locationDetails.code.toUpperCase());
  }
  const asns = asn === null ? [] : [asn];
  const locationList = [...locations].sort();
  return {
    kind: "event",
    source: "CLOUDFLARE",
    key: uuid,
    eventKind: "CLOUDFLARE_TRAFFIC_ANOMALY",
    ...singleEntity(asns, locationList),
    asns,
    locations: locationList,
    startsAt,
    endsAt,
    level: optionalText(anomaly.status),
    details: withoutUndefined({
      type: optionalText(anomaly.type),
      status: optionalText(anomaly.status),
      asnName: isRecord(asnDetails) ? optionalText(asnDetails.name) : undefined,
      locationName: isRecord(locationDetails) ? optionalText(locationDetails.name) : undefined,
      originDetails: anomaly.originDetails ?? undefined,
      visibleInDataSources: anomaly.visibleInDataSources ?? undefined,
    }),
  };
}

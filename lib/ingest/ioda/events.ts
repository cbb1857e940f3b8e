import type { OutageEventItem, RejectItem } from "../types";
import { jsonPathText } from "./json-stream";
import { entityFromReference, entityScope, type TrackedEntity } from "./entity";

/**
 * IODA `outages/events` (both formats) and `outages/alerts` records →
 * OutageEventItems, or a RejectItem naming the field and the reason.
 *
 * - `codf` (the default): `{location: "asn/9198", start, duration, uncertainty,
 *   method, datasource, status, fraction, score, location_name, overlaps_window}`;
 *   the end is `start + duration`.
 * - `format=ioda`: `{entity: {type, code, name} | "asn/9198", from, until,
 *   score, datasource, method}`.
 * - alerts: `{datasource, entity, time, level, condition, value,
 *   historyValue, method}`; an alert is an instant (endsAt = startsAt).
 *
 * Keys are natural: `event|<datasource or method>|<type>/<code>|<start epoch>`
 * (the same in both event formats, so fetching one event in either format
 * stores it once) and `alert|<datasource>|<type>/<code>|<time epoch>`.
 */

type RecordResult = OutageEventItem | RejectItem;

export type IodaRecordShape = "codf-event" | "ioda-event" | "alert" | "series";

/** Which IODA record an element of `data` is, by its fields (the envelope's `type` is not needed). */
export function iodaRecordShape(record: Record<string, unknown>): IodaRecordShape | null {
  if ("values" in record && ("step" in record || "datasource" in record)) return "series";
  if ("time" in record && ("level" in record || "condition" in record)) return "alert";
  if ("location" in record && "start" in record) return "codf-event";
  if ("entity" in record && "from" in record) return "ioda-event";
  return null;
}

function epochSeconds(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

function optionalNumber(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function optionalText(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function entityKey(entity: TrackedEntity): string {
  return `${entity.entityType.toLowerCase()}/${entity.entityCode}`;
}

function withoutUndefined(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined));
}

export function iodaRecordItem(record: Record<string, unknown>, shape: Exclude<IodaRecordShape, "series">, path: (string | number)[]): RecordResult {
  const position = typeof path[path.length - 1] === "number" ? (path[path.length - 1] as number) : 0;
  const reject = (field: string, reason: string): RejectItem => ({
    kind: "reject",
    position,
    field: `${jsonPathText(path)}.${field}`,
    reason,
    raw: JSON.stringify(record),
  });

  const entityField = shape === "codf-event" ? "location" : "entity";
  const entity = entityFromReference(record[entityField]);
  if (!entity.ok) return reject(entityField, entity.reason);
  const datasource = optionalText(record.datasource);
  const method = optionalText(record.method);
  const score = optionalNumber(record.score);
  const common = {
    kind: "event" as const,
    source: "IODA" as const,
    entityType: entity.entity.entityType,
    entityCode: entity.entity.entityCode,
    ...entityScope(entity.entity),
    datasource,
    score,
  };

  if (shape === "alert") {
    const time = epochSeconds(record.time);
    if (time === null) return reject("time", "`time` must be epoch seconds");
    if (!datasource) return reject("datasource", "an alert must name its datasource");
    const at = new Date(time * 1000);
    return {
      ...common,
      key: `alert|${datasource}|${entityKey(entity.entity)}|${time}`,
      eventKind: "IODA_ALERT",
      startsAt: at,
      endsAt: at,
      level: optionalText(record.level),
      description: optionalText(record.condition),
      details: withoutUndefined({
        entityName: entity.entity.name,
        condition: record.condition,
        value: record.value,
        historyValue: record.historyValue,
        method: record.method,
      }),
    };
  }

  const startField = shape === "codf-event" ? "start" : "from";
  const start = epochSeconds(record[startField]);
  if (start === null) return reject(startField, `\`${startField}\` must be epoch seconds`);
  let end: number | null;
  if (shape === "codf-event") {
    const duration = record.duration;
    if (duration === null || duration === undefined) end = null;
    else {
      const seconds = epochSeconds(duration);
      if (seconds === null) return reject("duration", "`duration` must be a number of seconds or null");
      end = start + seconds;
    }
  } else {
    const until = record.until;
    if (until === null || until === undefined) end = null;
    else {
      end = epochSeconds(until);
      if (end === null) return reject("until", "`until` must be epoch seconds or null");
    }
  }
  if (end !== null && end < start) return reject(shape === "codf-event" ? "duration" : "until", "the event ends before it starts");
  const naming = datasource ?? method;
  if (!naming) return reject("datasource", "an event must name its datasource or method");

  return {
    ...common,
    key: `event|${naming}|${entityKey(entity.entity)}|${start}`,
    eventKind: "IODA_EVENT",
    startsAt: new Date(start * 1000),
    endsAt: end === null ? null : new Date(end * 1000),
    details: withoutUndefined({
      format: shape === "codf-event" ? "codf" : "ioda",
      entityName: entity.entity.name ?? optionalText(record.location_name),
      method: record.method,
      uncertainty: record.uncertainty,
      status: record.status,
      fraction: record.fraction,
      overlapsWindow: record.overlaps_window,
    }),
  };
}

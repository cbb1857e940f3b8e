import type { SeriesEntityType } from "@/lib/generated/prisma/enums";

/**
 * IODA names an entity three ways: a series' `entityType` + `entityCode`
 * ("asn", "9198" — a string even for an ASN), an event's `location`
 * ("asn/9198", "country/KZ", "region/4449"), or an entity object
 * (`{type, code, name}`) in alerts and `format=ioda` events. All become one
 * TrackedEntity; any other entity type (continent, county, geoasn …) is not
 * tracked, and the record is rejected with the reason.
 */
export type TrackedEntity = {
  entityType: SeriesEntityType;
  /** "9198", "KZ" (upper case), or IODA's region code as given. */
  entityCode: string;
  asn?: number;
  name?: string;
};

export type EntityResult = { ok: true; entity: TrackedEntity } | { ok: false; reason: string };

const IODA_ENTITY_TYPES: Record<string, SeriesEntityType> = { asn: "ASN", region: "REGION", country: "COUNTRY" };

export function trackedEntity(type: unknown, code: unknown, name?: unknown): EntityResult {
  if (typeof type !== "string" || type.trim() === "") return { ok: false, reason: "the entity type is missing" };
  const entityType = IODA_ENTITY_TYPES[type.trim().toLowerCase()];
  if (!entityType) return { ok: false, reason: `entity type "${type}" is not tracked (only asn, region and country are)` };
  const codeText = typeof code === "number" && Number.isInteger(code) ? String(code) : typeof code === "string" ? code.trim() : "";
  if (codeText === "") return { ok: false, reason: "the entity code is missing" };
  const displayName = typeof name === "string" && name.trim() !== "" ? name.trim() : undefined;

  if (entityType === "ASN") {
    const digits = codeText.replace(/^AS/i, "");
    const asn = /^\d{1,10}$/.test(digits) ? Number(digits) : NaN;
    if (!Number.isSafeInteger(asn) || asn <= 0 || asn > 4294967295) {
      return { ok: false, reason: `"${codeText}" is not an AS number` };
    }
    return { ok: true, entity: { entityType, entityCode: String(asn), asn, name: displayName } };
  }
  if (entityType === "COUNTRY") {
    if (!/^[A-Za-z]{2}$/.test(codeText)) return { ok: false, reason: `"${codeText}" is not a two-letter country code` };
    return { ok: true, entity: { entityType, entityCode: codeText.toUpperCase(), name: displayName } };
  }
  return { ok: true, entity: { entityType, entityCode: codeText, name: displayName } };
}

/** "asn/9198", "country/KZ", "region/4449" (also "asn.9198", IODA's fqid form), or `{type, code, name}`. */
export function entityFromReference(reference: unknown): EntityResult {
  if (typeof reference === "string") {
    const match = /^\s*([A-Za-z-]+)[/.](.+?)\s*$/.exec(reference);
    if (!match) return { ok: false, reason: `"${reference}" is not an entity reference like "asn/9198" or "country/KZ"` };
    return trackedEntity(match[1], match[2]);
  }
  if (reference !== null && typeof reference === "object" && !Array.isArray(reference)) {
    const record = reference as Record<string, unknown>;
    return trackedEntity(record.type ?? record.entityType, record.code ?? record.entityCode, record.name ?? record.entityName);
  }
  return { ok: false, reason: "the entity is missing or is neither a reference string nor an object" };
}

/** The event's `asns` and `locations` for one entity. */
export function entityScope(entity: TrackedEntity): { asns: number[]; locations: string[] } {
  return entity.asn !== undefined ? { asns: [entity.asn], locations: [] } : { asns: [], locations: [entity.entityCode] };
}

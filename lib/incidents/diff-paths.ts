/**
 * What the dotted paths of an incident snapshot mean ("phases.1.endsAt",
 * "translations.ru.title"): the order fields are listed in, which record and
 * field a path names, and what kind of value sits there. Shared by the diff,
 * the change list and the editor, so a field has the same name everywhere.
 * Pure and client-safe.
 */

export const ITEM_LISTS = ["phases", "sources", "acknowledgements", "impactEstimates", "discrepancies"] as const;
export type ItemListName = (typeof ITEM_LISTS)[number];

export type RecordKind = "incident" | "phase" | "source" | "acknowledgement" | "impactEstimate" | "discrepancy";

export const RECORD_OF_LIST: Record<ItemListName, RecordKind> = {
  phases: "phase",
  sources: "source",
  acknowledgements: "acknowledgement",
  impactEstimates: "impactEstimate",
  discrepancies: "discrepancy",
};

export function isItemList(name: string | undefined): name is ItemListName {
  return (ITEM_LISTS as readonly string[]).includes(name ?? "");
}

/** Enums whose values have translated labels. */
export type EnumName =
  | "IncidentStatus"
  | "VerificationLevel"
  | "TimePrecision"
  | "IncidentScope"
  | "DisruptionType"
  | "AffectedService"
  | "IncidentCause"
  | "GovernmentJustification"
  | "PhaseExtent"
  | "SourceKind"
  | "StatementParty"
  | "DiscrepancyTopic"
  | "EndStatus";

export type ValueKind =
  | { kind: "text" }
  | { kind: "longText" }
  | { kind: "url" }
  | { kind: "instant" }
  | { kind: "calendarDate" }
  | { kind: "usd" }
  | { kind: "boolean" }
  | { kind: "enum"; enumName: EnumName }
  | { kind: "enumList"; enumName: EnumName }
  | { kind: "operator" }
  | { kind: "operatorList" }
  | { kind: "regionList" }
  /** An index into the incident's phases. */
  | { kind: "phaseRef" }
  /** An index into the incident's sources. */
  | { kind: "sourceRef" }
  | { kind: "sourceRefList" }
  /** A whole phase, source, statement, estimate or discrepancy (added or removed). */
  | { kind: "item"; list: ItemListName }
  | { kind: "other" };

const text: ValueKind = { kind: "text" };
const longText: ValueKind = { kind: "longText" };
const url: ValueKind = { kind: "url" };
const instant: ValueKind = { kind: "instant" };
const calendarDate: ValueKind = { kind: "calendarDate" };
const usd: ValueKind = { kind: "usd" };
const enumOf = (enumName: EnumName): ValueKind => ({ kind: "enum", enumName });
const enumListOf = (enumName: EnumName): ValueKind => ({ kind: "enumList", enumName });
const TRANSLATIONS: ValueKind = { kind: "other" };

/** Each record's fields in the order the editor and the change list show them (the schema's order). */
export const RECORD_FIELDS: Record<RecordKind, Readonly<Record<string, ValueKind>>> = {
  incident: {
    slug: text,
    title: text,
    summary: longText,
    body: longText,
    translations: TRANSLATIONS,
    /** Not in a snapshot; the server reports workflow changes under this path. */
    status: enumOf("IncidentStatus"),
    verification: enumOf("VerificationLevel"),
    startsAt: instant,
    startPrecision: enumOf("TimePrecision"),
    endsAt: instant,
    endPrecision: enumOf("TimePrecision"),
    endStatus: enumOf("EndStatus"),
    lastCheckedOn: calendarDate,
    lastReportedOn: calendarDate,
    periodFromPhases: { kind: "boolean" },
    scope: enumOf("IncidentScope"),
    type: enumOf("DisruptionType"),
    services: enumListOf("AffectedService"),
    servicesOther: text,
    cause: enumOf("IncidentCause"),
    causeDetails: longText,
    govJustification: enumOf("GovernmentJustification"),
    govJustificationDetails: longText,
    legalBasis: longText,
    operators: { kind: "operatorList" },
    regions: { kind: "regionList" },
    phases: { kind: "item", list: "phases" },
    sources: { kind: "item", list: "sources" },
    acknowledgements: { kind: "item", list: "acknowledgements" },
    impactEstimates: { kind: "item", list: "impactEstimates" },
    discrepancies: { kind: "item", list: "discrepancies" },
  },
  phase: {
    label: text,
    description: longText,
    translations: TRANSLATIONS,
    type: enumOf("DisruptionType"),
    extent: enumOf("PhaseExtent"),
    startsAt: instant,
    startPrecision: enumOf("TimePrecision"),
    endsAt: instant,
    endPrecision: enumOf("TimePrecision"),
    endStatus: enumOf("EndStatus"),
    lastReportedOn: calendarDate,
    services: enumListOf("AffectedService"),
    allOperators: { kind: "boolean" },
    operators: { kind: "operatorList" },
    regions: { kind: "regionList" },
  },
  source: {
    kind: enumOf("SourceKind"),
    url,
    title: text,
    publisher: text,
    publishedOn: calendarDate,
    archivedUrl: url,
    quote: longText,
    note: longText,
    translations: TRANSLATIONS,
    phase: { kind: "phaseRef" },
  },
  acknowledgement: {
    party: enumOf("StatementParty"),
    operator: { kind: "operator" },
    statement: longText,
    translations: TRANSLATIONS,
    quote: longText,
    sourceUrl: url,
    madeOn: calendarDate,
  },
  impactEstimate: {
    lowUsd: usd,
    highUsd: usd,
    estimatedBy: text,
    source: { kind: "sourceRef" },
    note: longText,
    translations: TRANSLATIONS,
  },
  discrepancy: {
    topic: enumOf("DiscrepancyTopic"),
    description: longText,
    resolution: longText,
    translations: TRANSLATIONS,
    sources: { kind: "sourceRefList" },
  },
};

/** The free-text fields a translation may hold, in order (ZTranslations). */
export const TRANSLATION_FIELDS = [
  "title",
  "summary",
  "body",
  "label",
  "description",
  "resolution",
  "statement",
  "note",
  "causeDetails",
  "servicesOther",
  "govJustificationDetails",
  "legalBasis",
  "publisher",
  "estimatedBy",
] as const;
/** Translated fields that hold a line of text (a name, a title) rather than prose. */
const SHORT_TRANSLATION_FIELDS: ReadonlySet<string> = new Set(["title", "label", "servicesOther", "publisher", "estimatedBy"]);
export type TranslationField = (typeof TRANSLATION_FIELDS)[number];
export const TRANSLATION_LOCALES = ["ru"] as const;
export type TranslationLocale = (typeof TRANSLATION_LOCALES)[number];

export type PathSegment =
  /** A field of a record: "title" of the incident, "endsAt" of a phase. */
  | { kind: "field"; record: RecordKind; field: string }
  /** One item of a list: "Phase 2". */
  | { kind: "item"; list: ItemListName; index: number }
  /** A translated field: "Title (Russian)". */
  | { kind: "translation"; record: RecordKind; locale: string; field: string }
  /** Anything the snapshot format does not define. */
  | { kind: "unknown"; text: string };

export type PathDescription = { segments: PathSegment[]; value: ValueKind };

const OTHER: ValueKind = { kind: "other" };

/**
 * Reads a snapshot path: "phases.1.endsAt" is Phase 2 › End, an instant;
 * "sources.2" is a whole source; "translations.ru.title" is the Russian title.
 */
export function describePath(path: string): PathDescription {
  const parts = path === "" ? [] : path.split(".");
  const segments: PathSegment[] = [];
  let record: RecordKind = "incident";
  let value: ValueKind = OTHER;
  for (let position = 0; position < parts.length; position++) {
    const part = parts[position]!;
    const fields = RECORD_FIELDS[record];
    const fieldKind = Object.hasOwn(fields, part) ? fields[part] : undefined;
    if (record === "incident" && isItemList(part)) {
      const next = parts[position + 1];
      if (next !== undefined && /^\d+$/.test(next)) {
        segments.push({ kind: "item", list: part, index: Number(next) });
        record = RECORD_OF_LIST[part];
        value = { kind: "item", list: part };
        position++;
        continue;
      }
      segments.push({ kind: "field", record, field: part });
      value = OTHER;
      continue;
    }
    if (part === "translations" && fieldKind) {
      const locale = parts[position + 1];
      const field = parts[position + 2];
      if (locale !== undefined && field !== undefined && (TRANSLATION_FIELDS as readonly string[]).includes(field) && position + 3 === parts.length) {
        segments.push({ kind: "translation", record, locale, field });
        value = SHORT_TRANSLATION_FIELDS.has(field) ? text : longText;
        break;
      }
      segments.push({ kind: "unknown", text: parts.slice(position).join(".") });
      value = OTHER;
      break;
    }
    if (fieldKind) {
      segments.push({ kind: "field", record, field: part });
      value = fieldKind;
      continue;
    }
    segments.push({ kind: "unknown", text: parts.slice(position).join(".") });
    value = OTHER;
    break;
  }
  return { segments, value };
}

/** The order of a record's keys: known fields first, in schema order, then any others alphabetically. */
export function orderedKeys(record: RecordKind | "translations" | "translation", keys: Iterable<string>): string[] {
  const known: readonly string[] =
    record === "translations" ? TRANSLATION_LOCALES : record === "translation" ? TRANSLATION_FIELDS : Object.keys(RECORD_FIELDS[record]);
  const rank = (key: string) => {
    const index = known.indexOf(key);
    return index === -1 ? known.length : index;
  };
  return [...new Set(keys)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

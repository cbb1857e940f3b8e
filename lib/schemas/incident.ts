import { z } from "zod";
import { AppError, fieldIssue, readFieldIssue, type IssueParams } from "@/lib/errors";
import {
  AffectedService,
  DiscrepancyTopic,
  DisruptionType,
  EndStatus,
  GovernmentJustification,
  IncidentCause,
  IncidentScope,
  IncidentStatus,
  PhaseExtent,
  SourceKind,
  StatementParty,
  TimePrecision,
  VerificationLevel,
} from "@/lib/generated/prisma/enums";
import { periodOfPhases } from "@/lib/incidents/period-of-phases";
import { fieldIssuesOf } from "@/lib/schemas/parse";
import { effectiveEnd } from "@/lib/time/format";

/**
 * The one schema for an incident with everything attached to it. The seed, the
 * staff editor, the importers and the API all validate with it. Rules that need
 * the database (unique slug, existing operator or region) are checked on the
 * server in lib/server/incidents.
 *
 * The schema is built from the field tables below (decision 0019): each field
 * of an incident and of the records attached to it is declared once, with its
 * kind, whether it is translated and what it refers to. The editor's form, the
 * conversions between form, input and database rows, the diff's paths and the
 * list of translated texts are all derived from these tables
 * (lib/incidents/fields.ts, lib/incidents/form-value.ts,
 * lib/server/incidents/incident-columns.ts).
 *
 * Operators and regions are referenced by slug. Inside one incident, sources
 * name the phase they support, and discrepancies and estimates name the
 * sources they rest on, by their index in the lists below.
 *
 * Issues are codes (INCIDENT_ISSUES), never sentences: the editor shows them in
 * the reader's language (messages/editor, "IncidentIssues"), command-line
 * tools and import reports in English (describeIncidentIssue).
 */

/* ------------------------------------------------------------------------- */
/* Issues                                                                    */
/* ------------------------------------------------------------------------- */

/** Every problem the schema, the editor's reading of its form and the server report, in English ({name} is a parameter). */
export const INCIDENT_ISSUES = {
  // The schema's generic checks (incidentIssueMap).
  required: "Required",
  too_short: "Use at least {minimum} characters",
  too_long: "Use at most {maximum} characters",
  too_many: "At most {maximum} are allowed",
  too_small: "Must be at least {minimum}",
  too_large: "Must be at most {maximum}",
  whole_number: "Enter a whole number",
  choose_option: "Choose one of the options",
  invalid: "This value is not valid",
  // Formats.
  slug_format: "use lowercase letters, digits and single hyphens",
  http_url: "must be an http(s) URL",
  invalid_date_time: "must be an ISO 8601 date-time with a zone",
  calendar_date: "must be a date (YYYY-MM-DD)",
  nul_character: "contains a NUL character",
  // What the editor cannot read in its form (lib/incidents/form-value.ts).
  skipped_date_time: "This time did not exist in Kazakhstan: the clocks skipped it",
  date_without_time: "Add the time, or choose a precision of “to the day” or “estimated”",
  invalid_amount: "Enter a whole number of US dollars, e.g. 10000000",
  phase_removed: "The phase this pointed to has been removed; choose another",
  source_removed: "The source this pointed to has been removed; choose another",
  // Rules across fields.
  operator_required: "name the operator that made the statement",
  government_no_operator: "a government statement names no operator",
  bound_required: "give a low bound, a high bound or both",
  high_below_low: "the high bound is below the low bound",
  end_before_start: "the end is before the start",
  end_precision_without_end: "an end precision needs an end",
  end_precision_required: "say how precise the end is",
  end_or_open_end: "give the end, or say it is ongoing or not recorded",
  end_given_is_recorded: "an end date is given: the end is recorded",
  last_checked_required: "say when it was last checked to be still running",
  last_checked_only_ongoing: "only an ongoing disruption has a last-checked day",
  last_check_before_start: "the last check is before the start",
  last_reported_only_not_recorded: "only an end that is not recorded has a last-reported day",
  last_report_before_start: "the last report is before the start",
  last_report_after_incident_end: "the last report is after the incident's end",
  start_follows_phases: "the start must be the first phase's start while the period follows the phases",
  end_follows_phases: "the end must be the last phase's end while the period follows the phases",
  end_status_follows_phases: "the end status must be the phases' while the period follows the phases",
  last_report_follows_phases: "the last report must be the phases' latest while the period follows the phases",
  listed_twice: '"{value}" is listed twice',
  region_required: "a regional or local incident names at least one region",
  phase_ongoing_only_with_incident: "a phase can be ongoing only while its incident is",
  operators_or_all_operators: "either name the phase's operators or mark it as affecting all of the incident's",
  incident_names_no_operators: "the incident names no operators",
  phase_starts_before_incident: "the phase starts before the incident",
  phase_ends_after_incident: "the phase ends after the incident",
  no_such_phase: "no such phase",
  no_such_source: "no such source",
  // Checks only the server can make (lib/server/incidents/incident-content.ts).
  slug_taken: "another incident already uses this slug",
  reference_removed: "an operator or region this incident refers to no longer exists",
  unknown_operator: 'unknown operator "{value}"',
  unknown_region: 'unknown region "{value}"',
} as const;
export type IncidentIssue = keyof typeof INCIDENT_ISSUES;

/** An issue as FieldIssues and zod carry it: its code, and its parameters if it has any. */
export const incidentIssue = (code: IncidentIssue, params?: IssueParams): string => fieldIssue(code, params);

/** An issue in English, e.g. 'unknown operator "x"'; anything that is not an incident issue code is returned as it is. */
export function describeIncidentIssue(text: string): string {
  const issue = readFieldIssue(text);
  if (!issue || !Object.hasOwn(INCIDENT_ISSUES, issue.code)) return text;
  return INCIDENT_ISSUES[issue.code as IncidentIssue].replace(/\{(\w+)\}/g, (whole, name: string) => String(issue.params[name] ?? whole));
}

/**
 * The codes of zod's generic checks (a missing value, a string too long…).
 * Checks with a code of their own (formats, rules) keep it; this map sees
 * the input, which a finished issue no longer carries.
 */
export const incidentIssueMap: z.core.$ZodErrorMap = (issue) => {
  const missing = issue.input === undefined;
  switch (issue.code) {
    case "invalid_type":
      if (missing) return incidentIssue("required");
      return incidentIssue(issue.expected === "int" ? "whole_number" : "invalid");
    case "invalid_value":
      return incidentIssue(missing ? "required" : "choose_option");
    case "invalid_union":
      // An instant is a union (a Date or an ISO string): missing it is required; otherwise its string branch says why.
      if (missing) return incidentIssue("required");
      return issue.errors.flat().find((inner) => (readFieldIssue(inner.message)?.code ?? "invalid") !== "invalid")?.message ?? incidentIssue("invalid");
    case "too_small": {
      const minimum = Number(issue.minimum);
      if (issue.origin === "string") return minimum <= 1 ? incidentIssue("required") : incidentIssue("too_short", { minimum });
      if (issue.origin === "number") return incidentIssue("too_small", { minimum });
      return incidentIssue("invalid");
    }
    case "too_big": {
      const maximum = Number(issue.maximum);
      if (issue.origin === "string") return incidentIssue("too_long", { maximum });
      if (issue.origin === "number") return incidentIssue("too_large", { maximum });
      if (issue.origin === "array") return incidentIssue("too_many", { maximum });
      return incidentIssue("invalid");
    }
    default:
      return incidentIssue("invalid");
  }
};

/* ------------------------------------------------------------------------- */
/* Values                                                                    */
/* ------------------------------------------------------------------------- */

export const ZSlug = z
  .string()
  .trim()
  .min(2)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, incidentIssue("slug_format"));

export const ZHttpUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: incidentIssue("http_url") }).max(2000);

/** An instant: a Date, or an ISO 8601 string with a zone ("Z" or "+06:00"). */
export const ZInstant = z.union([
  z.date(),
  z.iso.datetime({ offset: true, error: incidentIssue("invalid_date_time") }).transform((value) => new Date(value)),
]);

/** A calendar date, "YYYY-MM-DD", kept as midnight UTC. */
export const ZCalendarDate = z.union([
  z.date(),
  z.iso.date({ error: incidentIssue("calendar_date") }).transform((value) => new Date(`${value}T00:00:00Z`)),
]);

/** PostgreSQL text cannot hold NUL; reject it here with a field error rather than fail in the database. */
const ZNoNul = z.string().refine((value) => !value.includes("\u0000"), incidentIssue("nul_character"));
const text = (max: number) => ZNoNul.trim().min(1).max(max);
const optionalText = (max: number) => text(max).optional();
const ZIndex = z.number().int().min(0);
const ZUsd = z.number().int().min(0).max(1e15);

/* ------------------------------------------------------------------------- */
/* The field tables                                                          */
/* ------------------------------------------------------------------------- */

/** Enums whose values have translated labels, by name. */
export const ENUMS = {
  IncidentStatus,
  VerificationLevel,
  TimePrecision,
  IncidentScope,
  DisruptionType,
  AffectedService,
  IncidentCause,
  GovernmentJustification,
  PhaseExtent,
  SourceKind,
  StatementParty,
  DiscrepancyTopic,
  EndStatus,
} as const;
export type EnumName = keyof typeof ENUMS;
export type EnumValue<N extends EnumName> = (typeof ENUMS)[N][keyof (typeof ENUMS)[N]];

/** The records an incident is made of: the incident itself and the items of its lists. */
export type RecordKind = "incident" | "phase" | "source" | "acknowledgement" | "impactEstimate" | "discrepancy";
export type ItemRecordKind = Exclude<RecordKind, "incident">;

/** What a reference names: an operator or region by slug, a phase or source of the same incident by index. */
export type ReferenceType = "operator" | "region" | "phase" | "source";

/**
 * A field's kind says how it is held, shown, converted and stored:
 * - "slug", "text" (a line), "longText" (prose), "markdown" (a document),
 *   "url": strings;
 * - "instant" (with a precision beside it), "calendarDate" (a Kazakhstan day);
 * - "usd" (whole US dollars), "boolean", "enum", "enumList";
 * - "reference", "referenceList": what they refer to is `to`;
 * - "items": a list of records of another table;
 * - "translations": the record's translated texts (its `translatable` fields).
 */
export type FieldKind =
  | "slug"
  | "text"
  | "longText"
  | "markdown"
  | "url"
  | "instant"
  | "calendarDate"
  | "usd"
  | "boolean"
  | "enum"
  | "enumList"
  | "reference"
  | "referenceList"
  | "items"
  | "translations";

/**
 * Where an incident's field is edited: one of the editor's groups, the period
 * (lib/incidents/period-form.ts), the workflow (status, never edited as
 * content), a list of items, or the translations.
 */
export type FieldGroup = "basics" | "period" | "disruption" | "context" | "workflow" | "lists" | "translations";

export type FieldSpec = {
  kind: FieldKind;
  /** Its zod schema. Items and translations are built from their tables. */
  schema?: z.ZodType;
  /**
   * Free text the public reads, translated in `translations`: true for the
   * tracker's own words; "name" for names of others (a publisher), translated
   * where the name has an established form in the language.
   */
  translatable?: true | "name";
  enumName?: EnumName;
  /** What a reference or reference list names. */
  to?: ReferenceType;
  /** The items' table, and at most how many there are. */
  record?: ItemRecordKind;
  max?: number;
  /** Only used, shown and sent while another field of the record has this value. */
  shownWhen?: { field: string; equals: string };
  group?: FieldGroup;
};

const choice = <N extends EnumName>(enumName: N) => ({ kind: "enum" as const, enumName, schema: z.enum(ENUMS[enumName]) });
const optionalChoice = <N extends EnumName>(enumName: N) => ({ kind: "enum" as const, enumName, schema: z.enum(ENUMS[enumName]).optional() });
const choices = <N extends EnumName>(enumName: N) => ({ kind: "enumList" as const, enumName, schema: z.array(z.enum(ENUMS[enumName])).default([]) });
const slugList = <T extends "operator" | "region">(to: T) => ({ kind: "referenceList" as const, to, schema: z.array(ZSlug).default([]) });
const items = <R extends ItemRecordKind>(record: R, max: number) => ({ kind: "items" as const, record, max, group: "lists" as const });
const TRANSLATIONS = { kind: "translations" as const, group: "translations" as const };
const period = <F extends object>(field: F) => ({ ...field, group: "period" as const });

/**
 * What is known about an end (decision 0013). Left out, it follows the end:
 * RECORDED when `endsAt` is given, NOT_RECORDED otherwise (resolvedEndStatus),
 * so older input and importers that know only dates keep their meaning.
 */
const END_STATUS = optionalChoice("EndStatus");

/** A phase of an incident: its own period, type, extent, services, operators and regions. */
export const PHASE_FIELDS = {
  label: { kind: "text", schema: text(200), translatable: true },
  description: { kind: "longText", schema: optionalText(4000), translatable: true },
  translations: TRANSLATIONS,
  type: choice("DisruptionType"),
  extent: { kind: "enum", enumName: "PhaseExtent", schema: z.enum(PhaseExtent).default("FULL") },
  startsAt: period({ kind: "instant", schema: ZInstant }),
  startPrecision: period(choice("TimePrecision")),
  endsAt: period({ kind: "instant", schema: ZInstant.optional() }),
  endPrecision: period(optionalChoice("TimePrecision")),
  endStatus: period(END_STATUS),
  /** NOT_RECORDED only: the last Kazakhstan day a source reports the phase still in effect. */
  lastReportedOn: period({ kind: "calendarDate", schema: ZCalendarDate.optional() }),
  services: choices("AffectedService"),
  /** The phase affects every operator the incident names (instead of naming operators itself). */
  allOperators: { kind: "boolean", schema: z.boolean().default(false) },
  operators: slugList("operator"),
  regions: slugList("region"),
} as const satisfies Record<string, FieldSpec>;

/** A source; its title and quote stay as published (decision 0015). */
export const SOURCE_FIELDS = {
  kind: choice("SourceKind"),
  url: { kind: "url", schema: ZHttpUrl },
  title: { kind: "text", schema: optionalText(300) },
  publisher: { kind: "text", schema: text(200), translatable: "name" },
  publishedOn: { kind: "calendarDate", schema: ZCalendarDate.optional() },
  archivedUrl: { kind: "url", schema: ZHttpUrl.optional() },
  quote: { kind: "longText", schema: optionalText(4000) },
  note: { kind: "longText", schema: optionalText(2000), translatable: true },
  translations: TRANSLATIONS,
  /** Index of the phase this source supports. */
  phase: { kind: "reference", to: "phase", schema: ZIndex.optional() },
} as const satisfies Record<string, FieldSpec>;

/** A statement by the government or an operator. */
export const ACKNOWLEDGEMENT_FIELDS = {
  party: choice("StatementParty"),
  /** Operator slug; required when the party is an operator. */
  operator: { kind: "reference", to: "operator", schema: ZSlug.optional(), shownWhen: { field: "party", equals: "OPERATOR" } },
  statement: { kind: "longText", schema: text(4000), translatable: true },
  translations: TRANSLATIONS,
  quote: { kind: "longText", schema: optionalText(4000) },
  sourceUrl: { kind: "url", schema: ZHttpUrl.optional() },
  madeOn: { kind: "calendarDate", schema: ZCalendarDate.optional() },
} as const satisfies Record<string, FieldSpec>;

/** An estimate of the economic impact, in US dollars (possibly open-ended). */
export const IMPACT_ESTIMATE_FIELDS = {
  lowUsd: { kind: "usd", schema: ZUsd.optional() },
  highUsd: { kind: "usd", schema: ZUsd.optional() },
  estimatedBy: { kind: "text", schema: text(200), translatable: "name" },
  /** Index of the source that reports the estimate. */
  source: { kind: "reference", to: "source", schema: ZIndex.optional() },
  note: { kind: "longText", schema: optionalText(2000), translatable: true },
  translations: TRANSLATIONS,
} as const satisfies Record<string, FieldSpec>;

/** Where sources disagree, and which account the record follows. */
export const DISCREPANCY_FIELDS = {
  topic: choice("DiscrepancyTopic"),
  description: { kind: "longText", schema: text(4000), translatable: true },
  resolution: { kind: "longText", schema: optionalText(4000), translatable: true },
  translations: TRANSLATIONS,
  /** Indexes of the sources that disagree. */
  sources: { kind: "referenceList", to: "source", schema: z.array(ZIndex).default([]) },
} as const satisfies Record<string, FieldSpec>;

/** The incident's own fields, in the order revisions list them. */
export const INCIDENT_FIELDS = {
  slug: { kind: "slug", schema: ZSlug, group: "basics" },
  title: { kind: "text", schema: text(200), translatable: true, group: "basics" },
  summary: { kind: "longText", schema: text(1000), translatable: true, group: "basics" },
  body: { kind: "markdown", schema: ZNoNul.trim().max(50_000).default(""), translatable: true, group: "basics" },
  translations: TRANSLATIONS,
  status: { kind: "enum", enumName: "IncidentStatus", schema: z.enum(IncidentStatus).default("DRAFT"), group: "workflow" },
  verification: { kind: "enum", enumName: "VerificationLevel", schema: z.enum(VerificationLevel).default("REPORTED"), group: "basics" },
  startsAt: period({ kind: "instant", schema: ZInstant }),
  startPrecision: period(choice("TimePrecision")),
  endsAt: period({ kind: "instant", schema: ZInstant.optional() }),
  endPrecision: period(optionalChoice("TimePrecision")),
  endStatus: period(END_STATUS),
  /** ONGOING only: the Kazakhstan day staff last confirmed the incident still runs. */
  lastCheckedOn: period({ kind: "calendarDate", schema: ZCalendarDate.optional() }),
  /** NOT_RECORDED only: the last Kazakhstan day a source reports the incident still in effect. */
  lastReportedOn: period({ kind: "calendarDate", schema: ZCalendarDate.optional() }),
  /**
   * True: the period is the phases' (first start to last end; see
   * lib/incidents/period-of-phases.ts) whenever there are phases. Absent or
   * false: it was set by hand.
   */
  periodFromPhases: period({ kind: "boolean", schema: z.boolean().optional() }),
  scope: { ...choice("IncidentScope"), group: "disruption" },
  type: { ...choice("DisruptionType"), group: "disruption" },
  services: { ...choices("AffectedService"), group: "disruption" },
  servicesOther: { kind: "text", schema: optionalText(500), translatable: true, group: "disruption" },
  cause: { ...choice("IncidentCause"), group: "context" },
  causeDetails: { kind: "longText", schema: optionalText(2000), translatable: true, group: "context" },
  govJustification: { ...optionalChoice("GovernmentJustification"), group: "context" },
  govJustificationDetails: { kind: "longText", schema: optionalText(2000), translatable: true, group: "context" },
  legalBasis: { kind: "longText", schema: optionalText(2000), translatable: true, group: "context" },
  operators: { ...slugList("operator"), group: "disruption" },
  regions: { ...slugList("region"), group: "disruption" },
  phases: items("phase", 100),
  sources: items("source", 200),
  acknowledgements: items("acknowledgement", 50),
  impactEstimates: items("impactEstimate", 20),
  discrepancies: items("discrepancy", 50),
} as const satisfies Record<string, FieldSpec & { group: FieldGroup }>;

/** Every record's table, by record kind. */
export const FIELD_TABLES = {
  incident: INCIDENT_FIELDS,
  phase: PHASE_FIELDS,
  source: SOURCE_FIELDS,
  acknowledgement: ACKNOWLEDGEMENT_FIELDS,
  impactEstimate: IMPACT_ESTIMATE_FIELDS,
  discrepancy: DISCREPANCY_FIELDS,
} as const;
export type FieldTables = typeof FIELD_TABLES;

/* ------------------------------------------------------------------------- */
/* Translations                                                              */
/* ------------------------------------------------------------------------- */

type TranslatableOf<T> = { [K in keyof T]: T[K] extends { translatable: true | "name" } ? K : never }[keyof T];
/** A free-text field some record translates ("title", "note"…). */
export type TranslationField = { [R in RecordKind]: TranslatableOf<FieldTables[R]> }[RecordKind] & string;

/** The longest text a string schema accepts (through optional and default wrappers). */
function maxLengthOf(schema: z.ZodType): number | null {
  let current: z.ZodType = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
  return current instanceof z.ZodString ? current.maxLength : null;
}

/**
 * The translatable fields of every record, in the tables' order, each with
 * its English field's longest length. A name used by several records (a
 * phase's and a discrepancy's description) is one field.
 */
const TRANSLATION_LIMITS = new Map<string, number>();
for (const table of Object.values(FIELD_TABLES) as Record<string, FieldSpec>[]) {
  for (const [field, spec] of Object.entries(table)) {
    if (!spec.translatable || !spec.schema) continue;
    const max = maxLengthOf(spec.schema);
    if (max === null) throw new Error(`The translatable field ${field} has no maximum length`);
    TRANSLATION_LIMITS.set(field, Math.max(max, TRANSLATION_LIMITS.get(field) ?? 0));
  }
}

/**
 * The translatable free text of every record, by field name (each record uses
 * the fields it has). Everything the public reads in the tracker's own words
 * is here; a source's title and quotes stay as published.
 */
const ZTextTranslation = z
  .object(Object.fromEntries([...TRANSLATION_LIMITS].map(([field, max]) => [field, optionalText(max)])) as Record<TranslationField, ReturnType<typeof optionalText>>)
  .strict();

/** Translations of a record's free text, keyed by locale. English is the record itself. */
export const ZTranslations = z.object({ ru: ZTextTranslation.optional() }).strict().default({});
export type Translations = z.infer<typeof ZTranslations>;

/* ------------------------------------------------------------------------- */
/* The schemas built from the tables                                         */
/* ------------------------------------------------------------------------- */

type ShapeOf<T> = {
  [K in keyof T]: T[K] extends { kind: "translations" } ? typeof ZTranslations : T[K] extends { schema: infer S extends z.ZodType } ? S : never;
};

function shapeOf<T extends Record<string, FieldSpec>>(table: T, itemSchemas: Partial<Record<ItemRecordKind, z.ZodType>> = {}): ShapeOf<T> {
  const shape: Record<string, z.ZodType> = {};
  for (const [field, spec] of Object.entries(table)) {
    if (spec.kind === "translations") shape[field] = ZTranslations;
    else if (spec.kind === "items") shape[field] = z.array(itemSchemas[spec.record!]!).max(spec.max!).default([]);
    else shape[field] = spec.schema!;
  }
  return shape as ShapeOf<T>;
}

export const ZPhaseInput = z.object(shapeOf(PHASE_FIELDS));

export const ZSourceInput = z.object(shapeOf(SOURCE_FIELDS));

export const ZAcknowledgementInput = z.object(shapeOf(ACKNOWLEDGEMENT_FIELDS)).superRefine((value, ctx) => {
  if (value.party === "OPERATOR" && !value.operator) {
    ctx.addIssue({ code: "custom", path: ["operator"], message: incidentIssue("operator_required") });
  }
  if (value.party === "GOVERNMENT" && value.operator) {
    ctx.addIssue({ code: "custom", path: ["operator"], message: incidentIssue("government_no_operator") });
  }
});

export const ZImpactEstimateInput = z.object(shapeOf(IMPACT_ESTIMATE_FIELDS)).superRefine((value, ctx) => {
  if (value.lowUsd === undefined && value.highUsd === undefined) {
    ctx.addIssue({ code: "custom", path: ["lowUsd"], message: incidentIssue("bound_required") });
  }
  if (value.lowUsd !== undefined && value.highUsd !== undefined && value.highUsd < value.lowUsd) {
    ctx.addIssue({ code: "custom", path: ["highUsd"], message: incidentIssue("high_below_low") });
  }
});

export const ZDiscrepancyInput = z.object(shapeOf(DISCREPANCY_FIELDS));

type ItemSchemas = {
  phase: typeof ZPhaseInput;
  source: typeof ZSourceInput;
  acknowledgement: typeof ZAcknowledgementInput;
  impactEstimate: typeof ZImpactEstimateInput;
  discrepancy: typeof ZDiscrepancyInput;
};
const ITEM_SCHEMAS: ItemSchemas = {
  phase: ZPhaseInput,
  source: ZSourceInput,
  acknowledgement: ZAcknowledgementInput,
  impactEstimate: ZImpactEstimateInput,
  discrepancy: ZDiscrepancyInput,
};
type IncidentShape = {
  [K in keyof typeof INCIDENT_FIELDS]: (typeof INCIDENT_FIELDS)[K] extends { kind: "items"; record: infer R extends ItemRecordKind }
    ? z.ZodDefault<z.ZodArray<ItemSchemas[R]>>
    : ShapeOf<typeof INCIDENT_FIELDS>[K];
};

const ZIncidentFields = z.object(shapeOf(INCIDENT_FIELDS, ITEM_SCHEMAS) as unknown as IncidentShape);

/* ------------------------------------------------------------------------- */
/* Rules across fields                                                       */
/* ------------------------------------------------------------------------- */

type Period = {
  startsAt: Date;
  endsAt?: Date;
  endPrecision?: string;
  endStatus?: EndStatus;
  lastCheckedOn?: Date;
  lastReportedOn?: Date;
};

/** The end status a period has, given or implied by its end (see END_STATUS). */
export function resolvedEndStatus(period: { endsAt?: unknown; endStatus?: EndStatus | null }): EndStatus {
  return period.endStatus ?? (period.endsAt === undefined || period.endsAt === null ? "NOT_RECORDED" : "RECORDED");
}

/** The Kazakhstan calendar day (YYYY-MM-DD) an instant falls on. */
const kazakhstanDay = (instant: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Almaty", year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
/** A calendar date (midnight UTC) as YYYY-MM-DD. */
const calendarDay = (date: Date) => date.toISOString().slice(0, 10);

type Path = (string | number)[];
const report = (ctx: z.RefinementCtx, path: Path, code: IncidentIssue, params?: IssueParams) =>
  ctx.addIssue({ code: "custom", path, message: incidentIssue(code, params) });

function checkPeriod(period: Period, ctx: z.RefinementCtx, path: Path, options: { lastChecked: boolean }) {
  const status = resolvedEndStatus(period);
  if (period.endsAt && period.endsAt < period.startsAt) report(ctx, [...path, "endsAt"], "end_before_start");
  if (!period.endsAt && period.endPrecision) report(ctx, [...path, "endPrecision"], "end_precision_without_end");
  if (period.endsAt && !period.endPrecision) report(ctx, [...path, "endPrecision"], "end_precision_required");
  if (status === "RECORDED" && !period.endsAt) report(ctx, [...path, "endsAt"], "end_or_open_end");
  if (status !== "RECORDED" && period.endsAt) report(ctx, [...path, "endStatus"], "end_given_is_recorded");
  if (options.lastChecked && status === "ONGOING" && !period.lastCheckedOn) report(ctx, [...path, "lastCheckedOn"], "last_checked_required");
  if (period.lastCheckedOn && status !== "ONGOING") report(ctx, [...path, "lastCheckedOn"], "last_checked_only_ongoing");
  if (period.lastCheckedOn && calendarDay(period.lastCheckedOn) < kazakhstanDay(period.startsAt)) report(ctx, [...path, "lastCheckedOn"], "last_check_before_start");
  if (period.lastReportedOn && status !== "NOT_RECORDED") report(ctx, [...path, "lastReportedOn"], "last_reported_only_not_recorded");
  if (period.lastReportedOn && calendarDay(period.lastReportedOn) < kazakhstanDay(period.startsAt)) report(ctx, [...path, "lastReportedOn"], "last_report_before_start");
}

function checkUnique(values: string[], ctx: z.RefinementCtx, path: Path) {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) report(ctx, path, "listed_twice", { value });
    seen.add(value);
  }
}

/**
 * An incident that follows its phases must have exactly their period, and
 * what is known about its end must be theirs: ongoing when a phase is,
 * otherwise not recorded with the phases' last report (periodOfPhases). The
 * day it was last checked is the incident's own.
 */
function checkPeriodFollowsPhases(incident: z.infer<typeof ZIncidentFields>, ctx: z.RefinementCtx) {
  if (!incident.periodFromPhases) return;
  const derived = periodOfPhases(incident.phases.map((phase) => ({ ...phase, endStatus: resolvedEndStatus(phase) })));
  if (!derived) return;
  const time = (date: Date | undefined) => date?.getTime() ?? null;
  if (time(incident.startsAt) !== time(derived.startsAt) || incident.startPrecision !== derived.startPrecision) {
    report(ctx, ["startsAt"], "start_follows_phases");
  }
  if (time(incident.endsAt) !== time(derived.endsAt) || (incident.endPrecision ?? null) !== (derived.endPrecision ?? null)) {
    report(ctx, ["endsAt"], "end_follows_phases");
  } else if (resolvedEndStatus(incident) !== derived.endStatus) {
    report(ctx, ["endStatus"], "end_status_follows_phases");
  } else if (time(incident.lastReportedOn) !== time(derived.lastReportedOn)) {
    report(ctx, ["lastReportedOn"], "last_report_follows_phases");
  }
}

export const ZIncidentInput = ZIncidentFields.superRefine((incident, ctx) => {
  checkPeriod(incident, ctx, [], { lastChecked: true });
  checkPeriodFollowsPhases(incident, ctx);
  const incidentStatus = resolvedEndStatus(incident);
  checkUnique(incident.operators, ctx, ["operators"]);
  checkUnique(incident.regions, ctx, ["regions"]);
  if (incident.scope !== "NATIONAL" && incident.regions.length === 0) report(ctx, ["regions"], "region_required");
  incident.phases.forEach((phase, index) => {
    const at = (field: string): Path => ["phases", index, field];
    checkPeriod(phase, ctx, ["phases", index], { lastChecked: false });
    if (resolvedEndStatus(phase) === "ONGOING" && incidentStatus !== "ONGOING") report(ctx, at("endStatus"), "phase_ongoing_only_with_incident");
    if (incident.endsAt && phase.lastReportedOn && calendarDay(phase.lastReportedOn) > kazakhstanDay(incident.endsAt)) {
      report(ctx, at("lastReportedOn"), "last_report_after_incident_end");
    }
    if (phase.allOperators && phase.operators.length > 0) report(ctx, at("allOperators"), "operators_or_all_operators");
    if (phase.allOperators && incident.operators.length === 0) report(ctx, at("allOperators"), "incident_names_no_operators");
    checkUnique(phase.operators, ctx, at("operators"));
    checkUnique(phase.regions, ctx, at("regions"));
    if (phase.startsAt < incident.startsAt) report(ctx, at("startsAt"), "phase_starts_before_incident");
    // A day-precision end covers its whole day, for the incident as for the phase.
    if (incident.endsAt && phase.endsAt && effectiveEnd(phase.endsAt, phase.endPrecision ?? null) > effectiveEnd(incident.endsAt, incident.endPrecision ?? null)) {
      report(ctx, at("endsAt"), "phase_ends_after_incident");
    }
  });
  incident.sources.forEach((source, index) => {
    if (source.phase !== undefined && source.phase >= incident.phases.length) report(ctx, ["sources", index, "phase"], "no_such_phase");
  });
  incident.discrepancies.forEach((discrepancy, index) => {
    discrepancy.sources.forEach((sourceIndex, position) => {
      if (sourceIndex >= incident.sources.length) report(ctx, ["discrepancies", index, "sources", position], "no_such_source");
    });
  });
  incident.impactEstimates.forEach((estimate, index) => {
    if (estimate.source !== undefined && estimate.source >= incident.sources.length) report(ctx, ["impactEstimates", index, "source"], "no_such_source");
  });
});

/** What callers write (dates may be strings; defaults may be left out). */
export type IncidentInput = z.input<typeof ZIncidentInput>;
/** What the server stores, after parsing. */
export type ParsedIncidentInput = z.output<typeof ZIncidentInput>;

/**
 * Checks an incident with the shared schema, every issue a code
 * (INCIDENT_ISSUES). The browser and the server call it alike.
 */
export function checkIncidentInput(value: unknown) {
  return ZIncidentInput.safeParse(value, { error: incidentIssueMap });
}

/** Parses an incident; failure is a VALIDATION AppError whose field issues are codes and whose message is English. */
export function parseIncidentInput(value: unknown): ParsedIncidentInput {
  const result = checkIncidentInput(value);
  if (result.success) return result.data;
  const fieldIssues = fieldIssuesOf(result.error);
  const summary = Object.entries(fieldIssues)
    .map(([path, issues]) => `${path || "(record)"}: ${issues.map(describeIncidentIssue).join(", ")}`)
    .join("; ");
  throw new AppError("VALIDATION", `Invalid input: ${summary}`, { fieldIssues });
}

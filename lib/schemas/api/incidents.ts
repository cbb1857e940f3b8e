import { z } from "zod";
import { AffectedService, DisruptionType, EndStatus, IncidentCause, IncidentScope, PhaseExtent, SourceKind, TimePrecision, VerificationLevel } from "@/lib/generated/prisma/enums";
import { MEASURES } from "@/lib/incidents/disruption-hours";
import { INCIDENT_STATE_FILTERS, periodInOrder } from "@/lib/schemas/incident-filters";
import { viewParams } from "@/lib/schemas/url-state";
import { ZApiDate, ZFormat, ZInstant, ZLang, ZSlug } from "./common";
import { ZMeasureFigures } from "./disruption";

/** Query of GET /api/v1/incidents. Unknown parameters and bad values are refused (400). */
export const ZIncidentListQuery = viewParams(
  {
  from: ZApiDate.optional().describe("Only incidents still running on or after this Kazakhstan date."),
  to: ZApiDate.optional().describe("Only incidents that began on or before this Kazakhstan date."),
  operator: z.array(ZSlug).default([]).describe("Operator slugs (repeat for several): incidents affecting any of them."),
  region: z.array(ZSlug).default([]).describe("Region slugs (repeat for several); nationwide incidents match every region."),
  type: z.array(z.enum(DisruptionType)).default([]).describe("Disruption types (repeat for several), of the incident or any phase."),
  service: z.array(z.enum(AffectedService)).default([]).describe("Affected services (repeat for several)."),
  cause: z.array(z.enum(IncidentCause)).default([]).describe("Stated causes (repeat for several)."),
  status: z
    .enum(INCIDENT_STATE_FILTERS)
    .optional()
    .describe("By what is known about the end: \"ongoing\" (staff say it still runs), \"ended\" (end recorded) or \"end-not-recorded\" (no source gives an end)."),
  limit: z.coerce.number().int().min(1).max(100).default(25).describe("Incidents per page, 1–100."),
  cursor: z.string().max(200).optional().describe("The `next_cursor` of the previous page. Opaque."),
  lang: ZLang,
  format: ZFormat,
  },
  [periodInOrder],
);
export type IncidentListQuery = z.output<typeof ZIncidentListQuery>;

const ZNamed = z.object({ slug: z.string(), name: z.string() });

const ZEndStatus = z
  .enum(EndStatus)
  .describe(
    "What is known about the end: RECORDED (ends_at holds it), ONGOING (staff say it still runs; figures count it to now) or NOT_RECORDED (no source gives an end; figures count it to the end of last_reported_on, or not at all).",
  );

/** A Kazakhstan calendar day. */
const ZDay = z.iso.date().meta({ examples: ["2022-01-10"] });

export const ZIncidentListItem = z
  .object({
    slug: z.string().describe("Stable identifier; GET /api/v1/incidents/{slug} has the details."),
    title: z.string(),
    summary: z.string(),
    starts_at: ZInstant.describe("When it began (UTC)."),
    start_precision: z.enum(TimePrecision).describe("How precisely the start is known."),
    ends_at: ZInstant.nullable().describe("When it ended (UTC); null unless end_status is RECORDED."),
    end_precision: z.enum(TimePrecision).nullable(),
    end_status: ZEndStatus,
    last_checked_on: ZDay.nullable().describe("ONGOING only: the Kazakhstan day staff last checked it was still running."),
    last_reported_on: ZDay.nullable().describe("NOT_RECORDED only: the last Kazakhstan day a source reports it still in effect."),
    scope: z.enum(IncidentScope),
    type: z.enum(DisruptionType).describe("The incident's main disruption type."),
    types: z.array(z.enum(DisruptionType)).describe("The main type plus every phase type."),
    services: z.array(z.enum(AffectedService)),
    cause: z.enum(IncidentCause),
    verification: z.enum(VerificationLevel),
    operators: z.array(ZSlug).describe("Slugs of the operators affected."),
    regions: z.array(ZSlug).describe("Slugs of the regions affected (empty for nationwide incidents unless listed)."),
    phase_count: z.number().int(),
    source_count: z.number().int(),
  })
  .meta({ id: "IncidentListItem", description: "A published incident, in brief." });
export type IncidentListItem = z.infer<typeof ZIncidentListItem>;

export const ZIncidentList = z
  .object({
    data: z.array(ZIncidentListItem),
    next_cursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page."),
  })
  .meta({ id: "IncidentList", description: "A page of published incidents, newest first." });
export type IncidentList = z.infer<typeof ZIncidentList>;

export const ZIncidentDetailQuery = viewParams({ lang: ZLang });

const ZPhase = z.object({
  number: z.number().int().describe("1-based, in order."),
  label: z.string(),
  description: z.string().nullable(),
  type: z.enum(DisruptionType),
  extent: z.enum(PhaseExtent),
  starts_at: ZInstant,
  start_precision: z.enum(TimePrecision),
  ends_at: ZInstant.nullable(),
  end_precision: z.enum(TimePrecision).nullable(),
  end_status: ZEndStatus,
  last_reported_on: ZDay.nullable().describe("NOT_RECORDED only: the last Kazakhstan day a source reports the phase still in effect."),
  counts_as: z.enum(MEASURES).describe("The measure the phase's hours go to, for the whole country (a cut limited to some regions is a partial or regional disruption)."),
  counted_until: ZInstant.nullable().describe("Where the figures count the phase to (a DAY end: the next midnight in Kazakhstan); null when it is not counted."),
  services: z.array(z.enum(AffectedService)),
  all_operators: z.boolean().describe("True when the phase is marked as affecting all of the incident's operators: an inferred attribution."),
  operators: z.array(ZNamed).describe("The operators the phase names."),
  regions: z.array(ZNamed),
  source_numbers: z.array(z.number().int()).describe("Numbers of the sources for this phase."),
});

const ZIncidentFigures = z
  .object({
    country: ZMeasureFigures.describe("For the whole country."),
    operators: z
      .array(z.object({ slug: z.string(), name: z.string(), inferred: z.boolean().describe("Counted through a phase marked as affecting all the incident's operators."), measures: ZMeasureFigures }))
      .describe("Each operator a phase counts for."),
    regions: z.array(z.object({ slug: z.string(), name: z.string(), measures: ZMeasureFigures })).describe("Each region the incident or a phase names."),
    other_regions: ZMeasureFigures.nullable().describe("Any other region (nationwide phases); null when no phase is nationwide."),
    uncounted_phases: z.number().int().describe("Phases with no recorded end and no last report: not counted."),
  })
  .meta({ id: "IncidentFigures", description: "The hours the incident adds to the figures, by the rules of GET /api/v1/disruption." });

const ZSource = z.object({
  number: z.number().int().describe("1-based number, as cited (\"[3]\")."),
  kind: z.enum(SourceKind),
  url: z.string(),
  title: z.string().nullable(),
  publisher: z.string(),
  published_on: ZInstant.nullable(),
  archived_url: z.string().nullable(),
  quote: z.string().nullable(),
  note: z.string().nullable(),
  phase_number: z.number().int().nullable().describe("The phase this source is about, if one."),
});

export const ZIncidentDetail = z
  .object({
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    body: z.string().describe("The full account, Markdown."),
    untranslated: z.boolean().describe("True when `lang=ru` was asked for but some text is English because no translation exists."),
    verification: z.enum(VerificationLevel),
    starts_at: ZInstant,
    start_precision: z.enum(TimePrecision),
    ends_at: ZInstant.nullable(),
    end_precision: z.enum(TimePrecision).nullable(),
    end_status: ZEndStatus,
    last_checked_on: ZDay.nullable().describe("ONGOING only: the Kazakhstan day staff last checked it was still running."),
    last_reported_on: ZDay.nullable().describe("NOT_RECORDED only: the last Kazakhstan day a source reports it still in effect."),
    scope: z.enum(IncidentScope),
    type: z.enum(DisruptionType),
    services: z.array(z.enum(AffectedService)),
    cause: z.enum(IncidentCause),
    cause_details: z.string().nullable(),
    legal_basis: z.string().nullable(),
    operators: z.array(ZNamed),
    regions: z.array(ZNamed),
    phases: z.array(ZPhase),
    figures: ZIncidentFigures,
    sources: z.array(ZSource),
    first_published_at: ZInstant.nullable(),
    updated_at: ZInstant,
  })
  .meta({ id: "IncidentDetail", description: "One published incident with its phases and sources." });
export type IncidentDetail = z.infer<typeof ZIncidentDetail>;

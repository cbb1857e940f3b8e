import { z } from "zod";
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
import { effectiveEnd } from "@/lib/time/format";

/**
 * The one schema for an incident with everything attached to it. The seed, the
 * staff editor, the importers and the API all validate with it. Rules that need
 * the database (unique slug, existing operator or region) are checked on the
 * server in lib/server/incidents.
 *
 * Operators and regions are referenced by slug. Inside one incident, sources
 * name the phase they support, and discrepancies and estimates name the
 * sources they rest on, by their index in the lists below.
 */

export const ZSlug = z
  .string()
  .trim()
  .min(2)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lowercase letters, digits and single hyphens");

export const ZHttpUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "must be an http(s) URL" }).max(2000);

/** An instant: a Date, or an ISO 8601 string with a zone ("Z" or "+06:00"). */
export const ZInstant = z.union([
  z.date(),
  z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time with a zone" }).transform((value) => new Date(value)),
]);

/** A calendar date, "YYYY-MM-DD", kept as midnight UTC. */
export const ZCalendarDate = z.union([
  z.date(),
  z.iso.date({ error: "must be a date (YYYY-MM-DD)" }).transform((value) => new Date(`${value}T00:00:00Z`)),
]);

/** PostgreSQL text cannot hold NUL; reject it here with a field error rather than fail in the database. */
const ZNoNul = z.string().refine((value) => !value.includes("\u0000"), "contains a NUL character");
const text = (max: number) => ZNoNul.trim().min(1).max(max);
const optionalText = (max: number) => text(max).optional();

/**
 * The translatable free text of every record, by field name (each record uses
 * the fields it has). Everything the public reads in the tracker's own words
 * is here; a source's title and quotes stay as published.
 */
const ZTextTranslation = z
  .object({
    title: optionalText(200),
    summary: optionalText(1000),
    body: optionalText(50_000),
    label: optionalText(200),
    description: optionalText(4000),
    resolution: optionalText(4000),
    statement: optionalText(4000),
    note: optionalText(2000),
    causeDetails: optionalText(2000),
    servicesOther: optionalText(500),
    govJustificationDetails: optionalText(2000),
    legalBasis: optionalText(2000),
    publisher: optionalText(200),
    estimatedBy: optionalText(200),
  })
  .strict();

/** Translations of a record's free text, keyed by locale. English is the record itself. */
export const ZTranslations = z.object({ ru: ZTextTranslation.optional() }).strict().default({});
export type Translations = z.infer<typeof ZTranslations>;

const ZIndex = z.number().int().min(0);

/**
 * What is known about an end (decision 0013). Left out, it follows the end:
 * RECORDED when `endsAt` is given, NOT_RECORDED otherwise (resolvedEndStatus),
 * so older input and importers that know only dates keep their meaning.
 */
const ZEndStatus = z.enum(EndStatus);

export const ZPhaseInput = z.object({
  label: text(200),
  description: optionalText(4000),
  translations: ZTranslations,
  type: z.enum(DisruptionType),
  extent: z.enum(PhaseExtent).default("FULL"),
  startsAt: ZInstant,
  startPrecision: z.enum(TimePrecision),
  endsAt: ZInstant.optional(),
  endPrecision: z.enum(TimePrecision).optional(),
  endStatus: ZEndStatus.optional(),
  /** NOT_RECORDED only: the last Kazakhstan day a source reports the phase still in effect. */
  lastReportedOn: ZCalendarDate.optional(),
  services: z.array(z.enum(AffectedService)).default([]),
  /** The phase affects every operator the incident names (instead of naming operators itself). */
  allOperators: z.boolean().default(false),
  operators: z.array(ZSlug).default([]),
  regions: z.array(ZSlug).default([]),
});

export const ZSourceInput = z.object({
  kind: z.enum(SourceKind),
  url: ZHttpUrl,
  title: optionalText(300),
  publisher: text(200),
  publishedOn: ZCalendarDate.optional(),
  archivedUrl: ZHttpUrl.optional(),
  quote: optionalText(4000),
  note: optionalText(2000),
  translations: ZTranslations,
  /** Index of the phase this source supports. */
  phase: ZIndex.optional(),
});

export const ZAcknowledgementInput = z
  .object({
    party: z.enum(StatementParty),
    /** Operator slug; required when the party is an operator. */
    operator: ZSlug.optional(),
    statement: text(4000),
    translations: ZTranslations,
    quote: optionalText(4000),
    sourceUrl: ZHttpUrl.optional(),
    madeOn: ZCalendarDate.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.party === "OPERATOR" && !value.operator) {
      ctx.addIssue({ code: "custom", path: ["operator"], message: "name the operator that made the statement" });
    }
    if (value.party === "GOVERNMENT" && value.operator) {
      ctx.addIssue({ code: "custom", path: ["operator"], message: "a government statement names no operator" });
    }
  });

const ZUsd = z.number().int().min(0).max(1e15);

export const ZImpactEstimateInput = z
  .object({
    lowUsd: ZUsd.optional(),
    highUsd: ZUsd.optional(),
    estimatedBy: text(200),
    /** Index of the source that reports the estimate. */
    source: ZIndex.optional(),
    note: optionalText(2000),
    translations: ZTranslations,
  })
  .superRefine((value, ctx) => {
    if (value.lowUsd === undefined && value.highUsd === undefined) {
      ctx.addIssue({ code: "custom", path: ["lowUsd"], message: "give a low bound, a high bound or both" });
    }
    if (value.lowUsd !== undefined && value.highUsd !== undefined && value.highUsd < value.lowUsd) {
      ctx.addIssue({ code: "custom", path: ["highUsd"], message: "the high bound is below the low bound" });
    }
  });

export const ZDiscrepancyInput = z.object({
  topic: z.enum(DiscrepancyTopic),
  description: text(4000),
  resolution: optionalText(4000),
  translations: ZTranslations,
  /** Indexes of the sources that disagree. */
  sources: z.array(ZIndex).default([]),
});

const ZIncidentFields = z.object({
  slug: ZSlug,
  title: text(200),
  summary: text(1000),
  body: ZNoNul.trim().max(50_000).default(""),
  translations: ZTranslations,
  status: z.enum(IncidentStatus).default("DRAFT"),
  verification: z.enum(VerificationLevel).default("REPORTED"),
  startsAt: ZInstant,
  startPrecision: z.enum(TimePrecision),
  endsAt: ZInstant.optional(),
  endPrecision: z.enum(TimePrecision).optional(),
  endStatus: ZEndStatus.optional(),
  /** ONGOING only: the Kazakhstan day staff last confirmed the incident still runs. */
  lastCheckedOn: ZCalendarDate.optional(),
  /** NOT_RECORDED only: the last Kazakhstan day a source reports the incident still in effect. */
  lastReportedOn: ZCalendarDate.optional(),
  /**
   * True: the period is the phases' (first start to last end; see
   * lib/incidents/period-of-phases.ts) whenever there are phases. Absent or
   * false: it was set by hand.
   */
  periodFromPhases: z.boolean().optional(),
  scope: z.enum(IncidentScope),
  type: z.enum(DisruptionType),
  services: z.array(z.enum(AffectedService)).default([]),
  servicesOther: optionalText(500),
  cause: z.enum(IncidentCause),
  causeDetails: optionalText(2000),
  govJustification: z.enum(GovernmentJustification).optional(),
  govJustificationDetails: optionalText(2000),
  legalBasis: optionalText(2000),
  operators: z.array(ZSlug).default([]),
  regions: z.array(ZSlug).default([]),
  phases: z.array(ZPhaseInput).max(100).default([]),
  sources: z.array(ZSourceInput).max(200).default([]),
  acknowledgements: z.array(ZAcknowledgementInput).max(50).default([]),
  impactEstimates: z.array(ZImpactEstimateInput).max(20).default([]),
  discrepancies: z.array(ZDiscrepancyInput).max(50).default([]),
});

type Period = {
  startsAt: Date;
  endsAt?: Date;
  endPrecision?: string;
  endStatus?: EndStatus;
  lastCheckedOn?: Date;
  lastReportedOn?: Date;
};

/** The end status a period has, given or implied by its end (see ZEndStatus). */
export function resolvedEndStatus(period: { endsAt?: unknown; endStatus?: EndStatus | null }): EndStatus {
  return period.endStatus ?? (period.endsAt === undefined || period.endsAt === null ? "NOT_RECORDED" : "RECORDED");
}

/** The Kazakhstan calendar day (YYYY-MM-DD) an instant falls on. */
const kazakhstanDay = (instant: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Almaty", year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
/** A calendar date (midnight UTC) as YYYY-MM-DD. */
const calendarDay = (date: Date) => date.toISOString().slice(0, 10);

function checkPeriod(period: Period, ctx: z.RefinementCtx, path: (string | number)[], options: { lastChecked: boolean }) {
  const status = resolvedEndStatus(period);
  if (period.endsAt && period.endsAt < period.startsAt) {
    ctx.addIssue({ code: "custom", path: [...path, "endsAt"], message: "the end is before the start" });
  }
  if (!period.endsAt && period.endPrecision) {
    ctx.addIssue({ code: "custom", path: [...path, "endPrecision"], message: "an end precision needs an end" });
  }
  if (period.endsAt && !period.endPrecision) {
    ctx.addIssue({ code: "custom", path: [...path, "endPrecision"], message: "say how precise the end is" });
  }
  if (status === "RECORDED" && !period.endsAt) {
    ctx.addIssue({ code: "custom", path: [...path, "endsAt"], message: "give the end, or say it is ongoing or not recorded" });
  }
  if (status !== "RECORDED" && period.endsAt) {
    ctx.addIssue({ code: "custom", path: [...path, "endStatus"], message: "an end date is given: the end is recorded" });
  }
  if (options.lastChecked && status === "ONGOING" && !period.lastCheckedOn) {
    ctx.addIssue({ code: "custom", path: [...path, "lastCheckedOn"], message: "say when it was last checked to be still running" });
  }
  if (period.lastCheckedOn && status !== "ONGOING") {
    ctx.addIssue({ code: "custom", path: [...path, "lastCheckedOn"], message: "only an ongoing disruption has a last-checked day" });
  }
  if (period.lastCheckedOn && calendarDay(period.lastCheckedOn) < kazakhstanDay(period.startsAt)) {
    ctx.addIssue({ code: "custom", path: [...path, "lastCheckedOn"], message: "the last check is before the start" });
  }
  if (period.lastReportedOn && status !== "NOT_RECORDED") {
    ctx.addIssue({ code: "custom", path: [...path, "lastReportedOn"], message: "only an end that is not recorded has a last-reported day" });
  }
  if (period.lastReportedOn && calendarDay(period.lastReportedOn) < kazakhstanDay(period.startsAt)) {
    ctx.addIssue({ code: "custom", path: [...path, "lastReportedOn"], message: "the last report is before the start" });
  }
}

function checkUnique(values: string[], ctx: z.RefinementCtx, path: (string | number)[]) {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) ctx.addIssue({ code: "custom", path, message: `"${value}" is listed twice` });
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
    ctx.addIssue({ code: "custom", path: ["startsAt"], message: "the start must be the first phase's start while the period follows the phases" });
  }
  if (time(incident.endsAt) !== time(derived.endsAt) || (incident.endPrecision ?? null) !== (derived.endPrecision ?? null)) {
    ctx.addIssue({ code: "custom", path: ["endsAt"], message: "the end must be the last phase's end while the period follows the phases" });
  } else if (resolvedEndStatus(incident) !== derived.endStatus) {
    ctx.addIssue({ code: "custom", path: ["endStatus"], message: "the end status must be the phases' while the period follows the phases" });
  } else if (time(incident.lastReportedOn) !== time(derived.lastReportedOn)) {
    ctx.addIssue({ code: "custom", path: ["lastReportedOn"], message: "the last report must be the phases' latest while the period follows the phases" });
  }
}

export const ZIncidentInput = ZIncidentFields.superRefine((incident, ctx) => {
  checkPeriod(incident, ctx, [], { lastChecked: true });
  checkPeriodFollowsPhases(incident, ctx);
  const incidentStatus = resolvedEndStatus(incident);
  checkUnique(incident.operators, ctx, ["operators"]);
  checkUnique(incident.regions, ctx, ["regions"]);
  if (incident.scope !== "NATIONAL" && incident.regions.length === 0) {
    ctx.addIssue({ code: "custom", path: ["regions"], message: "a regional or local incident names at least one region" });
  }
  incident.phases.forEach((phase, index) => {
    checkPeriod(phase, ctx, ["phases", index], { lastChecked: false });
    if (resolvedEndStatus(phase) === "ONGOING" && incidentStatus !== "ONGOING") {
      ctx.addIssue({ code: "custom", path: ["phases", index, "endStatus"], message: "a phase can be ongoing only while its incident is" });
    }
    if (incident.endsAt && phase.lastReportedOn && calendarDay(phase.lastReportedOn) > kazakhstanDay(incident.endsAt)) {
      ctx.addIssue({ code: "custom", path: ["phases", index, "lastReportedOn"], message: "the last report is after the incident's end" });
    }
    if (phase.allOperators && phase.operators.length > 0) {
      ctx.addIssue({ code: "custom", path: ["phases", index, "allOperators"], message: "either name the phase's operators or mark it as affecting all of the incident's" });
    }
    if (phase.allOperators && incident.operators.length === 0) {
      ctx.addIssue({ code: "custom", path: ["phases", index, "allOperators"], message: "the incident names no operators" });
    }
    checkUnique(phase.operators, ctx, ["phases", index, "operators"]);
    checkUnique(phase.regions, ctx, ["phases", index, "regions"]);
    if (phase.startsAt < incident.startsAt) {
      ctx.addIssue({ code: "custom", path: ["phases", index, "startsAt"], message: "the phase starts before the incident" });
    }
    // A day-precision end covers its whole day, for the incident as for the phase.
    if (incident.endsAt && phase.endsAt && effectiveEnd(phase.endsAt, phase.endPrecision ?? null) > effectiveEnd(incident.endsAt, incident.endPrecision ?? null)) {
      ctx.addIssue({ code: "custom", path: ["phases", index, "endsAt"], message: "the phase ends after the incident" });
    }
  });
  incident.sources.forEach((source, index) => {
    if (source.phase !== undefined && source.phase >= incident.phases.length) {
      ctx.addIssue({ code: "custom", path: ["sources", index, "phase"], message: "no such phase" });
    }
  });
  incident.discrepancies.forEach((discrepancy, index) => {
    discrepancy.sources.forEach((sourceIndex, position) => {
      if (sourceIndex >= incident.sources.length) {
        ctx.addIssue({ code: "custom", path: ["discrepancies", index, "sources", position], message: "no such source" });
      }
    });
  });
  incident.impactEstimates.forEach((estimate, index) => {
    if (estimate.source !== undefined && estimate.source >= incident.sources.length) {
      ctx.addIssue({ code: "custom", path: ["impactEstimates", index, "source"], message: "no such source" });
    }
  });
});

/** What callers write (dates may be strings; defaults may be left out). */
export type IncidentInput = z.input<typeof ZIncidentInput>;
/** What the server stores, after parsing. */
export type ParsedIncidentInput = z.output<typeof ZIncidentInput>;

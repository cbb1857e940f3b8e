import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type {
  AffectedService,
  DiscrepancyTopic,
  DisruptionType,
  GovernmentJustification,
  IncidentCause,
  IncidentScope,
  SourceKind,
  StatementParty,
  VerificationLevel,
} from "@/lib/generated/prisma/enums";
import { isUntranslated, localized } from "@/lib/i18n/localize";
import { PHASE_FIELDS, phaseOf, periodOf, regionName, regionsByName, textOf } from "./fields";
import type { IncidentPeriod, IncidentText, Named } from "./fields";

export type IncidentSource = {
  /** 1-based number shown to readers and used in citations ("[3]"). */
  number: number;
  kind: SourceKind;
  url: string;
  title: string | null;
  publisher: string;
  publishedOn: Date | null;
  archivedUrl: string | null;
  quote: string | null;
  note: string | null;
  phaseNumber: number | null;
};

/** A phase as the reader sees it. Its `lastReportedOn` (NOT_RECORDED only) is the last day a source reports it (a calendar date); `allOperators`: it counts for every operator of the incident (an inferred attribution). */
export type IncidentPhase = ReturnType<typeof phaseOf> & {
  number: number;
  description: string | null;
  operators: Named[];
  regions: Named[];
  sourceNumbers: number[];
};

/** One incident with everything a reader needs to check it. Its period's `lastCheckedOn` (ONGOING only) and `lastReportedOn` (NOT_RECORDED only) are calendar dates. */
export type IncidentDetail = IncidentText &
  IncidentPeriod & {
    body: string;
    /** True when a non-English reader sees the English text because no translation exists. */
    untranslated: boolean;
    verification: VerificationLevel;
    scope: IncidentScope;
    type: DisruptionType;
    services: AffectedService[];
    servicesOther: string | null;
    cause: IncidentCause;
    causeDetails: string | null;
    govJustification: GovernmentJustification | null;
    govJustificationDetails: string | null;
    legalBasis: string | null;
    operators: Named[];
    regions: Named[];
    phases: IncidentPhase[];
    sources: IncidentSource[];
    statements: {
      party: StatementParty;
      operator: Named | null;
      statement: string;
      quote: string | null;
      sourceUrl: string | null;
      madeOn: Date | null;
    }[];
    impactEstimates: { lowUsd: number | null; highUsd: number | null; estimatedBy: string; note: string | null; sourceNumber: number | null }[];
    discrepancies: { topic: DiscrepancyTopic; description: string; resolution: string | null; sourceNumbers: number[] }[];
    firstPublishedAt: Date | null;
    updatedAt: Date;
    /** The record's current version (revision number). */
    version: number;
  };

const named = (operator: Named): Named => ({ slug: operator.slug, name: operator.name });

/**
 * The reader's view of the one incident matching `where`, or null. The caller
 * decides which incidents may be read: the public detail asks for a published
 * slug, the staff preview for an id it has checked the caller may read.
 */
export async function loadIncidentDetail({ where, locale }: { where: Prisma.IncidentWhereInput; locale: string }): Promise<IncidentDetail | null> {
  const operatorsByName = { include: { operator: true }, orderBy: { operator: { name: "asc" } } } as const;
  const regionsInOrder = { include: { region: true }, orderBy: regionsByName(locale) };
  const row = await getDb().incident.findFirst({
    where,
    include: {
      operators: operatorsByName,
      regions: regionsInOrder,
      phases: {
        orderBy: { position: "asc" },
        select: { ...PHASE_FIELDS, id: true, position: true, description: true, operators: operatorsByName, regions: regionsInOrder },
      },
      sources: { orderBy: { position: "asc" } },
      acknowledgements: { orderBy: { position: "asc" }, include: { operator: true } },
      impactEstimates: { orderBy: { position: "asc" } },
      discrepancies: { orderBy: { position: "asc" }, include: { sources: true } },
    },
  });
  if (!row) return null;

  const sourceNumber = new Map(row.sources.map((source) => [source.id, source.position + 1]));
  const phaseNumber = new Map(row.phases.map((phase) => [phase.id, phase.position + 1]));

  return {
    ...textOf(row, locale),
    body: localized(row, "body", locale) ?? "",
    untranslated:
      isUntranslated(row, "title", locale) ||
      isUntranslated(row, "summary", locale) ||
      (row.body !== "" && isUntranslated(row, "body", locale)),
    verification: row.verification,
    ...periodOf(row),
    scope: row.scope,
    type: row.type,
    services: row.services,
    servicesOther: localized(row, "servicesOther", locale),
    cause: row.cause,
    causeDetails: localized(row, "causeDetails", locale),
    govJustification: row.govJustification,
    govJustificationDetails: localized(row, "govJustificationDetails", locale),
    legalBasis: localized(row, "legalBasis", locale),
    operators: row.operators.map(({ operator }) => named(operator)),
    regions: row.regions.map(({ region }) => regionName(region, locale)),
    phases: row.phases.map((phase) => ({
      number: phase.position + 1,
      ...phaseOf(phase, locale),
      description: localized(phase, "description", locale),
      operators: phase.operators.map(({ operator }) => named(operator)),
      regions: phase.regions.map(({ region }) => regionName(region, locale)),
      sourceNumbers: row.sources.filter((source) => source.phaseId === phase.id).map((source) => source.position + 1),
    })),
    sources: row.sources.map((source) => ({
      number: source.position + 1,
      kind: source.kind,
      url: source.url,
      title: source.title,
      publisher: localized(source, "publisher", locale)!,
      publishedOn: source.publishedOn,
      archivedUrl: source.archivedUrl,
      // Titles and quotes are shown as published, in their own language.
      quote: source.quote,
      note: localized(source, "note", locale),
      phaseNumber: source.phaseId === null ? null : (phaseNumber.get(source.phaseId) ?? null),
    })),
    statements: row.acknowledgements.map((ack) => ({
      party: ack.party,
      operator: ack.operator ? named(ack.operator) : null,
      statement: localized(ack, "statement", locale)!,
      quote: ack.quote,
      sourceUrl: ack.sourceUrl,
      madeOn: ack.madeOn,
    })),
    impactEstimates: row.impactEstimates.map((estimate) => ({
      lowUsd: estimate.lowUsd === null ? null : Number(estimate.lowUsd),
      highUsd: estimate.highUsd === null ? null : Number(estimate.highUsd),
      estimatedBy: localized(estimate, "estimatedBy", locale)!,
      note: localized(estimate, "note", locale),
      sourceNumber: estimate.sourceId === null ? null : (sourceNumber.get(estimate.sourceId) ?? null),
    })),
    discrepancies: row.discrepancies.map((discrepancy) => ({
      topic: discrepancy.topic,
      description: localized(discrepancy, "description", locale)!,
      resolution: localized(discrepancy, "resolution", locale),
      sourceNumbers: discrepancy.sources.map((link) => sourceNumber.get(link.sourceId)!).sort((a, b) => a - b),
    })),
    firstPublishedAt: row.firstPublishedAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

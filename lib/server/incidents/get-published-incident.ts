import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type {
  AffectedService,
  DiscrepancyTopic,
  DisruptionType,
  EndStatus,
  GovernmentJustification,
  IncidentCause,
  IncidentScope,
  PhaseExtent,
  SourceKind,
  StatementParty,
  TimePrecision,
  VerificationLevel,
} from "@/lib/generated/prisma/enums";
import { isUntranslated, localized } from "@/lib/i18n/localize";

type Named = { slug: string; name: string };

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

export type IncidentPhase = {
  number: number;
  label: string;
  description: string | null;
  type: DisruptionType;
  extent: PhaseExtent;
  startsAt: Date;
  startPrecision: TimePrecision;
  endsAt: Date | null;
  endPrecision: TimePrecision | null;
  endStatus: EndStatus;
  /** NOT_RECORDED only: the last day a source reports the phase (a calendar date). */
  lastReportedOn: Date | null;
  services: AffectedService[];
  /** Counts for every operator of the incident (an inferred attribution). */
  allOperators: boolean;
  operators: Named[];
  regions: Named[];
  sourceNumbers: number[];
};

export type IncidentDetail = {
  slug: string;
  title: string;
  summary: string;
  body: string;
  /** True when a non-English reader sees the English text because no translation exists. */
  untranslated: boolean;
  verification: VerificationLevel;
  startsAt: Date;
  startPrecision: TimePrecision;
  endsAt: Date | null;
  endPrecision: TimePrecision | null;
  endStatus: EndStatus;
  /** ONGOING only: the day staff last checked (a calendar date). */
  lastCheckedOn: Date | null;
  /** NOT_RECORDED only: the last day a source reports it (a calendar date). */
  lastReportedOn: Date | null;
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

const namedRegion = (region: { slug: string; nameEn: string; nameRu: string }, locale: string): Named => ({
  slug: region.slug,
  name: locale === "ru" ? region.nameRu : region.nameEn,
});

/** One published incident with everything a reader needs to check it, or null. */
export function getPublishedIncident(slug: string, locale: string): Promise<IncidentDetail | null> {
  return loadIncidentDetail({ slug, status: "PUBLISHED" }, locale);
}

/**
 * The reader's view of one incident matching `where`, or null. Only for this
 * module and the staff preview (lib/server/incidents/get-incident-preview.ts),
 * which checks permissions itself.
 */
export async function loadIncidentDetail(where: Prisma.IncidentWhereInput, locale: string): Promise<IncidentDetail | null> {
  const byRegionName = { region: locale === "ru" ? { nameRu: "asc" as const } : { nameEn: "asc" as const } };
  const row = await getDb().incident.findFirst({
    where,
    include: {
      operators: { include: { operator: true }, orderBy: { operator: { name: "asc" } } },
      regions: { include: { region: true }, orderBy: byRegionName },
      phases: {
        orderBy: { position: "asc" },
        include: {
          operators: { include: { operator: true }, orderBy: { operator: { name: "asc" } } },
          regions: { include: { region: true }, orderBy: byRegionName },
        },
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
  const named = (operator: { slug: string; name: string }) => ({ slug: operator.slug, name: operator.name });

  return {
    slug: row.slug,
    title: localized(row, "title", locale)!,
    summary: localized(row, "summary", locale)!,
    body: localized(row, "body", locale) ?? "",
    untranslated:
      isUntranslated(row, "title", locale) ||
      isUntranslated(row, "summary", locale) ||
      (row.body !== "" && isUntranslated(row, "body", locale)),
    verification: row.verification,
    startsAt: row.startsAt,
    startPrecision: row.startPrecision,
    endsAt: row.endsAt,
    endPrecision: row.endPrecision,
    endStatus: row.endStatus,
    lastCheckedOn: row.lastCheckedOn,
    lastReportedOn: row.lastReportedOn,
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
    regions: row.regions.map(({ region }) => namedRegion(region, locale)),
    phases: row.phases.map((phase) => ({
      number: phase.position + 1,
      label: localized(phase, "label", locale)!,
      description: localized(phase, "description", locale),
      type: phase.type,
      extent: phase.extent,
      startsAt: phase.startsAt,
      startPrecision: phase.startPrecision,
      endsAt: phase.endsAt,
      endPrecision: phase.endPrecision,
      endStatus: phase.endStatus,
      lastReportedOn: phase.lastReportedOn,
      services: phase.services,
      allOperators: phase.allOperators,
      operators: phase.operators.map(({ operator }) => named(operator)),
      regions: phase.regions.map(({ region }) => namedRegion(region, locale)),
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

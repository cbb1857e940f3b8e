import "server-only";
import type { Database } from "@/lib/db/client";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";
import { toSnapshot, type IncidentSnapshot } from "@/lib/incidents/snapshot";
import { ZIncidentInput, type Translations } from "@/lib/schemas/incident";
import type { Transaction } from "./incident-content";

export type IncidentState = {
  id: number;
  slug: string;
  status: IncidentStatus;
  version: number;
  createdById: string | null;
  snapshot: IncidentSnapshot;
};

const translationsOf = (value: unknown) => (value ?? {}) as Translations;
const orUndefined = <T>(value: T | null) => value ?? undefined;

/**
 * The incident as stored now, in the snapshot shape revisions and the editor
 * use, or null. Reading the rows (not the latest revision) keeps the database
 * the single source of truth.
 */
export async function readIncidentState(db: Database | Transaction, id: number): Promise<IncidentState | null> {
  const row = await db.incident.findUnique({
    where: { id },
    include: {
      operators: { include: { operator: { select: { slug: true } } } },
      regions: { include: { region: { select: { slug: true } } } },
      phases: {
        orderBy: { position: "asc" },
        include: {
          operators: { include: { operator: { select: { slug: true } } } },
          regions: { include: { region: { select: { slug: true } } } },
        },
      },
      sources: { orderBy: { position: "asc" } },
      acknowledgements: { orderBy: { position: "asc" }, include: { operator: { select: { slug: true } } } },
      impactEstimates: { orderBy: { position: "asc" } },
      discrepancies: { orderBy: { position: "asc" }, include: { sources: true } },
    },
  });
  if (!row) return null;
  const phaseIndex = new Map(row.phases.map((phase, index) => [phase.id, index]));
  const sourceIndex = new Map(row.sources.map((source, index) => [source.id, index]));
  const slugs = (links: { operator?: { slug: string }; region?: { slug: string } }[]) =>
    links.map((link) => (link.operator ?? link.region)!.slug).sort();

  // Parsing the rows with the shared schema fills defaults the same way a save does.
  const parsed = ZIncidentInput.parse({
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    body: row.body,
    translations: translationsOf(row.translations),
    status: row.status,
    verification: row.verification,
    startsAt: row.startsAt,
    startPrecision: row.startPrecision,
    endsAt: orUndefined(row.endsAt),
    endPrecision: orUndefined(row.endPrecision),
    endStatus: row.endStatus,
    lastCheckedOn: orUndefined(row.lastCheckedOn),
    lastReportedOn: orUndefined(row.lastReportedOn),
    // Only written when true, so records set by hand keep the snapshots they always had.
    periodFromPhases: row.periodFromPhases || undefined,
    scope: row.scope,
    type: row.type,
    services: row.services,
    servicesOther: orUndefined(row.servicesOther),
    cause: row.cause,
    causeDetails: orUndefined(row.causeDetails),
    govJustification: orUndefined(row.govJustification),
    govJustificationDetails: orUndefined(row.govJustificationDetails),
    legalBasis: orUndefined(row.legalBasis),
    operators: slugs(row.operators),
    regions: slugs(row.regions),
    phases: row.phases.map((phase) => ({
      label: phase.label,
      description: orUndefined(phase.description),
      translations: translationsOf(phase.translations),
      type: phase.type,
      extent: phase.extent,
      startsAt: phase.startsAt,
      startPrecision: phase.startPrecision,
      endsAt: orUndefined(phase.endsAt),
      endPrecision: orUndefined(phase.endPrecision),
      endStatus: phase.endStatus,
      lastReportedOn: orUndefined(phase.lastReportedOn),
      services: phase.services,
      allOperators: phase.allOperators,
      operators: slugs(phase.operators),
      regions: slugs(phase.regions),
    })),
    sources: row.sources.map((source) => ({
      kind: source.kind,
      url: source.url,
      title: orUndefined(source.title),
      publisher: source.publisher,
      publishedOn: orUndefined(source.publishedOn),
      archivedUrl: orUndefined(source.archivedUrl),
      quote: orUndefined(source.quote),
      note: orUndefined(source.note),
      translations: translationsOf(source.translations),
      phase: source.phaseId === null ? undefined : phaseIndex.get(source.phaseId),
    })),
    acknowledgements: row.acknowledgements.map((ack) => ({
      party: ack.party,
      operator: ack.operator?.slug,
      statement: ack.statement,
      translations: translationsOf(ack.translations),
      quote: orUndefined(ack.quote),
      sourceUrl: orUndefined(ack.sourceUrl),
      madeOn: orUndefined(ack.madeOn),
    })),
    impactEstimates: row.impactEstimates.map((estimate) => ({
      lowUsd: estimate.lowUsd === null ? undefined : Number(estimate.lowUsd),
      highUsd: estimate.highUsd === null ? undefined : Number(estimate.highUsd),
      estimatedBy: estimate.estimatedBy,
      source: estimate.sourceId === null ? undefined : sourceIndex.get(estimate.sourceId),
      note: orUndefined(estimate.note),
      translations: translationsOf(estimate.translations),
    })),
    discrepancies: row.discrepancies.map((discrepancy) => ({
      topic: discrepancy.topic,
      description: discrepancy.description,
      resolution: orUndefined(discrepancy.resolution),
      translations: translationsOf(discrepancy.translations),
      sources: discrepancy.sources.map((link) => sourceIndex.get(link.sourceId)!).sort((a, b) => a - b),
    })),
  });
  return { id: row.id, slug: row.slug, status: row.status, version: row.version, createdById: row.createdById, snapshot: toSnapshot(parsed) };
}

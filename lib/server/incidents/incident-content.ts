import "server-only";
import type { Database } from "@/lib/db/client";
import { AppError, type FieldIssues } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { resolvedEndStatus, type ParsedIncidentInput } from "@/lib/schemas/incident";

/**
 * What creating and updating an incident share: the database checks the
 * shared schema cannot make, the incident's own columns, and the writing of
 * everything attached to it. Internal to lib/server/incidents.
 */

export type Transaction = Prisma.TransactionClient;
export type IncidentReferences = { operatorIds: Map<string, number>; regionIds: Map<string, number> };

/** Unique slug (other than the incident's own), known operators and regions; field issues otherwise. */
export async function resolveIncidentReferences(
  db: Database | Transaction,
  input: ParsedIncidentInput,
  options: { incidentId?: number } = {},
): Promise<IncidentReferences> {
  const operatorSlugs = new Set([
    ...input.operators,
    ...input.phases.flatMap((phase) => phase.operators),
    ...input.acknowledgements.flatMap((ack) => (ack.operator ? [ack.operator] : [])),
  ]);
  const regionSlugs = new Set([...input.regions, ...input.phases.flatMap((phase) => phase.regions)]);
  const [operators, regions, sameSlug] = await Promise.all([
    db.operator.findMany({ where: { slug: { in: [...operatorSlugs] } }, select: { id: true, slug: true } }),
    db.region.findMany({ where: { slug: { in: [...regionSlugs] } }, select: { id: true, slug: true } }),
    db.incident.findUnique({ where: { slug: input.slug }, select: { id: true } }),
  ]);
  const operatorIds = new Map(operators.map((operator) => [operator.slug, operator.id]));
  const regionIds = new Map(regions.map((region) => [region.slug, region.id]));

  const issues: FieldIssues = {};
  const add = (path: string, message: string) => (issues[path] ??= []).push(message);
  if (sameSlug && sameSlug.id !== options.incidentId) add("slug", "another incident already uses this slug");
  const checkOperators = (slugs: string[], path: string) =>
    slugs.filter((slug) => !operatorIds.has(slug)).forEach((slug) => add(path, `unknown operator "${slug}"`));
  const checkRegions = (slugs: string[], path: string) =>
    slugs.filter((slug) => !regionIds.has(slug)).forEach((slug) => add(path, `unknown region "${slug}"`));
  checkOperators(input.operators, "operators");
  checkRegions(input.regions, "regions");
  input.phases.forEach((phase, index) => {
    checkOperators(phase.operators, `phases.${index}.operators`);
    checkRegions(phase.regions, `phases.${index}.regions`);
  });
  input.acknowledgements.forEach((ack, index) => ack.operator && checkOperators([ack.operator], `acknowledgements.${index}.operator`));
  if (Object.keys(issues).length > 0) {
    throw new AppError("VALIDATION", "The incident refers to records that do not exist or clash.", { fieldIssues: issues });
  }
  return { operatorIds, regionIds };
}

/** The incident's own columns (not status, version or authorship). */
export function incidentColumns(incident: ParsedIncidentInput) {
  return {
    slug: incident.slug,
    title: incident.title,
    summary: incident.summary,
    body: incident.body,
    translations: incident.translations as Prisma.InputJsonObject,
    verification: incident.verification,
    startsAt: incident.startsAt,
    startPrecision: incident.startPrecision,
    endsAt: incident.endsAt ?? null,
    endPrecision: incident.endPrecision ?? null,
    endStatus: resolvedEndStatus(incident),
    lastCheckedOn: incident.lastCheckedOn ?? null,
    lastReportedOn: incident.lastReportedOn ?? null,
    periodFromPhases: incident.periodFromPhases ?? false,
    scope: incident.scope,
    type: incident.type,
    services: incident.services,
    servicesOther: incident.servicesOther ?? null,
    cause: incident.cause,
    causeDetails: incident.causeDetails ?? null,
    govJustification: incident.govJustification ?? null,
    govJustificationDetails: incident.govJustificationDetails ?? null,
    legalBasis: incident.legalBasis ?? null,
  };
}

const idsOf = (slugs: string[], ids: Map<string, number>) => slugs.map((slug) => ids.get(slug)!);

/**
 * Replaces everything attached to an incident (operators, regions, phases,
 * sources, statements, estimates, discrepancies) with what the input says.
 * Attached rows have no identity of their own outside the incident, so a
 * save rewrites them; revisions keep the history.
 */
export async function writeIncidentContent(tx: Transaction, incidentId: number, incident: ParsedIncidentInput, refs: IncidentReferences) {
  const where = { incidentId };
  await tx.discrepancy.deleteMany({ where });
  await tx.impactEstimate.deleteMany({ where });
  await tx.acknowledgement.deleteMany({ where });
  await tx.source.deleteMany({ where });
  await tx.phase.deleteMany({ where });
  await tx.incidentOperator.deleteMany({ where });
  await tx.incidentRegion.deleteMany({ where });

  await tx.incidentOperator.createMany({ data: idsOf(incident.operators, refs.operatorIds).map((operatorId) => ({ incidentId, operatorId })) });
  await tx.incidentRegion.createMany({ data: idsOf(incident.regions, refs.regionIds).map((regionId) => ({ incidentId, regionId })) });

  const phaseIds: number[] = [];
  for (const [position, phase] of incident.phases.entries()) {
    const createdPhase = await tx.phase.create({
      data: {
        incidentId,
        position,
        label: phase.label,
        description: phase.description ?? null,
        translations: phase.translations as Prisma.InputJsonObject,
        type: phase.type,
        extent: phase.extent,
        startsAt: phase.startsAt,
        startPrecision: phase.startPrecision,
        endsAt: phase.endsAt ?? null,
        endPrecision: phase.endPrecision ?? null,
        endStatus: resolvedEndStatus(phase),
        lastReportedOn: phase.lastReportedOn ?? null,
        services: phase.services,
        allOperators: phase.allOperators,
        operators: { create: idsOf(phase.operators, refs.operatorIds).map((operatorId) => ({ operatorId })) },
        regions: { create: idsOf(phase.regions, refs.regionIds).map((regionId) => ({ regionId })) },
      },
    });
    phaseIds.push(createdPhase.id);
  }

  const sourceIds: number[] = [];
  for (const [position, source] of incident.sources.entries()) {
    const createdSource = await tx.source.create({
      data: {
        incidentId,
        phaseId: source.phase === undefined ? null : phaseIds[source.phase]!,
        position,
        kind: source.kind,
        url: source.url,
        title: source.title ?? null,
        publisher: source.publisher,
        publishedOn: source.publishedOn ?? null,
        archivedUrl: source.archivedUrl ?? null,
        quote: source.quote ?? null,
        note: source.note ?? null,
        translations: source.translations as Prisma.InputJsonObject,
      },
    });
    sourceIds.push(createdSource.id);
  }

  for (const [position, ack] of incident.acknowledgements.entries()) {
    await tx.acknowledgement.create({
      data: {
        incidentId,
        position,
        party: ack.party,
        operatorId: ack.operator ? refs.operatorIds.get(ack.operator)! : null,
        statement: ack.statement,
        translations: ack.translations as Prisma.InputJsonObject,
        quote: ack.quote ?? null,
        sourceUrl: ack.sourceUrl ?? null,
        madeOn: ack.madeOn ?? null,
      },
    });
  }

  for (const [position, estimate] of incident.impactEstimates.entries()) {
    await tx.impactEstimate.create({
      data: {
        incidentId,
        position,
        lowUsd: estimate.lowUsd === undefined ? null : BigInt(estimate.lowUsd),
        highUsd: estimate.highUsd === undefined ? null : BigInt(estimate.highUsd),
        estimatedBy: estimate.estimatedBy,
        sourceId: estimate.source === undefined ? null : sourceIds[estimate.source]!,
        note: estimate.note ?? null,
        translations: estimate.translations as Prisma.InputJsonObject,
      },
    });
  }

  for (const [position, discrepancy] of incident.discrepancies.entries()) {
    await tx.discrepancy.create({
      data: {
        incidentId,
        position,
        topic: discrepancy.topic,
        description: discrepancy.description,
        resolution: discrepancy.resolution ?? null,
        translations: discrepancy.translations as Prisma.InputJsonObject,
        sources: { create: [...new Set(discrepancy.sources)].map((index) => ({ sourceId: sourceIds[index]! })) },
      },
    });
  }
}

/** Maps constraint errors a concurrent writer can cause to field issues; anything else is rethrown. */
export function explainWriteError(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new AppError("VALIDATION", "Another incident already uses this slug.", {
      cause: error,
      fieldIssues: { slug: ["another incident already uses this slug"] },
    });
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") {
    throw new AppError("VALIDATION", "An operator or region the incident refers to was removed meanwhile.", {
      cause: error,
      fieldIssues: { "": ["an operator or region this incident refers to no longer exists"] },
    });
  }
  throw error;
}

import "server-only";
import { getDb, type Database } from "@/lib/db/client";
import { AppError, type FieldIssues } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { ZIncidentInput, type IncidentInput, type ParsedIncidentInput } from "@/lib/schemas/incident";
import { parseOrThrow } from "@/lib/schemas/parse";

type References = { operatorIds: Map<string, number>; regionIds: Map<string, number> };

/** The database checks the shared schema cannot make: unique slug, known operators and regions. */
async function resolveReferences(db: Database, input: ParsedIncidentInput): Promise<References> {
  const operatorSlugs = new Set([
    ...input.operators,
    ...input.phases.flatMap((phase) => phase.operators),
    ...input.acknowledgements.flatMap((ack) => (ack.operator ? [ack.operator] : [])),
  ]);
  const regionSlugs = new Set([...input.regions, ...input.phases.flatMap((phase) => phase.regions)]);
  const [operators, regions, existing] = await Promise.all([
    db.operator.findMany({ where: { slug: { in: [...operatorSlugs] } }, select: { id: true, slug: true } }),
    db.region.findMany({ where: { slug: { in: [...regionSlugs] } }, select: { id: true, slug: true } }),
    db.incident.findUnique({ where: { slug: input.slug }, select: { id: true } }),
  ]);
  const operatorIds = new Map(operators.map((operator) => [operator.slug, operator.id]));
  const regionIds = new Map(regions.map((region) => [region.slug, region.id]));

  const issues: FieldIssues = {};
  const add = (path: string, message: string) => (issues[path] ??= []).push(message);
  if (existing) add("slug", "another incident already uses this slug");
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

const idsOf = (slugs: string[], ids: Map<string, number>) => slugs.map((slug) => ids.get(slug)!);

/**
 * Creates an incident with its phases, sources, statements, estimates and
 * discrepancies, in one transaction. The seed, tests and (later) the staff
 * editor and importers all create incidents through this function.
 */
export async function createIncident(input: IncidentInput, options: { db?: Database; now?: Date } = {}) {
  const db = options.db ?? getDb();
  const incident = parseOrThrow(ZIncidentInput, input);
  const refs = await resolveReferences(db, incident);
  const now = options.now ?? new Date();

  try {
    return await insertIncident(db, incident, refs, now);
  } catch (error) {
    // The checks above ran before the transaction; a concurrent writer can still win.
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
}

/** All inserts of one incident, in one transaction: all of it is stored, or none. */
function insertIncident(db: Database, incident: ParsedIncidentInput, refs: References, now: Date) {
  return db.$transaction(async (tx) => {
    const created = await tx.incident.create({
      data: {
        slug: incident.slug,
        title: incident.title,
        summary: incident.summary,
        body: incident.body,
        translations: incident.translations as Prisma.InputJsonObject,
        status: incident.status,
        verification: incident.verification,
        startsAt: incident.startsAt,
        startPrecision: incident.startPrecision,
        endsAt: incident.endsAt ?? null,
        endPrecision: incident.endPrecision ?? null,
        scope: incident.scope,
        type: incident.type,
        services: incident.services,
        servicesOther: incident.servicesOther ?? null,
        cause: incident.cause,
        causeDetails: incident.causeDetails ?? null,
        govJustification: incident.govJustification ?? null,
        govJustificationDetails: incident.govJustificationDetails ?? null,
        legalBasis: incident.legalBasis ?? null,
        firstPublishedAt: incident.status === "PUBLISHED" ? now : null,
        operators: { create: idsOf(incident.operators, refs.operatorIds).map((operatorId) => ({ operatorId })) },
        regions: { create: idsOf(incident.regions, refs.regionIds).map((regionId) => ({ regionId })) },
      },
    });

    const phaseIds: number[] = [];
    for (const [position, phase] of incident.phases.entries()) {
      const createdPhase = await tx.phase.create({
        data: {
          incidentId: created.id,
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
          services: phase.services,
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
          incidentId: created.id,
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
        },
      });
      sourceIds.push(createdSource.id);
    }

    for (const [position, ack] of incident.acknowledgements.entries()) {
      await tx.acknowledgement.create({
        data: {
          incidentId: created.id,
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
          incidentId: created.id,
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
          incidentId: created.id,
          position,
          topic: discrepancy.topic,
          description: discrepancy.description,
          resolution: discrepancy.resolution ?? null,
          translations: discrepancy.translations as Prisma.InputJsonObject,
          sources: { create: [...new Set(discrepancy.sources)].map((index) => ({ sourceId: sourceIds[index]! })) },
        },
      });
    }

    return created;
  });
}

import "server-only";
import type { Database } from "@/lib/db/client";
import { AppError, type FieldIssues } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { fieldsOf } from "@/lib/incidents/fields";
import { incidentIssue, type ParsedIncidentInput, type RecordKind } from "@/lib/schemas/incident";
import { columnsOf } from "./incident-columns";

/**
 * What creating and updating an incident share: the database checks the
 * shared schema cannot make, the incident's own columns, and the writing of
 * everything attached to it. Internal to lib/server/incidents.
 */

export type Transaction = Prisma.TransactionClient;
export type IncidentReferences = { operatorIds: Map<string, number>; regionIds: Map<string, number> };

type SlugReference = { path: string; to: "operator" | "region"; slugs: string[] };

/** Every operator and region the incident names, with the path that names it (from the field tables). */
function slugReferences(incident: ParsedIncidentInput): SlugReference[] {
  const found: SlugReference[] = [];
  const walk = (record: RecordKind, values: Record<string, unknown>, prefix: string) => {
    for (const [field, spec] of fieldsOf(record)) {
      const value = values[field];
      if (spec.kind === "items") (value as Record<string, unknown>[]).forEach((item, index) => walk(spec.record!, item, `${prefix}${field}.${index}.`));
      else if ((spec.to === "operator" || spec.to === "region") && value !== undefined) {
        found.push({ path: `${prefix}${field}`, to: spec.to, slugs: spec.kind === "referenceList" ? (value as string[]) : [value as string] });
      }
    }
  };
  walk("incident", incident, "");
  return found;
}

/** Unique slug (other than the incident's own), known operators and regions; field issues (codes) otherwise. */
export async function resolveIncidentReferences(
  db: Database | Transaction,
  input: ParsedIncidentInput,
  options: { incidentId?: number } = {},
): Promise<IncidentReferences> {
  const references = slugReferences(input);
  const slugsOf = (to: SlugReference["to"]) => [...new Set(references.flatMap((reference) => (reference.to === to ? reference.slugs : [])))];
  const [operators, regions, sameSlug] = await Promise.all([
    db.operator.findMany({ where: { slug: { in: slugsOf("operator") } }, select: { id: true, slug: true } }),
    db.region.findMany({ where: { slug: { in: slugsOf("region") } }, select: { id: true, slug: true } }),
    db.incident.findUnique({ where: { slug: input.slug }, select: { id: true } }),
  ]);
  const ids = { operator: new Map(operators.map((operator) => [operator.slug, operator.id])), region: new Map(regions.map((region) => [region.slug, region.id])) };

  const issues: FieldIssues = {};
  const add = (path: string, issue: string) => (issues[path] ??= []).push(issue);
  if (sameSlug && sameSlug.id !== options.incidentId) add("slug", incidentIssue("slug_taken"));
  for (const { path, to, slugs } of references) {
    for (const slug of slugs) if (!ids[to].has(slug)) add(path, incidentIssue(to === "operator" ? "unknown_operator" : "unknown_region", { value: slug }));
  }
  if (Object.keys(issues).length > 0) {
    throw new AppError("VALIDATION", "The incident refers to records that do not exist or clash.", { fieldIssues: issues });
  }
  return { operatorIds: ids.operator, regionIds: ids.region };
}

/** The incident's own columns (not status, version or authorship). */
export function incidentColumns(incident: ParsedIncidentInput) {
  return columnsOf("incident", incident);
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
        ...columnsOf("phase", phase),
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
        ...columnsOf("source", source),
      },
    });
    sourceIds.push(createdSource.id);
  }

  for (const [position, ack] of incident.acknowledgements.entries()) {
    await tx.acknowledgement.create({
      data: {
        incidentId,
        position,
        ...columnsOf("acknowledgement", ack),
        operatorId: ack.operator ? refs.operatorIds.get(ack.operator)! : null,
      },
    });
  }

  for (const [position, estimate] of incident.impactEstimates.entries()) {
    await tx.impactEstimate.create({
      data: {
        incidentId,
        position,
        ...columnsOf("impactEstimate", estimate),
        sourceId: estimate.source === undefined ? null : sourceIds[estimate.source]!,
      },
    });
  }

  for (const [position, discrepancy] of incident.discrepancies.entries()) {
    await tx.discrepancy.create({
      data: {
        incidentId,
        position,
        ...columnsOf("discrepancy", discrepancy),
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
      fieldIssues: { slug: [incidentIssue("slug_taken")] },
    });
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") {
    throw new AppError("VALIDATION", "An operator or region the incident refers to was removed meanwhile.", {
      cause: error,
      fieldIssues: { "": [incidentIssue("reference_removed")] },
    });
  }
  throw error;
}

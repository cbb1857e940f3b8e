import "server-only";
import type { Database } from "@/lib/db/client";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";
import { toSnapshot, type IncidentSnapshot } from "@/lib/incidents/snapshot";
import { ZIncidentInput } from "@/lib/schemas/incident";
import { inputFromColumns } from "./incident-columns";
import type { Transaction } from "./incident-content";

export type IncidentState = {
  id: number;
  slug: string;
  status: IncidentStatus;
  version: number;
  createdById: string | null;
  snapshot: IncidentSnapshot;
};


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
    ...inputFromColumns("incident", row),
    status: row.status,
    operators: slugs(row.operators),
    regions: slugs(row.regions),
    phases: row.phases.map((phase) => ({ ...inputFromColumns("phase", phase), operators: slugs(phase.operators), regions: slugs(phase.regions) })),
    sources: row.sources.map((source) => ({
      ...inputFromColumns("source", source),
      phase: source.phaseId === null ? undefined : phaseIndex.get(source.phaseId),
    })),
    acknowledgements: row.acknowledgements.map((ack) => ({ ...inputFromColumns("acknowledgement", ack), operator: ack.operator?.slug })),
    impactEstimates: row.impactEstimates.map((estimate) => ({
      ...inputFromColumns("impactEstimate", estimate),
      source: estimate.sourceId === null ? undefined : sourceIndex.get(estimate.sourceId),
    })),
    discrepancies: row.discrepancies.map((discrepancy) => ({
      ...inputFromColumns("discrepancy", discrepancy),
      sources: discrepancy.sources.map((link) => sourceIndex.get(link.sourceId)!).sort((a, b) => a - b),
    })),
  });
  return { id: row.id, slug: row.slug, status: row.status, version: row.version, createdById: row.createdById, snapshot: toSnapshot(parsed) };
}

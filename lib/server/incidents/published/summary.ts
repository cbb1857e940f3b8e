import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AffectedService, DisruptionType, IncidentScope, VerificationLevel } from "@/lib/generated/prisma/enums";
import { PERIOD_FIELDS, PHASE_TYPE_FIELDS, TEXT_FIELDS, periodOf, regionName, regionsByName, textOf, typesOf } from "./fields";
import type { IncidentPeriod, IncidentText, Named } from "./fields";

/** One published incident as a list shows it (the list, the overview, the API, the download). */
export type IncidentSummary = IncidentText &
  IncidentPeriod & {
    scope: IncidentScope;
    type: DisruptionType;
    /** The incident's type plus every phase type, without repeats. */
    types: DisruptionType[];
    services: AffectedService[];
    verification: VerificationLevel;
    operators: Named[];
    regions: Named[];
    phaseCount: number;
    sourceCount: number;
  };

/**
 * The columns of an IncidentSummary. Operators and regions come in the order
 * of the names readers see (the pages), or of their slugs (the API).
 */
export function summaryFields(order: { namesBy: "name"; locale: string } | { namesBy: "slug" }) {
  return {
    ...TEXT_FIELDS,
    ...PERIOD_FIELDS,
    scope: true,
    type: true,
    services: true,
    verification: true,
    operators: {
      select: { operator: { select: { slug: true, name: true } } },
      orderBy: { operator: order.namesBy === "slug" ? { slug: "asc" as const } : { name: "asc" as const } },
    },
    regions: {
      select: { region: { select: { slug: true, nameEn: true, nameRu: true } } },
      orderBy: order.namesBy === "slug" ? { region: { slug: "asc" as const } } : regionsByName(order.locale),
    },
    ...PHASE_TYPE_FIELDS,
    _count: { select: { sources: true } },
  } satisfies Prisma.IncidentSelect;
}

type SummaryRow = Prisma.IncidentGetPayload<{ select: ReturnType<typeof summaryFields> }>;

export function summaryOf(row: SummaryRow, locale: string): IncidentSummary {
  return {
    ...textOf(row, locale),
    ...periodOf(row),
    scope: row.scope,
    type: row.type,
    types: typesOf(row),
    services: row.services,
    verification: row.verification,
    operators: row.operators.map(({ operator }) => operator),
    regions: row.regions.map(({ region }) => regionName(region, locale)),
    phaseCount: row.phases.length,
    sourceCount: row._count.sources,
  };
}

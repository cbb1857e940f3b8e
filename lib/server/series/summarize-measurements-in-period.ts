import "server-only";
import type { Caller } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { MeasurementSource } from "@/lib/generated/prisma/enums";

/** `example`: the series hold invented example data (decision 0018), counted apart from measurements. */
export type MeasurementSummary = { source: MeasurementSource; series: number; points: number; example: boolean };

/**
 * Which measurement feeds hold data for a period, for the given operators'
 * networks or for Kazakhstan as a whole. Empty when nothing has been ingested:
 * pages then say so rather than show invented data. Series of invented example
 * data are counted on rows of their own, marked `example`. Public: open to
 * every caller.
 */
export async function summarizeMeasurementsInPeriod(options: {
  caller: Caller;
  operatorSlugs: string[];
  from: Date;
  to: Date;
}): Promise<MeasurementSummary[]> {
  const db = getDb();
  const networks = await db.network.findMany({
    where: { operator: { slug: { in: options.operatorSlugs } } },
    select: { asn: true },
  });
  const asns = networks.map((network) => network.asn);
  return db.$queryRaw<MeasurementSummary[]>`
    SELECT s.source::text AS source, count(DISTINCT s.id)::int AS series, count(*)::int AS points, s.example
    FROM series_points p
    JOIN series s ON s.id = p.series_id
    WHERE p.at >= ${options.from} AND p.at < ${options.to}
      AND (s.asn = ANY(${asns}::int[]) OR (s.entity_type = 'COUNTRY' AND s.entity_code = 'KZ'))
    GROUP BY s.source, s.example
    ORDER BY s.source::text, s.example`;
}

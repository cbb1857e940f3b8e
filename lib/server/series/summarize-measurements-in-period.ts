import "server-only";
import { getDb } from "@/lib/db/client";
import type { MeasurementSource } from "@/lib/generated/prisma/enums";

export type MeasurementSummary = { source: MeasurementSource; series: number; points: number };

/**
 * Which measurement feeds hold data for a period, for the given operators'
 * networks or for Kazakhstan as a whole. Empty when nothing has been ingested:
 * pages then say so rather than show invented data.
 */
export async function summarizeMeasurementsInPeriod(options: {
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
    SELECT s.source::text AS source, count(DISTINCT s.id)::int AS series, count(*)::int AS points
    FROM series_points p
    JOIN series s ON s.id = p.series_id
    WHERE p.at >= ${options.from} AND p.at < ${options.to}
      AND (s.asn = ANY(${asns}::int[]) OR (s.entity_type = 'COUNTRY' AND s.entity_code = 'KZ'))
    GROUP BY s.source
    ORDER BY s.source::text`;
}

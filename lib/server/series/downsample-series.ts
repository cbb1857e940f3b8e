import "server-only";
import { getDb, type Database } from "@/lib/db/client";
import type { ChartPoint } from "@/lib/charts/signal-chart";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Combine } from "@/lib/signals/signal-registry";
import { BUCKET_ORIGIN, bucketStarts, chooseBucketSeconds } from "./chart-buckets";

export type DownsampleLine = { seriesIds: number[]; combine: Combine };

export type DownsampleRequest = {
  lines: DownsampleLine[];
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
  maxPoints: number;
  /** The finest bucket the data allows (the series' step); default none. */
  minBucketSeconds?: number;
  db?: Database;
};

export type DownsampledLines = { bucketSeconds: number; lines: ChartPoint[][] };

type BucketRow = { line: number; bucket: Date; total: number; mean: number };

/**
 * The downsampling SQL: per line (its index in `lines`) and bucket, the sum
 * and the mean of its series' bucket averages. Exported for the benchmark's
 * EXPLAIN; call downsampleSeries.
 */
export function downsampleQuery(request: { lines: DownsampleLine[]; from: Date; to: Date; bucketSeconds: number }): Prisma.Sql {
  const seriesIds = request.lines.flatMap((line) => line.seriesIds);
  const lineOf = request.lines.flatMap((line, index) => line.seriesIds.map(() => index));
  // One series at a time (LATERAL): the planner then expects few buckets per
  // series and hashes them, rather than sorting every point by bucket.
  return Prisma.sql`
    SELECT w.line, s.bucket, sum(s.value) AS total, avg(s.value) AS mean
    FROM unnest(${seriesIds}::int[], ${lineOf}::int[]) AS w(series_id, line)
    CROSS JOIN LATERAL (
      SELECT date_bin(${request.bucketSeconds}::int * interval '1 second', p.at, ${BUCKET_ORIGIN}::timestamptz) AS bucket, avg(p.value) AS value
      FROM series_points p
      WHERE p.series_id = w.series_id AND p.at >= ${request.from}::timestamptz AND p.at < ${request.to}::timestamptz
      GROUP BY 1
    ) s
    GROUP BY w.line, s.bucket`;
}

/**
 * Downsamples series_points into at most `maxPoints` buckets per line, in one
 * query: `date_bin` buckets, each series averaged over its bucket, then the
 * series of a line summed or averaged. Buckets where no series of the line has
 * a point come back as null (a gap, never a zero, never interpolated). Reads
 * the (series_id, at) primary key, which carries the value: an index-only scan.
 */
export async function downsampleSeries(request: DownsampleRequest): Promise<DownsampledLines> {
  const bucketSeconds = chooseBucketSeconds({
    from: request.from,
    to: request.to,
    maxPoints: request.maxPoints,
    minSeconds: request.minBucketSeconds,
  });
  const starts = bucketStarts(request.from, request.to, bucketSeconds);
  const rows = request.lines.some((line) => line.seriesIds.length > 0)
    ? await (request.db ?? getDb()).$queryRaw<BucketRow[]>(downsampleQuery({ ...request, bucketSeconds }))
    : [];

  const values = request.lines.map(() => new Map<number, number>());
  for (const row of rows) {
    const combine = request.lines[row.line]!.combine;
    values[row.line]!.set(row.bucket.getTime(), combine === "sum" ? row.total : row.mean);
  }
  return {
    bucketSeconds,
    lines: values.map((byBucket) => starts.map((start) => ({ at: start.toISOString(), value: byBucket.get(start.getTime()) ?? null }))),
  };
}

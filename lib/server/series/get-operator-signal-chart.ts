import "server-only";
import type { Caller } from "@/lib/auth/permissions";
import { getDb, type Database } from "@/lib/db/client";
import {
  DEFAULT_MAX_POINTS,
  MAX_MAX_POINTS,
  MIN_MAX_POINTS,
  SIGNAL_KEYS,
  type OperatorSignalChart,
  type SignalEvent,
  type SignalKey,
  type SignalLine,
} from "@/lib/charts/signal-chart";
import { AppError } from "@/lib/errors";
import { cachedChartData } from "@/lib/server/cache/chart-cache";
import { SIGNAL_SOURCES, SIGNALS, signalOfSeries } from "@/lib/signals/signal-registry";
import { downsampleSeries } from "./downsample-series";
import { normaliseLine } from "./normalise-line";

export type OperatorSignalChartRequest = {
  operatorSlug: string;
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
  /** Default: every signal. */
  signals?: SignalKey[];
  /** One line per network (ASN) instead of one per signal for the whole operator. */
  split?: boolean;
  /** Scale each line to its median over the period (see normaliseLine). */
  normalised?: boolean;
  /** At most this many buckets per line (default DEFAULT_MAX_POINTS). */
  maxPoints?: number;
  db?: Database;
};

type SeriesRow = { id: number; source: string; signal: string; asn: number | null; unit: string | null; stepSeconds: number | null; example: boolean };

/**
 * The measured-signal chart of one operator over [from, to), downsampled on
 * the server (see downsampleSeries): at most `maxPoints` buckets per line, gaps
 * as null. Cached per parameters under the "series" tag (see
 * lib/server/cache/chart-cache.ts); `loadOperatorSignalChart` is the uncached
 * query. An unknown operator is NOT_FOUND; bad parameters are VALIDATION.
 * Public: open to every caller (who asks is not part of the cache key).
 */
export async function getOperatorSignalChart(request: OperatorSignalChartRequest & { caller: Caller }): Promise<OperatorSignalChart> {
  const key = JSON.stringify({
    chart: "operator-signal",
    operator: request.operatorSlug,
    from: request.from.toISOString(),
    to: request.to.toISOString(),
    signals: [...new Set(request.signals ?? SIGNAL_KEYS)].sort(),
    split: request.split ?? false,
    normalised: request.normalised ?? false,
    maxPoints: request.maxPoints ?? DEFAULT_MAX_POINTS,
  });
  if (request.db) return loadOperatorSignalChart(request);
  return cachedChartData("series", key, async () => {
    checkChartRequest(request);
    // Which series the operator's networks have changes only with the "series" tag too: one read per change, not per period.
    const catalogue = await cachedChartData("series", `operator-series:${request.operatorSlug}`, () => readOperatorSeries(getDb(), request.operatorSlug));
    return loadOperatorSignalChart(request, catalogue);
  });
}

/** An operator's networks (ASNs, ascending) and their series of the drawn sources (by id). */
type OperatorSeries = { asns: number[]; series: SeriesRow[] };

/** One query: the operator, its networks and their series. NOT_FOUND for an unknown operator. */
async function readOperatorSeries(db: Database, operatorSlug: string): Promise<OperatorSeries> {
  const rows = await db.$queryRaw<({ operator_id: number; asn: number | null } & { [K in keyof SeriesRow]: SeriesRow[K] | null })[]>`
    SELECT o.id AS operator_id, n.asn, s.id, s.source::text AS source, s.signal, s.unit, s.step_seconds AS "stepSeconds", s.example
    FROM operators o
    LEFT JOIN networks n ON n.operator_id = o.id
    LEFT JOIN series s ON s.entity_type = 'ASN' AND s.asn = n.asn AND s.source::text = ANY(${[...SIGNAL_SOURCES]}::text[])
    WHERE o.slug = ${operatorSlug}
    ORDER BY s.id`;
  if (rows.length === 0) throw new AppError("NOT_FOUND", `No operator "${operatorSlug}".`);
  const asns = [...new Set(rows.flatMap((row) => (row.asn === null ? [] : [row.asn])))].sort((a, b) => a - b);
  const series = rows.flatMap((row): SeriesRow[] =>
    row.id === null ? [] : [{ id: row.id, source: row.source!, signal: row.signal!, asn: row.asn, unit: row.unit, stepSeconds: row.stepSeconds, example: row.example! }],
  );
  return { asns, series };
}

/** Bad parameters are VALIDATION, before anything is read. */
function checkChartRequest(request: OperatorSignalChartRequest): void {
  const maxPoints = request.maxPoints ?? DEFAULT_MAX_POINTS;
  if (!(request.from < request.to)) throw new AppError("VALIDATION", "A chart period must end after it starts.");
  if (!Number.isInteger(maxPoints) || maxPoints < MIN_MAX_POINTS || maxPoints > MAX_MAX_POINTS) {
    throw new AppError("VALIDATION", `maxPoints must be a whole number from ${MIN_MAX_POINTS} to ${MAX_MAX_POINTS}.`);
  }
}

/**
 * What getOperatorSignalChart returns, straight from the database.
 *
 * - Lines: the operator's networks' series (entity ASN). Combined (default):
 *   one line per signal, networks summed for IODA's counts (bgp,
 *   ping-slash24, merit-nt) and averaged for rates (gtr, OONI). Split: one
 *   line per signal and network. A network's gap lowers a combined sum; the
 *   split view shows which network it was.
 * - `ooni.anomaly_rate` averages the hourly anomaly rates of every OONI test
 *   (web_connectivity, signal, …) and network, each series counting once per
 *   bucket (the stored rates do not keep their measurement counts).
 * - Country-wide series are not an operator's and are not included.
 * - Events: outage events (IODA events, Cloudflare outages and anomalies; not
 *   IODA's per-datasource alerts, which are too many to draw) overlapping the
 *   period that name one of the operator's networks, plus Kazakhstan-wide
 *   events that name no network. A null end means ongoing.
 * - `missing`: asked-for signals with no point in the period.
 * - `example`: a line or event rests on invented example data (decision 0018).
 */
export async function loadOperatorSignalChart(request: OperatorSignalChartRequest, catalogue?: OperatorSeries): Promise<OperatorSignalChart> {
  const { from, to } = request;
  const maxPoints = request.maxPoints ?? DEFAULT_MAX_POINTS;
  checkChartRequest(request);
  const signals = SIGNAL_KEYS.filter((key) => (request.signals ?? SIGNAL_KEYS).includes(key));
  const db = request.db ?? getDb();

  const { asns, series: seriesRows } = catalogue ?? (await readOperatorSeries(db, request.operatorSlug));

  type Line = { signal: SignalKey; asn: number | null; unit: string | null; seriesIds: number[]; example: boolean };
  const lines = new Map<string, Line>();
  let minBucketSeconds = 0;
  for (const series of seriesRows satisfies SeriesRow[]) {
    const signal = signalOfSeries(series);
    if (!signal || !signals.includes(signal)) continue;
    const asn = request.split ? series.asn : null;
    const lineKey = `${signal}|${asn ?? ""}`;
    const line = lines.get(lineKey) ?? { signal, asn, unit: series.unit, seriesIds: [], example: false };
    line.seriesIds.push(series.id);
    // A line drawn partly from invented points is example data as a whole.
    line.example ||= series.example;
    lines.set(lineKey, line);
    minBucketSeconds = Math.max(minBucketSeconds, series.stepSeconds ?? 0);
  }
  const ordered = [...lines.values()].sort(
    (a, b) => SIGNAL_KEYS.indexOf(a.signal) - SIGNAL_KEYS.indexOf(b.signal) || (a.asn ?? 0) - (b.asn ?? 0),
  );

  const [downsampled, events] = await Promise.all([
    downsampleSeries({
      lines: ordered.map((line) => ({ seriesIds: line.seriesIds, combine: SIGNALS[line.signal].combine })),
      from,
      to,
      maxPoints,
      minBucketSeconds,
      db,
    }),
    listOperatorEvents(db, asns, from, to),
  ]);

  const withData: SignalLine[] = [];
  ordered.forEach((line, index) => {
    const points = downsampled.lines[index]!;
    if (!points.some((point) => point.value !== null)) return;
    const drawn: SignalLine = { signal: line.signal, asn: line.asn, unit: line.unit, points, example: line.example };
    withData.push(request.normalised ? normaliseLine(drawn) : drawn);
  });

  return {
    from: from.toISOString(),
    to: to.toISOString(),
    bucketSeconds: downsampled.bucketSeconds,
    normalised: request.normalised ?? false,
    lines: withData,
    events,
    missing: signals.filter((signal) => !withData.some((line) => line.signal === signal)),
    example: withData.some((line) => line.example) || events.some((event) => event.example),
  };
}

/** At most this many events are drawn, the latest first kept. */
const MAX_EVENTS = 500;

type EventRow = {
  source: "CLOUDFLARE" | "IODA";
  kind: string;
  starts_at: Date;
  ends_at: Date | null;
  asns: number[];
  description: string | null;
  linked_url: string | null;
  example: boolean;
};

async function listOperatorEvents(db: Database, asns: number[], from: Date, to: Date): Promise<SignalEvent[]> {
  const rows = await db.$queryRaw<EventRow[]>`
    SELECT * FROM (
      SELECT source::text AS source, kind::text AS kind, starts_at, ends_at, asns, description, linked_url, example
      FROM outage_events
      WHERE source IN ('IODA', 'CLOUDFLARE') AND kind <> 'IODA_ALERT'
        AND starts_at < ${to}::timestamptz AND (ends_at IS NULL OR ends_at >= ${from}::timestamptz)
        AND (asns && ${asns}::int[] OR (cardinality(asns) = 0 AND 'KZ' = ANY(locations)))
      ORDER BY starts_at DESC, key DESC
      LIMIT ${MAX_EVENTS}
    ) latest
    ORDER BY starts_at, kind`;
  return rows.map((row) => ({
    source: row.source,
    kind: row.kind,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at?.toISOString() ?? null,
    asns: row.asns,
    description: row.description,
    linkedUrl: row.linked_url,
    example: row.example,
  }));
}

import { csvResponse } from "@/lib/api/csv";
import { apiGet, apiOptions } from "@/lib/api/handler";
import { badParameter, parseQuery } from "@/lib/api/problem";
import { SERIES_ARRAY_PARAMS, ZSeriesQuery, type ApiSeries } from "@/lib/schemas/api/series";
import { periodOfFilters } from "@/lib/schemas/incident-filters";
import { getOperatorSignalChart } from "@/lib/server/series/get-operator-signal-chart";
import { exampleDataNotice } from "@/lib/example-data/example-data-notice";

export const dynamic = "force-dynamic";

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_DAYS = 90;

/** GET /api/v1/series: one operator's measured signals, downsampled like the operator page's chart. */
export const GET = apiGet(async (request: Request) => {
  const query = parseQuery(ZSeriesQuery, new URL(request.url), SERIES_ARRAY_PARAMS);
  if (query.from && query.to && query.from > query.to) throw badParameter("to", "must not be before from");
  const period = periodOfFilters(query);
  const to = period.to ?? (period.from ? new Date(Math.min(Date.now(), period.from.getTime() + DEFAULT_DAYS * DAY_MS)) : new Date());
  const from = period.from ?? new Date(to.getTime() - DEFAULT_DAYS * DAY_MS);
  if (from >= to) throw badParameter("from", "the period is empty");

  const chart = await getOperatorSignalChart({
    operatorSlug: query.operator,
    from,
    to,
    signals: query.signal.length > 0 ? query.signal : undefined,
    split: query.split,
    normalised: query.normalised,
    maxPoints: query.max_points,
  });
  const body: ApiSeries = {
    operator: query.operator,
    from: chart.from,
    to: chart.to,
    bucket_seconds: chart.bucketSeconds,
    normalised: chart.normalised,
    lines: chart.lines.map((line) => ({
      signal: line.signal,
      asn: line.asn,
      unit: line.unit,
      ...(line.median !== undefined ? { median: line.median } : {}),
      example: line.example,
      points: line.points,
    })),
    missing: chart.missing,
    // Invented example data says so in every answer built from it (decision 0018).
    example: chart.example,
    notice: chart.example ? exampleDataNotice("en") : null,
  };
  if (query.format === "csv") {
    return csvResponse(
      `series-${query.operator}`,
      ["signal", "asn", "unit", "at", "value", "example", "notice"],
      body.lines.flatMap((line) =>
        line.points.map((point) => [line.signal, line.asn, line.unit, point.at, point.value, line.example, line.example ? exampleDataNotice("en") : ""]),
      ),
    );
  }
  return Response.json(body);
});

export const OPTIONS = apiOptions;

import { ANONYMOUS } from "@/lib/auth/permissions";
import { csvResponse } from "@/lib/api/csv";
import { apiGet, apiOptions, licenceLinks } from "@/lib/api/handler";
import { dataCredits, licencesOf, signalChartSources } from "@/lib/credits/data-credits";
import { badParameter, parseQuery } from "@/lib/api/problem";
import { ZSeriesQuery, type ApiSeries } from "@/lib/schemas/api/series";
import { periodOfFilters } from "@/lib/schemas/incident-filters";
import { measuredWindow } from "@/lib/schemas/operator-view";
import { getOperatorSignalChart } from "@/lib/server/series/get-operator-signal-chart";
import { exampleDataNotice } from "@/lib/example-data/example-data-notice";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/series: one operator's measured signals, downsampled like the operator page's chart,
 * with the page's parameters (`signals`, `asns`, `norm`; the old `signal`, `split` and `normalised` stand for them).
 */
export const GET = apiGet(async (request: Request) => {
  const query = parseQuery(ZSeriesQuery, new URL(request.url));
  const period = periodOfFilters(query);
  const { from, to } = measuredWindow(period.from, period.to, new Date());
  if (from >= to) throw badParameter("from", "the period is empty");

  const chart = await getOperatorSignalChart({
    caller: ANONYMOUS,
    operatorSlug: query.operator,
    from,
    to,
    signals: query.signals.length > 0 ? query.signals : undefined,
    split: query.asns === "split",
    normalised: query.norm === "1",
    maxPoints: query.max_points,
  });
  // The series credit the feeds whose values they hold, each under its publisher's terms (decision 0017).
  const credits = dataCredits(signalChartSources({ lines: chart.lines, events: [], phasesShaded: false }));
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
    credits: credits.map((credit) => ({ source: credit.source, licence: credit.licence.name, licence_url: credit.licence.url })),
    // Invented example data says so in every answer built from it (decision 0018).
    example: chart.example,
    notice: chart.example ? exampleDataNotice("en") : null,
  };
  const link = licenceLinks(licencesOf(credits));
  const response =
    query.format === "csv"
      ? csvResponse(
          `series-${query.operator}`,
          ["signal", "asn", "unit", "at", "value", "example", "notice"],
          body.lines.flatMap((line) =>
            line.points.map((point) => [line.signal, line.asn, line.unit, point.at, point.value, line.example, line.example ? exampleDataNotice("en") : ""]),
          ),
        )
      : Response.json(body);
  // Measured data keeps its publishers' terms, not the tracker's licence; an answer without values links none.
  if (link) response.headers.set("Link", link);
  return response;
}, { licensed: false });

export const OPTIONS = apiOptions;

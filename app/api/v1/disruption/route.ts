import { ANONYMOUS } from "@/lib/auth/permissions";
import { csvResponse } from "@/lib/api/csv";
import { apiGet, apiOptions } from "@/lib/api/handler";
import { notFound, parseQuery } from "@/lib/api/problem";
import { ZDisruptionQuery } from "@/lib/schemas/api/disruption";
import { getDisruptionFigures } from "@/lib/server/disruption/get-disruption-figures";

export const dynamic = "force-dynamic";

/** GET /api/v1/disruption: one operator's or region's hours per month or year, measure by measure. */
export const GET = apiGet(async (request: Request) => {
  const query = parseQuery(ZDisruptionQuery, new URL(request.url));
  // The schema's rules make sure exactly one of them is given.
  const slug = (query.operator ?? query.region)!;
  const body = await getDisruptionFigures({
    caller: ANONYMOUS,
    entity: { kind: query.operator ? "operator" : "region", slug },
    from: query.from,
    to: query.to,
    granularity: query.by,
    locale: query.lang,
  });
  if (!body) throw notFound(`No ${query.operator ? "operator" : "region"} has the slug "${slug}".`);
  if (query.format === "csv") {
    // One row per period and measure; the open-end columns mark hours that rest on an open end.
    return csvResponse(
      `disruption-${slug}`,
      ["entity", "period", "from", "to", "measure", "hours", "to_last_report_hours", "to_now_hours", "on_and_off_hours"],
      body.measures.flatMap((measure) =>
        measure.periods.map((period) => [slug, period.period, period.from, period.to, measure.key, period.hours, period.to_last_report_hours, period.to_now_hours, period.on_and_off_hours]),
      ),
    );
  }
  return Response.json(body);
});

export const OPTIONS = apiOptions;

import { ANONYMOUS } from "@/lib/auth/permissions";
import { apiGet, apiOptions } from "@/lib/api/handler";
import { notFound, parseQuery } from "@/lib/api/problem";
import { apiDay, apiMeasureFigures, apiPeriod } from "@/lib/api/figures";
import { incidentFigures } from "@/lib/incidents/incident-figures";
import { ZIncidentDetailQuery, type IncidentDetail } from "@/lib/schemas/api/incidents";
import { getPublishedIncident } from "@/lib/server/incidents/get-published-incident";

export const dynamic = "force-dynamic";

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** GET /api/v1/incidents/{slug}: one published incident with its phases and sources. */
export const GET = apiGet(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const query = parseQuery(ZIncidentDetailQuery, new URL(request.url));
  const incident = /^[a-z0-9-]{1,200}$/.test(slug) ? await getPublishedIncident({ caller: ANONYMOUS, slug, locale: query.lang }) : null;
  if (!incident) throw notFound(`No published incident has the slug "${slug}".`);
  const figures = incidentFigures(incident, new Date());
  const body: IncidentDetail = {
    slug: incident.slug,
    title: incident.title,
    summary: incident.summary,
    body: incident.body,
    untranslated: incident.untranslated,
    verification: incident.verification,
    ...apiPeriod(incident),
    scope: incident.scope,
    type: incident.type,
    services: incident.services,
    cause: incident.cause,
    cause_details: incident.causeDetails,
    legal_basis: incident.legalBasis,
    operators: incident.operators,
    regions: incident.regions,
    phases: incident.phases.map((phase, index) => ({
      number: phase.number,
      label: phase.label,
      description: phase.description,
      type: phase.type,
      extent: phase.extent,
      starts_at: phase.startsAt.toISOString(),
      start_precision: phase.startPrecision,
      ends_at: iso(phase.endsAt),
      end_precision: phase.endPrecision,
      end_status: phase.endStatus,
      last_reported_on: apiDay(phase.lastReportedOn),
      counts_as: figures.phases[index]!.measure,
      counted_until: iso(figures.phases[index]!.countedUntil),
      services: phase.services,
      all_operators: phase.allOperators,
      operators: phase.operators,
      regions: phase.regions,
      source_numbers: phase.sourceNumbers,
    })),
    figures: {
      country: apiMeasureFigures(figures.country),
      operators: figures.operators.map((operator) => ({ slug: operator.slug, name: operator.name, inferred: operator.inferred, measures: apiMeasureFigures(operator.figures) })),
      regions: figures.regions.map((region) => ({ slug: region.slug, name: region.name, measures: apiMeasureFigures(region.figures) })),
      other_regions: figures.otherRegions ? apiMeasureFigures(figures.otherRegions) : null,
      uncounted_phases: figures.uncountedPhases,
    },
    sources: incident.sources.map((source) => ({
      number: source.number,
      kind: source.kind,
      url: source.url,
      title: source.title,
      publisher: source.publisher,
      published_on: iso(source.publishedOn),
      archived_url: source.archivedUrl,
      quote: source.quote,
      note: source.note,
      phase_number: source.phaseNumber,
    })),
    first_published_at: iso(incident.firstPublishedAt),
    updated_at: incident.updatedAt.toISOString(),
  };
  return Response.json(body);
});

export const OPTIONS = apiOptions;

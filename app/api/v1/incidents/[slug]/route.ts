import { apiGet, apiOptions } from "@/lib/api/handler";
import { notFound, parseQuery } from "@/lib/api/problem";
import { ZIncidentDetailQuery, type IncidentDetail } from "@/lib/schemas/api/incidents";
import { getPublishedIncident } from "@/lib/server/incidents/get-published-incident";

export const dynamic = "force-dynamic";

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** GET /api/v1/incidents/{slug}: one published incident with its phases and sources. */
export const GET = apiGet(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const query = parseQuery(ZIncidentDetailQuery, new URL(request.url));
  const incident = /^[a-z0-9-]{1,200}$/.test(slug) ? await getPublishedIncident(slug, query.lang) : null;
  if (!incident) throw notFound(`No published incident has the slug "${slug}".`);
  const body: IncidentDetail = {
    slug: incident.slug,
    title: incident.title,
    summary: incident.summary,
    body: incident.body,
    untranslated: incident.untranslated,
    verification: incident.verification,
    starts_at: incident.startsAt.toISOString(),
    start_precision: incident.startPrecision,
    ends_at: iso(incident.endsAt),
    end_precision: incident.endPrecision,
    scope: incident.scope,
    type: incident.type,
    services: incident.services,
    cause: incident.cause,
    cause_details: incident.causeDetails,
    legal_basis: incident.legalBasis,
    operators: incident.operators,
    regions: incident.regions,
    phases: incident.phases.map((phase) => ({
      number: phase.number,
      label: phase.label,
      description: phase.description,
      type: phase.type,
      extent: phase.extent,
      starts_at: phase.startsAt.toISOString(),
      start_precision: phase.startPrecision,
      ends_at: iso(phase.endsAt),
      end_precision: phase.endPrecision,
      services: phase.services,
      operators: phase.operators,
      regions: phase.regions,
      source_numbers: phase.sourceNumbers,
    })),
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

import { incidentFeedResponse } from "../incident-feed-response";

export const dynamic = "force-dynamic";

/**
 * GET /feeds/incidents.xml (RSS 2.0), /feeds/incidents.atom (Atom 1.0) and
 * /feeds/incidents.json (JSON Feed 1.1): published incidents and their public
 * updates, newest first; ?locale=ru for Russian.
 */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  return incidentFeedResponse(request, file, "global");
}

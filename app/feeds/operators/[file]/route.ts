import { incidentFeedResponse } from "../../incident-feed-response";

export const dynamic = "force-dynamic";

/**
 * GET /feeds/operators/<slug>.xml|.atom|.json: the incident feed of one
 * operator (incidents naming it, or a phase naming it); 404 for an unknown operator.
 */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  return incidentFeedResponse(request, file, "operator");
}

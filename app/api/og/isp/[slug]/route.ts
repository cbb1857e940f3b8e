import { socialCardResponse } from "@/app/api/og/social-card-response";

export const dynamic = "force-dynamic";

/** GET /api/og/isp/<slug>?locale=&from=&to=…: one operator's social card (disruption-hours in the period). */
export async function GET(request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await context.params;
  return socialCardResponse(request, { kind: "isp", slug });
}

import { socialCardResponse } from "@/app/api/og/social-card-response";

export const dynamic = "force-dynamic";

/** GET /api/og/incident/<slug>?locale=: one published incident's social card (title, period, phase strip). */
export async function GET(request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await context.params;
  return socialCardResponse(request, { kind: "incident", slug });
}

import { isCardView } from "@/lib/share/card-target";
import { socialCardResponse } from "@/app/api/og/social-card-response";

export const dynamic = "force-dynamic";

/** GET /api/og/<view>?locale=&from=&to=…: the social card of home, incidents, timeline, map, isps or api-docs. */
export async function GET(request: Request, context: { params: Promise<{ view: string }> }): Promise<Response> {
  const { view } = await context.params;
  if (!isCardView(view)) {
    return Response.json({ type: "about:blank", title: "Not found", status: 404, detail: `No card "${view}".` }, { status: 404, headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store" } });
  }
  return socialCardResponse(request, { kind: "view", view });
}

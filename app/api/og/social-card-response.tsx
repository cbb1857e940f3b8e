import "server-only";
import { ImageResponse } from "next/og";
import { SocialCard } from "@/components/share/social-card";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { PUBLIC_CACHE_CONTROL } from "@/lib/http/cache-policy";
import { ApiProblem, invalidParameters, problemBody, problemResponse } from "@/lib/api/problem";
import { ZCardLocaleParams } from "@/lib/schemas/social-card";
import { entriesOf, readUrlState } from "@/lib/schemas/url-state";
import { CARD_HEIGHT, CARD_WIDTH, type CardTarget } from "@/lib/share/card-target";
import { CARD_FONT_FAMILY, loadCardFonts } from "@/lib/share/card-fonts";
import { getSocialCard } from "@/lib/server/share/get-social-card";

/**
 * Like every public answer (lib/http/cache-policy.ts): the production server keeps a drawn card until
 * data changes or 30 s pass, so a burst of unfurls draws it once, and a CDN may keep it a minute.
 */
export const CARD_CACHE_CONTROL = PUBLIC_CACHE_CONTROL;

function pngResponse(png: ArrayBuffer): Response {
  return new Response(png, { status: 200, headers: { "Content-Type": "image/png", "Cache-Control": CARD_CACHE_CONTROL } });
}

function problem(answer: ApiProblem): Response {
  return problemResponse(problemBody(answer), { "Cache-Control": "no-store" });
}

/**
 * GET /api/og/…: the social card for a page as a 1200×630 PNG, in the
 * `locale` asked for (en by default). Bad parameters answer 400, an unknown
 * incident or operator 404, both as problem+json.
 */
export async function socialCardResponse(request: Request, target: CardTarget): Promise<Response> {
  const url = new URL(request.url);
  // Every card reads its `locale`; the rest of the query is the card's own (lib/schemas/social-card.ts).
  const localeRead = readUrlState(ZCardLocaleParams, url.searchParams, { mode: "strict", undeclared: "ignored" });
  if (!localeRead.ok) return problem(invalidParameters(localeRead.refused));
  const query = new URLSearchParams([...entriesOf(url.searchParams)].flatMap(([name, values]) => (name === "locale" ? [] : values.map((value) => [name, value]))));
  try {
    const result = await getSocialCard({ caller: ANONYMOUS, target, locale: localeRead.state.locale, query });
    if (result.status === "not-found") return problem(new ApiProblem(404, "Not found", result.detail));
    if (result.status === "bad-param") return problem(invalidParameters(result.refused));
    const image = new ImageResponse(<SocialCard card={result.card} fontFamily={CARD_FONT_FAMILY} />, {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      fonts: await loadCardFonts(),
    });
    // Rendered in full before answering, so a failure is a clean 500 rather than a broken stream.
    return pngResponse(await image.arrayBuffer());
  } catch (error) {
    console.error("Social card failed", error);
    return problem(new ApiProblem(500, "Internal error", "The card could not be drawn; please try again later."));
  }
}

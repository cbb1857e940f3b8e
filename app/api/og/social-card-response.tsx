import "server-only";
import { ImageResponse } from "next/og";
import { SocialCard } from "@/components/share/social-card";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { PUBLIC_CACHE_CONTROL } from "@/lib/http/cache-policy";
import { ApiProblem, problemBody, problemResponse, queryObject } from "@/lib/api/problem";
import { CARD_FILTER_PARAMS, CARD_HEIGHT, CARD_WIDTH, type CardTarget } from "@/lib/share/card-target";
import { CARD_FONT_FAMILY, loadCardFonts } from "@/lib/share/card-fonts";
import { getSocialCard, type CardLocale } from "@/lib/server/share/get-social-card";

/**
 * Like every public answer (lib/http/cache-policy.ts): the production server keeps a drawn card until
 * data changes or 30 s pass, so a burst of unfurls draws it once, and a CDN may keep it a minute.
 */
export const CARD_CACHE_CONTROL = PUBLIC_CACHE_CONTROL;

const REPEATABLE = CARD_FILTER_PARAMS.filter((name) => !["from", "to", "status", "tz"].includes(name));

function pngResponse(png: ArrayBuffer): Response {
  return new Response(png, { status: 200, headers: { "Content-Type": "image/png", "Cache-Control": CARD_CACHE_CONTROL } });
}

function problem(status: 400 | 404 | 500, title: string, detail: string, invalid?: { name: string; reason: string }[]): Response {
  return problemResponse(problemBody(new ApiProblem(status, title, detail, invalid)), { "Cache-Control": "no-store" });
}

/**
 * GET /api/og/…: the social card for a page as a 1200×630 PNG, in the
 * `locale` asked for (en by default). Bad parameters answer 400, an unknown
 * incident or operator 404, both as problem+json.
 */
export async function socialCardResponse(request: Request, target: CardTarget): Promise<Response> {
  const url = new URL(request.url);
  const { locale: requestedLocale, ...query } = queryObject(url, REPEATABLE);
  const locale = requestedLocale ?? "en";
  if (locale !== "en" && locale !== "ru") {
    return problem(400, "Invalid parameter", 'The parameter "locale" is invalid: must be en or ru', [{ name: "locale", reason: "must be en or ru" }]);
  }
  try {
    const result = await getSocialCard({ caller: ANONYMOUS, target, locale: locale as CardLocale, query });
    if (result.status === "not-found") return problem(404, "Not found", result.detail);
    if (result.status === "bad-param") {
      return problem(400, "Invalid parameter", `The parameter "${result.name}" is invalid: ${result.reason}`, [{ name: result.name, reason: result.reason }]);
    }
    const image = new ImageResponse(<SocialCard card={result.card} fontFamily={CARD_FONT_FAMILY} />, {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      fonts: await loadCardFonts(),
    });
    // Rendered in full before answering, so a failure is a clean 500 rather than a broken stream.
    return pngResponse(await image.arrayBuffer());
  } catch (error) {
    console.error("Social card failed", error);
    return problem(500, "Internal error", "The card could not be drawn; please try again later.");
  }
}

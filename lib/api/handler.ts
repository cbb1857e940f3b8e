import { isAppError } from "@/lib/errors";
import { ApiProblem, problemBody, problemResponse } from "./problem";
import { consumeRateLimit } from "./rate-limit";
import { PUBLIC_CACHE_CONTROL } from "@/lib/http/cache-policy";
import { TRACKER_LICENCE, type Licence } from "@/lib/credits/data-credits";

/** Answers are the same for everybody: shared caches may keep them (lib/http/cache-policy.ts). */
export const API_CACHE_CONTROL = PUBLIC_CACHE_CONTROL;

const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, OPTIONS",
  "Access-Control-Expose-Headers": "RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, RateLimit-Policy, Retry-After, Link",
};

/**
 * The `Link` header naming the licences of an answer's data (RFC 8288 with
 * rel="license", RFC 4946): one link per licence. The tracker's curated
 * records are CC BY 4.0; measured series link their publishers' terms
 * (docs/decisions/0017-data-licence.md).
 */
export function licenceLinks(licences: readonly Licence[]): string {
  return licences.map((licence) => `<${licence.url}>; rel="license"`).join(", ");
}

export type ApiGetOptions = {
  /** Whether the answer is data under the tracker's licence unless the handler names others (default); oEmbed's is not. */
  licensed?: boolean;
};

/**
 * Wraps a GET handler of /api/v1: per-IP rate limit, open CORS, errors as
 * problem+json (ApiProblem as it is; AppError NOT_FOUND → 404, VALIDATION →
 * 400; anything else → 500 without its message), CDN cache headers on
 * successful answers, and the data's licence in a `Link` header (the
 * tracker's, unless the handler set its own).
 */
export function apiGet<Context>(handler: (request: Request, context: Context) => Promise<Response>, options: ApiGetOptions = {}) {
  const licensed = options.licensed ?? true;
  return async function GET(request: Request, context: Context): Promise<Response> {
    const limit = await consumeRateLimit(request);
    let response: Response;
    if (!limit.allowed) {
      response = problemResponse(problemBody(new ApiProblem(429, "Too many requests", "The per-IP request limit is used up; retry after Retry-After seconds.")));
    } else {
      try {
        response = await handler(request, context);
      } catch (error) {
        const problem = toProblem(error);
        if (!problem) {
          // Unexpected: log it here, and tell the caller only that it failed (never the message).
          console.error("API request failed", error);
        }
        response = problemResponse(problemBody(problem ?? new ApiProblem(500, "Internal error", "The request could not be answered; please try again later.")));
      }
    }
    for (const [name, value] of Object.entries({ ...CORS_HEADERS, ...limit.headers })) response.headers.set(name, value);
    response.headers.set("Cache-Control", response.status === 200 ? API_CACHE_CONTROL : "no-store");
    if (licensed && response.status === 200 && !response.headers.has("Link")) response.headers.set("Link", licenceLinks([TRACKER_LICENCE]));
    return response;
  };
}

function toProblem(error: unknown): ApiProblem | null {
  if (error instanceof ApiProblem) return error;
  if (isAppError(error, "NOT_FOUND")) return new ApiProblem(404, "Not found", error.message);
  if (isAppError(error, "VALIDATION")) {
    const invalid = Object.entries(error.fieldIssues ?? {}).map(([name, reasons]) => ({ name, reason: reasons.join("; ") }));
    return new ApiProblem(400, "Invalid parameter", error.message, invalid.length > 0 ? invalid : undefined);
  }
  return null;
}

/** The preflight answer: GET only, any origin, no credentials. */
export function apiOptions(): Response {
  return new Response(null, {
    status: 204,
    headers: { ...CORS_HEADERS, "Access-Control-Allow-Headers": "*", "Access-Control-Max-Age": "86400" },
  });
}

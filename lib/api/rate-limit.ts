import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { clientIpFrom, rateLimitKeyForIp } from "@/lib/auth/client-ip";
import { readServerEnv } from "@/lib/env";

const WINDOW_SECONDS = 60;

/**
 * Per-IP limit of the public API. Kept in this process's memory, with no
 * database round-trip per request: with several app processes each counts on
 * its own, so the effective limit is per process. One limiter per configured
 * limit (API_RATE_LIMIT_PER_MINUTE), so tests can lower it.
 */
const limiters = new Map<number, RateLimiterMemory>();

function limiterFor(points: number): RateLimiterMemory {
  let limiter = limiters.get(points);
  if (!limiter) {
    limiter = new RateLimiterMemory({ keyPrefix: `api-v1-${points}`, points, duration: WINDOW_SECONDS });
    limiters.set(points, limiter);
  }
  return limiter;
}

export type RateLimitOutcome = { allowed: boolean; headers: Record<string, string> };

/** Counts one request against the caller's IP; the IETF draft RateLimit headers describe what is left. */
export async function consumeRateLimit(request: Request): Promise<RateLimitOutcome> {
  const env = readServerEnv();
  const points = env.API_RATE_LIMIT_PER_MINUTE;
  const key = rateLimitKeyForIp(clientIpFrom(request.headers, env.TRUST_PROXY));
  let state: RateLimiterRes;
  let allowed = true;
  try {
    state = await limiterFor(points).consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    state = rejection;
    allowed = false;
  }
  const reset = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  const headers: Record<string, string> = {
    "RateLimit-Policy": `${points};w=${WINDOW_SECONDS}`,
    "RateLimit-Limit": String(points),
    "RateLimit-Remaining": String(Math.max(0, state.remainingPoints)),
    "RateLimit-Reset": String(reset),
  };
  if (!allowed) headers["Retry-After"] = String(reset);
  return { allowed, headers };
}

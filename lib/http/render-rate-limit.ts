import type { IncomingMessage } from "node:http";
import { clientIpFrom, normalizeIp, rateLimitKeyForIp } from "@/lib/auth/client-ip";

/**
 * How many renders one client may cause: every request the production
 * server's cache cannot answer costs Next.js a render (and the database its
 * queries), so a client inventing new addresses could otherwise keep the
 * server busy for free (docs/decisions/0008-cache-trust-model.md).
 *
 * A token bucket per client address (IPv6: per /64, as the sign-in limit
 * counts): `perMinute` tokens, refilled continuously, one per render. Kept in
 * the process's memory: it protects this process's CPU, which is what a render
 * spends. Answers from the cache cost nothing.
 */
export type RenderRateLimit = ReturnType<typeof createRenderRateLimit>;

export type RenderDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function createRenderRateLimit(options: { perMinute: number; now?: () => number; maxClients?: number }) {
  const now = options.now ?? Date.now;
  const maxClients = options.maxClients ?? 100_000;
  const capacity = options.perMinute;
  const perMs = options.perMinute / 60_000;
  /** Tokens left and when they were counted, least recently used first. */
  const buckets = new Map<string, { tokens: number; at: number }>();

  return {
    /** Spends one render of `client`'s budget, or says how long until there is one. */
    take(client: string): RenderDecision {
      const at = now();
      const bucket = buckets.get(client);
      const tokens = bucket ? Math.min(capacity, bucket.tokens + (at - bucket.at) * perMs) : capacity;
      buckets.delete(client);
      if (tokens < 1) {
        buckets.set(client, { tokens, at });
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
      }
      buckets.set(client, { tokens: tokens - 1, at });
      // A client not seen for the longest is the first forgotten (a full bucket, most likely).
      while (buckets.size > maxClients) buckets.delete(buckets.keys().next().value!);
      return { allowed: true };
    },
  };
}

/**
 * The bucket a request counts in: its client address as the sign-in limit
 * sees it (lib/auth/client-ip.ts), IPv6 by /64. With no trusted proxy the
 * connection's own address, never a header the client could write; with
 * TRUST_PROXY = N, the address the outermost of N proxies saw.
 */
export function renderBudgetKey(req: Pick<IncomingMessage, "headers" | "socket">, trustedProxies: number): string {
  const peer = normalizeIp(req.socket.remoteAddress ?? "");
  if (trustedProxies === 0) return rateLimitKeyForIp(peer);
  const forwarded = req.headers["x-forwarded-for"];
  const headers = { get: (name: string) => (name === "x-forwarded-for" ? [forwarded ?? []].flat().join(",") || null : null) };
  return rateLimitKeyForIp(clientIpFrom(headers, trustedProxies) ?? peer);
}

import { brotliCompressSync, brotliDecompressSync, constants, deflateSync, gunzipSync, gzipSync, inflateSync } from "node:zlib";
import { deferHydrationUntilInteraction } from "@/lib/http/deferred-hydration";
import type { PublicResponse } from "@/lib/http/shared-response-cache";
import { inlineScriptHashes, policyNonce, withScriptHashes } from "@/lib/security/script-hashes";

/**
 * Gives a public HTML page a hash-based script policy before it leaves the
 * server: the hashes of the inline scripts that carry its render's nonce
 * (lib/security/script-hashes.ts explains why). A page that asks to be hydrated
 * on interaction (embeds) leaves with Next.js's scripts made inert first
 * (lib/http/deferred-hydration.ts). Other answers, and pages whose policy names
 * no nonce, are returned as they are.
 */
export function withHashedScriptPolicy(response: PublicResponse): PublicResponse {
  const policy = response.headers["content-security-policy"];
  const contentType = String(response.headers["content-type"] ?? "");
  const nonce = typeof policy === "string" ? policyNonce(policy) : null;
  if (typeof policy !== "string" || !nonce || !contentType.startsWith("text/html")) return response;
  const encoding = String(response.headers["content-encoding"] ?? "");
  // One character per byte: every pattern below is ASCII, and reading a large page so is quicker than as UTF-8.
  const html = decode(response.body, encoding).toString("latin1");
  const deferred = deferHydrationUntilInteraction(html);
  return {
    ...response,
    headers: { ...response.headers, "content-security-policy": withScriptHashes(policy, inlineScriptHashes(deferred ?? html, nonce, "latin1")) },
    body: deferred === null ? response.body : encode(Buffer.from(deferred, "latin1"), encoding),
  };
}

/** Compressed again as it came; brotli at a quality meant for answers made on request, not for static files. */
function encode(body: Buffer, encoding: string): Buffer {
  switch (encoding.trim().toLowerCase()) {
    case "gzip":
      return gzipSync(body);
    case "deflate":
      return deflateSync(body);
    case "br":
      return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
    default:
      return body;
  }
}

function decode(body: Buffer, encoding: string): Buffer {
  switch (encoding.trim().toLowerCase()) {
    case "gzip":
      return gunzipSync(body);
    case "deflate":
      return inflateSync(body);
    case "br":
      return brotliDecompressSync(body);
    default:
      return body;
  }
}

import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import type { PublicResponse } from "@/lib/http/shared-response-cache";
import { inlineScriptHashes, policyNonce, withScriptHashes } from "@/lib/security/script-hashes";

/**
 * Gives a public HTML page a hash-based script policy before it leaves the
 * server: the hashes of the inline scripts that carry its render's nonce
 * (lib/security/script-hashes.ts explains why). Other answers, and pages whose
 * policy names no nonce, are returned as they are.
 */
export function withHashedScriptPolicy(response: PublicResponse): PublicResponse {
  const policy = response.headers["content-security-policy"];
  const contentType = String(response.headers["content-type"] ?? "");
  const nonce = typeof policy === "string" ? policyNonce(policy) : null;
  if (typeof policy !== "string" || !nonce || !contentType.startsWith("text/html")) return response;
  const html = decode(response.body, String(response.headers["content-encoding"] ?? "")).toString("utf8");
  return {
    ...response,
    headers: { ...response.headers, "content-security-policy": withScriptHashes(policy, inlineScriptHashes(html, nonce)) },
  };
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

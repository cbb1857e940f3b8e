import { brotliCompressSync, brotliDecompressSync, constants, deflateSync, gunzipSync, gzipSync, inflateSync } from "node:zlib";
import { deferHydrationUntilInteraction } from "@/lib/http/deferred-hydration";
import { inlineStyleSheets, styleSheetPreloads, withoutStyleSheetPreloads, type StyleSheetReader } from "@/lib/http/inline-style-sheets";
import type { PublicResponse } from "@/lib/http/shared-response-cache";
import { inlineScriptHashes, policyNonce, withScriptHashes, withStyleHashes } from "@/lib/security/script-hashes";

/**
 * What a public HTML page gets before it leaves the server, as every viewer
 * and any CDN will get it:
 * - a page that asks to be hydrated on interaction (embeds) has Next.js's
 *   scripts made inert (lib/http/deferred-hydration.ts);
 * - its build style sheets inside it (lib/http/inline-style-sheets.ts), allowed
 *   by their hashes;
 * - a hash-based script policy: the hashes of the inline scripts that carry its
 *   render's nonce (lib/security/script-hashes.ts explains why).
 * Other answers, and pages whose policy names no nonce, are returned as they are.
 */
export function finalizePublicPage(response: PublicResponse, readStyleSheet: StyleSheetReader): PublicResponse {
  const policy = response.headers["content-security-policy"];
  const contentType = String(response.headers["content-type"] ?? "");
  const nonce = typeof policy === "string" ? policyNonce(policy) : null;
  if (typeof policy !== "string" || !nonce || !contentType.startsWith("text/html")) return response;
  const encoding = String(response.headers["content-encoding"] ?? "");
  // One character per byte: every pattern below is ASCII, and reading a large page so is quicker than as UTF-8.
  const html = decode(response.body, encoding).toString("latin1");
  const deferred = deferHydrationUntilInteraction(html) ?? html;
  // The Link header: one value, or one value per entry as Next.js sets it.
  const rawLink = response.headers.link;
  const link = Array.isArray(rawLink) ? rawLink.join(", ") : typeof rawLink === "string" ? rawLink : null;
  const announced = link === null ? [] : styleSheetPreloads(link);
  // Inlined sheets are allowed by hashes in style-src; a policy without one keeps its links.
  const styled = /(^|;)\s*style-src\s/.test(policy) ? inlineStyleSheets(deferred, readStyleSheet, announced) : { html: deferred, inlined: [], hashes: [] };
  const hashedPolicy = withStyleHashes(withScriptHashes(policy, inlineScriptHashes(styled.html, nonce, "latin1")), styled.hashes);
  const headers = { ...response.headers, "content-security-policy": hashedPolicy };
  if (link !== null && styled.inlined.length > 0) {
    const kept = withoutStyleSheetPreloads(link, styled.inlined);
    if (kept) headers.link = kept;
    else delete headers.link;
  }
  return {
    ...response,
    headers,
    body: styled.html === html ? response.body : encode(Buffer.from(styled.html, "latin1"), encoding),
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

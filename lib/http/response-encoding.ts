import type { OutgoingHttpHeaders } from "node:http";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/**
 * How the shared response cache compresses what it holds (decision 0025): once, after the answer
 * is complete and finalized, instead of Next.js compressing it in flushed pieces and the
 * finalizer unpacking and packing it again. One copy is kept per encoding chosen, not per
 * spelling of Accept-Encoding.
 */
export type ResponseEncoding = "br" | "gzip" | "identity";

/** The encoding to answer with: brotli, then gzip, when the client accepts them (a `q=0` refuses one). */
export function preferredEncoding(acceptEncoding: string | string[] | undefined): ResponseEncoding {
  const accepted = new Map<string, number>();
  for (const part of (Array.isArray(acceptEncoding) ? acceptEncoding.join(",") : (acceptEncoding ?? "")).split(",")) {
    const [name, ...parameters] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const quality = parameters.map((parameter) => /^\s*q=([0-9.]+)\s*$/.exec(parameter)?.[1]).find((value) => value !== undefined);
    accepted.set(name, quality === undefined ? 1 : Number(quality));
  }
  const accepts = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  if (accepts("br")) return "br";
  if (accepts("gzip")) return "gzip";
  return "identity";
}

/** Types worth compressing: text, JSON, XML, JavaScript, SVG and React's payload. */
const COMPRESSIBLE = /^(text\/|application\/(json|[a-z.+-]*\+json|xml|[a-z.+-]*\+xml|javascript|x-component|manifest\+json)|image\/svg\+xml)/i;
/** Below this, compression saves less than it costs. */
const MIN_BYTES = 1024;

/** The answer compressed with `encoding`, with Content-Encoding and Vary set; as it was when there is nothing to do. */
export function encodeResponse<T extends { headers: OutgoingHttpHeaders; body: Buffer }>(response: T, encoding: ResponseEncoding): T {
  const contentType = String(response.headers["content-type"] ?? "");
  const compressible = response.headers["content-encoding"] === undefined && COMPRESSIBLE.test(contentType);
  if (!compressible) return response;
  const headers = { ...response.headers, vary: withVaryOn(response.headers.vary, "accept-encoding") };
  if (encoding === "identity" || response.body.length < MIN_BYTES) return { ...response, headers };
  const body =
    encoding === "br"
      ? brotliCompressSync(response.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: response.body.length } })
      : gzipSync(response.body);
  return { ...response, headers: { ...headers, "content-encoding": encoding }, body };
}

function withVaryOn(vary: OutgoingHttpHeaders["vary"], name: string): string {
  const names = (Array.isArray(vary) ? vary.join(",") : String(vary ?? "")).split(",").map((entry) => entry.trim()).filter(Boolean);
  return names.some((entry) => entry.toLowerCase() === name) ? names.join(", ") : [...names, name].join(", ");
}

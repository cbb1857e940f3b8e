import { createHash } from "node:crypto";

/**
 * A hash-based script policy for pages that shared caches keep.
 *
 * Pages are rendered with a per-request nonce (proxy.ts). A page that a CDN or
 * the server's own cache hands to many viewers would hand them all the same
 * nonce, so before such a page leaves the server its policy names the SHA-256
 * of each inline script that carries the render's nonce instead (and drops the
 * nonce and 'strict-dynamic'; Next.js's own files load under 'self'). Only the
 * scripts Next.js wrote with the nonce are hashed: a script that found its way
 * into the page otherwise (it cannot know the nonce) stays blocked.
 */
const SCRIPT_ELEMENT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const SOURCE_ATTRIBUTE = /\ssrc\s*=/i;
const NONCE_ATTRIBUTE = /\snonce\s*=\s*"([^"]*)"/i;

/**
 * `'sha256-…'` for every inline script carrying this nonce, in document order, without repeats.
 * `html` is the page's text, or its bytes one character each (`latin1`, which is quicker to read
 * a large page as): the hash is of the bytes the browser receives either way.
 */
export function inlineScriptHashes(html: string, nonce: string, text: "utf8" | "latin1" = "utf8"): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = "", content = ""] of html.matchAll(SCRIPT_ELEMENT)) {
    if (SOURCE_ATTRIBUTE.test(attributes) || NONCE_ATTRIBUTE.exec(attributes)?.[1] !== nonce) continue;
    hashes.add(`'sha256-${createHash("sha256").update(content, text).digest("base64")}'`);
  }
  return [...hashes];
}

/** The nonce a policy's script-src names, if any. */
export function policyNonce(policy: string): string | null {
  return /'nonce-([^']+)'/.exec(policy)?.[1] ?? null;
}

/** The policy with its script-src's nonce and 'strict-dynamic' replaced by these hashes. */
export function withScriptHashes(policy: string, hashes: string[]): string {
  return policy
    .split(";")
    .map((directive) => directive.trim())
    .filter(Boolean)
    .map((directive) => {
      const [name, ...sources] = directive.split(/\s+/);
      if (name !== "script-src") return directive;
      const kept = sources.filter((source) => !source.startsWith("'nonce-") && source !== "'strict-dynamic'");
      return [name, ...kept, ...hashes].join(" ");
    })
    .join("; ");
}

/** The policy with these hashes added to its style-src (the `'sha256-…'` of inlined style sheets). */
export function withStyleHashes(policy: string, hashes: string[]): string {
  if (hashes.length === 0) return policy;
  return policy
    .split(";")
    .map((directive) => directive.trim())
    .filter(Boolean)
    .map((directive) => (directive.split(/\s+/)[0] === "style-src" ? [directive, ...hashes].join(" ") : directive))
    .join("; ");
}

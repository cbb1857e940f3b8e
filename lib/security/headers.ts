/**
 * Security headers. Pages get a per-request nonce CSP from proxy.ts; everything
 * else gets the static headers from next.config.ts. Only /embed/* may be framed.
 */

export const EMBED_PATH_PREFIX = "/embed/";
/** /embed/… in English, /ru/embed/… in Russian (lib/i18n/routing.ts). */
const EMBED_PATH = /^(\/ru)?\/embed\//;

export function isEmbedPath(pathname: string): boolean {
  return EMBED_PATH.test(pathname);
}

export function pageContentSecurityPolicy(options: { nonce: string; frameable: boolean; dev: boolean }): string {
  const directives = [
    "default-src 'self'",
    // Next.js's own inline scripts carry the nonce; 'strict-dynamic' trusts what they load.
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // Chart libraries set style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${options.frameable ? "*" : "'none'"}`,
  ];
  return directives.join("; ");
}

/** For API responses and files: nothing may run, nothing may frame them. */
export const NON_PAGE_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

export const COMMON_SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

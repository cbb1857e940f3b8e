/**
 * Security headers. Pages get a per-request nonce CSP from proxy.ts; everything
 * else gets the static headers from next.config.ts. Only /embed/* may be framed
 * (lib/security/embed-path.ts). next.config.ts imports this file: it imports nothing.
 */

export function pageContentSecurityPolicy(options: { nonce: string; frameable: boolean; dev: boolean }): string {
  const directives = [
    "default-src 'self'",
    // Next.js's own inline scripts carry the nonce; 'strict-dynamic' trusts what they load.
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // Style sheets come from the site only: no page has a <style> element (next dev injects them).
    `style-src 'self'${options.dev ? " 'unsafe-inline'" : ""}`,
    // React writes style props (chart colours, sizes, positions) into the HTML as attributes.
    "style-src-attr 'unsafe-inline'",
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

/** HTTPS only for a year, subdomains included; browsers ignore it on plain HTTP (localhost). Production only. */
export const STRICT_TRANSPORT_SECURITY = { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" };

export const COMMON_SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

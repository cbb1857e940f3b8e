/**
 * Where to send someone after they sign in. Only same-site relative paths are
 * accepted ("/staff/users?x=1", "/ru/staff"); anything else (absolute URLs,
 * protocol-relative "//evil.example", backslash tricks, control characters)
 * becomes the fallback. Pure, so it is unit-tested and safe to use anywhere.
 */
export function safeNextPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  try {
    const base = "http://same-site.invalid";
    const url = new URL(value, base);
    if (url.origin !== base) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/** The request header in which proxy.ts passes the requested path and query to pages. */
export const REQUEST_PATH_HEADER = "x-kst-path";

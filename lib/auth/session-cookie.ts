/**
 * better-auth's cookies are named `<prefix>.<name>` (`kst.session_token`), and
 * in production `__Secure-kst.session_token`. lib/auth/auth.ts configures the
 * prefix from here; the production server and proxy.ts use it to recognise a
 * request that may belong to a signed-in person (docs/decisions/0008).
 */
export const AUTH_COOKIE_PREFIX = "kst";

const AUTH_COOKIE_NAME = new RegExp(`^(__Secure-|__Host-)?${AUTH_COOKIE_PREFIX}\\.`, "i");

/**
 * Whether a Cookie header carries any of the app's authentication cookies,
 * valid or not. Such a request is never answered from, or stored in, a shared
 * cache, and its answer is never marked public: checking the session itself
 * would cost a database query before the cache could answer.
 */
export function carriesSessionCookie(cookieHeader: string | string[] | null | undefined): boolean {
  if (!cookieHeader) return false;
  const text = Array.isArray(cookieHeader) ? cookieHeader.join("; ") : cookieHeader;
  return text.split(";").some((pair) => AUTH_COOKIE_NAME.test(pair.trim().split("=", 1)[0]!.trim()));
}

import { renderedPathname, splitLocale } from "@/lib/http/request-path";

export const EMBED_PATH_PREFIX = "/embed/";

/**
 * Whether an address renders an embed (/embed/… in English, /ru/embed/… in
 * Russian): judged on the page it renders, so no spelling of a staff address
 * (`/embed/%252e%252e/staff/users`) can be framed.
 */
export function isEmbedPath(requestedPath: string): boolean {
  const rendered = renderedPathname(requestedPath);
  return rendered !== null && splitLocale(rendered).path.startsWith(EMBED_PATH_PREFIX);
}

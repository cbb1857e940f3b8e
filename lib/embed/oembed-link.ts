/**
 * The oEmbed endpoint's address for a page (the discovery `<link>` and the
 * embed dialog both point here): `/api/oembed?url=<page URL>&format=json`.
 */
export const OEMBED_PATH = "/api/oembed";

export function oembedDiscoveryHref(origin: string, pageUrl: string): string {
  return `${origin}${OEMBED_PATH}?${new URLSearchParams({ url: pageUrl, format: "json" })}`;
}

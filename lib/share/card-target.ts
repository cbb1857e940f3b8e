/**
 * Which social card an image URL asks for, and that URL: `/api/og/<view>` for
 * the site's views, `/api/og/incident/<slug>` and `/api/og/isp/<slug>` for one
 * incident or operator. The query carries the locale and the view's filters
 * (or an embed's rolling `last=`), so the card shows the same period as the page.
 */
export const OG_PATH = "/api/og";

export const CARD_VIEWS = ["home", "incidents", "timeline", "map", "isps", "api-docs"] as const;
export type CardView = (typeof CARD_VIEWS)[number];

export type CardTarget = { kind: "view"; view: CardView } | { kind: "incident"; slug: string } | { kind: "isp"; slug: string };

/** Social cards are 1200×630, the size Open Graph and Twitter's large-image card expect. */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export function isCardView(value: string): value is CardView {
  return (CARD_VIEWS as readonly string[]).includes(value);
}

/** Whether a target's card depends on the filters (the dashboard views and an operator's page do; the overview, the API and an incident do not). */
export function cardTakesFilters(target: CardTarget): boolean {
  return target.kind === "isp" || (target.kind === "view" && target.view !== "home" && target.view !== "api-docs");
}

/** The card image's path and query: locale first, then the parameters A–Z (one URL per card, for the caches). */
export function cardImagePath(target: CardTarget, locale: string, query: Record<string, string | string[]> = {}): string {
  const path =
    target.kind === "view" ? `${OG_PATH}/${target.view}` : `${OG_PATH}/${target.kind}/${encodeURIComponent(target.slug)}`;
  const params = new URLSearchParams({ locale });
  if (cardTakesFilters(target)) {
    for (const name of Object.keys(query).sort()) {
      for (const value of [query[name] ?? []].flat().toSorted()) params.append(name, value);
    }
  }
  return `${path}?${params}`;
}

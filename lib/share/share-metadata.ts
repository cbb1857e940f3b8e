import "server-only";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { oembedDiscoveryHref } from "@/lib/embed/oembed-link";
import { getPathname } from "@/lib/i18n/pathname";
import type { Locale } from "@/lib/i18n/routing";
import { filtersOf, filtersToQuery, knownFilterValues } from "@/lib/schemas/incident-filters";
import { ZCardFilterParams } from "@/lib/schemas/social-card";
import { readUrlState } from "@/lib/schemas/url-state";
import { listOperators } from "@/lib/server/operators/list-operators";
import { listRegions } from "@/lib/server/regions/list-regions";
import { CARD_HEIGHT, CARD_WIDTH, cardImagePath, cardTakesFilters, type CardTarget } from "@/lib/share/card-target";
import { siteOrigin } from "@/lib/site-url";

type SearchParams = Record<string, string | string[] | undefined>;
type AlternateTypes = NonNullable<NonNullable<Metadata["alternates"]>["types"]>;

export const OEMBED_LINK_TYPE = "application/json+oembed";

export type ShareMetadataOptions = {
  locale: string;
  /** The page's path without the locale prefix: "/timeline", "/embed/isp/kcell". */
  path: string;
  /** The page's query: kept in its URL (og:url, oEmbed) and, for the filters, in its card's. */
  searchParams?: SearchParams;
  title: string;
  description: string;
  card: CardTarget;
  /** Feed links the page already has (lib/feeds/feed-links.ts): kept beside the oEmbed link. */
  feeds?: AlternateTypes;
  /** Pages other sites can embed get the oEmbed discovery link. */
  oembed?: boolean;
};

function definedQuery(query: SearchParams): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string | string[]] => entry[1] !== undefined));
}

/** The filters of a page's query the card can take (lib/schemas/social-card.ts): the accepted ones (ignored values are dropped, as on the page) and an embed's `last`. */
async function cardQuery(query: SearchParams): Promise<Record<string, string | string[]>> {
  const [operators, regions] = await Promise.all([listOperators({ caller: ANONYMOUS }), listRegions({ caller: ANONYMOUS, locale: "en" })]);
  const known = knownFilterValues({ operators: operators.map((entry) => entry.slug), regions: regions.map((entry) => entry.slug) });
  const { last, ...state } = readUrlState(ZCardFilterParams, query, { mode: "lenient", allowed: known }).state;
  const result = filtersToQuery(filtersOf(state));
  if (last !== undefined) {
    delete result.from;
    delete result.to;
    result.last = String(last);
  }
  return result;
}

/**
 * A page's sharing metadata: Open Graph and Twitter card tags pointing at its
 * social card (app/api/og), and its `alternates` — the feed links it already
 * had plus, for embeddable pages, the oEmbed discovery link. Every URL is
 * absolute (siteOrigin()).
 */
export async function shareMetadata(options: ShareMetadataOptions): Promise<Metadata> {
  const origin = await siteOrigin();
  const t = await getTranslations({ locale: options.locale, namespace: "socialCards" });
  const site = await getTranslations({ locale: options.locale, namespace: "site" });
  const query = definedQuery(options.searchParams ?? {});
  const href = Object.keys(query).length > 0 ? { pathname: options.path, query } : options.path;
  const url = `${origin}${getPathname({ href, locale: options.locale as Locale })}`;
  const imageQuery = cardTakesFilters(options.card) ? await cardQuery(query) : {};
  const image = {
    url: `${origin}${cardImagePath(options.card, options.locale, imageQuery)}`,
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    alt: t("imageAlt", { title: options.title }),
    type: "image/png",
  };
  const types: AlternateTypes = { ...options.feeds };
  if (options.oembed) types[OEMBED_LINK_TYPE] = [{ url: oembedDiscoveryHref(origin, url), title: t("oembedTitle", { title: options.title }) }];
  return {
    metadataBase: new URL(origin),
    openGraph: {
      type: "website",
      siteName: site("name"),
      title: options.title,
      description: options.description,
      url,
      locale: options.locale === "ru" ? "ru_RU" : "en_US",
      images: [image],
    },
    twitter: {
      card: "summary_large_image",
      title: options.title,
      description: options.description,
      images: [{ url: image.url, alt: image.alt, width: image.width, height: image.height }],
    },
    alternates: { types },
  };
}

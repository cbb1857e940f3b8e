import "server-only";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { shareMetadata } from "@/lib/share/share-metadata";

type SearchParams = Record<string, string | string[] | undefined>;
type WholeView = "timeline" | "map" | "isps";

const VIEW_NAMESPACES = { timeline: "timelineView", map: "mapView", isps: "ispsView" } as const;

/** The metadata of a whole view's page (/timeline, /map, /isps): its title and lede, its card, its oEmbed link. */
export async function viewPageMetadata(locale: string, view: WholeView, searchParams: SearchParams): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: VIEW_NAMESPACES[view] });
  const title = t("title");
  const description = t("lede");
  const share = await shareMetadata({ locale, path: `/${view}`, searchParams, title, description, card: { kind: "view", view }, oembed: true });
  return { title, description, ...share };
}

/** The metadata of a whole view's embed (/embed/timeline, /embed/map, /embed/isps): the same card, no indexing. */
export async function embedViewMetadata(locale: string, view: WholeView, searchParams: SearchParams): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "embed" });
  const cards = await getTranslations({ locale, namespace: "socialCards" });
  const title = t(`${view}Title`);
  const description = cards("descriptions.embed");
  const share = await shareMetadata({ locale, path: `/embed/${view}`, searchParams, title, description, card: { kind: "view", view }, oembed: true });
  return { title, description, robots: { index: false }, ...share };
}

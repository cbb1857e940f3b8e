import "server-only";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { shareMetadata } from "@/lib/share/share-metadata";
import type { SearchParams } from "../(public)/read-view-filters";

type EmbedView = "timeline" | "map" | "isps";

/** The metadata of a whole-view embed (/embed/timeline, /embed/map, /embed/isps): its title, its card, no indexing. */
export async function embedViewMetadata(locale: string, view: EmbedView, searchParams: SearchParams): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "embed" });
  const cards = await getTranslations({ locale, namespace: "socialCards" });
  const title = t(`${view}Title`);
  const description = cards("descriptions.embed");
  const share = await shareMetadata({ locale, path: `/embed/${view}`, searchParams, title, description, card: { kind: "view", view }, oembed: true });
  return { title, description, robots: { index: false }, ...share };
}

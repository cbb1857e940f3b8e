import "server-only";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FEED_FORMATS, FEED_LINK_TYPES, incidentFeedPath } from "@/lib/feeds/build-incident-feed";
import { siteOrigin } from "@/lib/site-url";

/**
 * `alternates.types` for a page's metadata: `<link rel="alternate">` to the
 * global incident feeds, or to one operator's, in the page's language.
 */
export async function incidentFeedAlternates(options: { locale: string; operator?: { slug: string; name: string } }): Promise<NonNullable<Metadata["alternates"]>["types"]> {
  const t = await getTranslations({ locale: options.locale, namespace: "incidentFeeds" });
  const origin = await siteOrigin();
  const title = options.operator ? t("operatorTitle", { operator: options.operator.name }) : t("globalTitle");
  return Object.fromEntries(
    FEED_FORMATS.map((format) => [
      FEED_LINK_TYPES[format],
      [{ url: `${origin}${incidentFeedPath(format, { operator: options.operator?.slug, locale: options.locale })}`, title: `${title} (${t(`formats.${format}`)})` }],
    ]),
  );
}

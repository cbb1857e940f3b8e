import { getTranslations } from "next-intl/server";
import { FEED_FORMATS, FEED_LINK_TYPES, incidentFeedPath } from "@/lib/feeds/build-incident-feed";

/** "Subscribe: RSS · Atom · JSON Feed" to the global incident feeds, or to one operator's. */
export async function FeedSubscribeLinks({ locale, operator }: { locale: string; operator?: string }) {
  const t = await getTranslations("incidentFeeds");
  return (
    <p className="feed-links">
      {t("subscribe")}{" "}
      {FEED_FORMATS.map((format, index) => (
        <span key={format}>
          {index > 0 && " · "}
          {/* Plain links: feeds are files, not localised pages. */}
          <a href={incidentFeedPath(format, { operator, locale })} type={FEED_LINK_TYPES[format]}>
            {t(`formats.${format}`)}
          </a>
        </span>
      ))}
    </p>
  );
}

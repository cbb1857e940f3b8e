import { getTranslations } from "next-intl/server";
import type { TimelineItem } from "@/lib/timeline/items";
import { formatTimelineInstant } from "@/lib/timeline/format-instant";
import type { ZoneChoice } from "@/lib/time/format";

/** The timeline's one-sentence text summary: how many incidents, how many ongoing, over which period. */
export async function TimelineSummary({ items, domain, zone, locale }: {
  items: TimelineItem[];
  domain: { start: number; end: number };
  zone: ZoneChoice;
  locale: string;
}) {
  const t = await getTranslations("timelineView");
  return (
    <p data-timeline-summary="">
      {t("summary", {
        count: items.length,
        ongoing: items.filter((item) => item.open).length,
        from: formatTimelineInstant(domain.start, zone, locale),
        to: formatTimelineInstant(domain.end, zone, locale),
      })}
    </p>
  );
}

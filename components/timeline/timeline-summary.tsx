import { getTranslations } from "next-intl/server";
import type { TimelineItem } from "@/lib/timeline/items";
import { windowBounds } from "@/lib/timeline/format-instant";
import type { ZoneChoice } from "@/lib/time/format";

/**
 * The timeline's one-sentence text summary: how many incidents, over which
 * period (whole days read as days: "1 Jan 2022 to 31 Jan 2022"), how many are
 * ongoing and how many have no recorded end.
 */
export async function TimelineSummary({ items, domain, zone, locale }: {
  items: TimelineItem[];
  domain: { start: number; end: number };
  zone: ZoneChoice;
  locale: string;
}) {
  const t = await getTranslations("timelineView");
  const { from, to } = windowBounds(domain, zone, locale);
  return (
    <p data-timeline-summary="">
      {t("summary", {
        count: items.length,
        ongoing: items.filter((item) => item.endStatus === "ONGOING").length,
        notRecorded: items.filter((item) => item.endStatus === "NOT_RECORDED").length,
        from,
        to,
      })}
    </p>
  );
}

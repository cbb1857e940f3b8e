import type { ChartDownloadTable } from "@/components/charts/chart-downloads";
import { periodOfInstants } from "@/lib/charts/export/table";
import type { TimelineItem } from "@/lib/timeline/items";
import type { TimeWindow } from "@/lib/timeline/view-window";
import { timeZoneOf, type ZoneChoice } from "@/lib/time/format";

type Translate = (key: string, values?: Record<string, string>) => string;

/** The timeline's download: the incidents drawn in the visible window, in time order (the rows of the table under it). */
export function timelineDownloadTable(
  items: TimelineItem[],
  indexes: number[],
  view: TimeWindow,
  zone: ZoneChoice,
  title: string,
  t: Translate,
  typeName: (type: TimelineItem["type"]) => string,
): ChartDownloadTable {
  const column = (key: string, message: string) => ({ key, label: t(`columns.${message}`), description: t(`columns.${message}`) });
  return {
    title,
    period: periodOfInstants(view.start, view.end, timeZoneOf(zone)),
    source: t("source.incidents"),
    columns: [
      column("incident", "incident"),
      column("title", "title"),
      column("type", "type"),
      column("type_name", "typeName"),
      column("start", "start"),
      column("end", "end"),
      column("ongoing", "ongoing"),
      column("operators", "operators"),
    ],
    rows: indexes.map((index) => {
      const item = items[index]!;
      return {
        incident: item.slug,
        title: item.title,
        type: item.type,
        type_name: typeName(item.type),
        start: new Date(item.start).toISOString(),
        end: new Date(item.end).toISOString(),
        ongoing: item.open,
        operators: item.operators.join(" "),
      };
    }),
  };
}

/** The overview's compact timeline as a download: every incident bar, in time order, with the end it is drawn to. */
export function compactTimelineDownloadTable(
  bars: { slug: string; title: string; type: TimelineItem["type"]; start: Date; end: Date; open: boolean }[],
  domain: { from: Date; to: Date },
  title: string,
  t: Translate,
  typeName: (type: TimelineItem["type"]) => string,
): ChartDownloadTable {
  const column = (key: string, message: string) => ({ key, label: t(`columns.${message}`), description: t(`columns.${message}`) });
  return {
    title,
    period: periodOfInstants(domain.from, domain.to, timeZoneOf("local")),
    source: t("source.incidents"),
    columns: [
      column("incident", "incident"),
      column("title", "title"),
      column("type", "type"),
      column("type_name", "typeName"),
      column("start", "start"),
      column("end", "end"),
      column("ongoing", "ongoing"),
    ],
    rows: bars.map((bar) => ({
      incident: bar.slug,
      title: bar.title,
      type: bar.type,
      type_name: typeName(bar.type),
      start: bar.start.toISOString(),
      end: bar.end.toISOString(),
      ongoing: bar.open,
    })),
  };
}

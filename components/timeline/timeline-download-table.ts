import type { ChartDownloadTable } from "@/components/charts/chart-downloads";
import { periodOfInstants, type ChartPeriod } from "@/lib/charts/export/table";
import type { TimelineItem } from "@/lib/timeline/items";
import type { TimeWindow } from "@/lib/timeline/view-window";
import { timeZoneOf, type ZoneChoice } from "@/lib/time/format";
import { CURATED_SOURCES } from "@/lib/credits/data-credits";

type Translate = (key: string, values?: Record<string, string>) => string;

/** An incident as a bar of a timeline chart, with the end it is drawn to and what is known of its end. */
type IncidentBar = { slug: string; title: string; type: TimelineItem["type"]; start: Date; end: Date; endStatus: TimelineItem["endStatus"]; operators?: string[] };

/** A timeline chart's download: a row per incident bar, in the order given, with an operators column when asked. */
function incidentBarsTable(
  bars: IncidentBar[],
  period: ChartPeriod,
  title: string,
  t: Translate,
  typeName: (type: TimelineItem["type"]) => string,
  withOperators: boolean,
): ChartDownloadTable {
  const column = (key: string, message: string) => ({ key, label: t(`columns.${message}`), description: t(`columns.${message}`) });
  return {
    title,
    period,
    source: t("source.incidents"),
    sources: [...CURATED_SOURCES],
    columns: [
      column("incident", "incident"),
      column("title", "title"),
      column("type", "type"),
      column("type_name", "typeName"),
      column("start", "start"),
      column("end", "end"),
      column("ongoing", "ongoing"),
      column("end_status", "endStatus"),
      ...(withOperators ? [column("operators", "operators")] : []),
    ],
    rows: bars.map((bar) => ({
      incident: bar.slug,
      title: bar.title,
      type: bar.type,
      type_name: typeName(bar.type),
      start: bar.start.toISOString(),
      end: bar.end.toISOString(),
      ongoing: bar.endStatus === "ONGOING",
      end_status: bar.endStatus,
      ...(withOperators ? { operators: (bar.operators ?? []).join(" ") } : {}),
    })),
  };
}

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
  const bars = indexes.map((index) => {
    const item = items[index]!;
    return { slug: item.slug, title: item.title, type: item.type, start: new Date(item.start), end: new Date(item.end), endStatus: item.endStatus, operators: item.operators };
  });
  return incidentBarsTable(bars, periodOfInstants(view.start, view.end, timeZoneOf(zone)), title, t, typeName, true);
}

/** The overview's compact timeline as a download: every incident bar, in time order, with the end it is drawn to. */
export function compactTimelineDownloadTable(
  bars: IncidentBar[],
  domain: { from: Date; to: Date },
  title: string,
  t: Translate,
  typeName: (type: TimelineItem["type"]) => string,
): ChartDownloadTable {
  return incidentBarsTable(bars, periodOfInstants(domain.from, domain.to, timeZoneOf("local")), title, t, typeName, false);
}

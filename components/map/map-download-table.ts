import type { ChartDownloadTable } from "@/components/charts/chart-downloads";
import type { MapModel, MapModelFrame } from "@/lib/geo/map-model";
import { KAZAKHSTAN_TIME_ZONE } from "@/lib/time/format";

type Translate = (key: string, values?: Record<string, string>) => string;

/** The map's download: every region's figures in the frame shown (null where the region did not exist yet). */
export function mapDownloadTable(model: MapModel, frame: MapModelFrame, title: string, t: Translate): ChartDownloadTable {
  const column = (key: string, message: string, unit?: string) => ({ key, label: t(`columns.${message}`), description: t(`columns.${message}`), ...(unit ? { unit } : {}) });
  return {
    title,
    period: { from: frame.fromDay, to: frame.toDay, timeZone: KAZAKHSTAN_TIME_ZONE },
    source: t("source.curated"),
    columns: [
      column("region", "region"),
      column("name", "regionName"),
      column("incidents", "regionIncidents", "incidents"),
      column("local_incidents", "regionLocal", "incidents"),
      column("hours", "regionHours", "hours"),
    ],
    rows: model.regions.map((region, index) => {
      const figures = frame.figures[index] ?? null;
      return {
        region: region.slug,
        name: region.name,
        incidents: figures ? figures[1].length : null,
        local_incidents: figures ? figures[1].filter((incident) => model.incidents[incident]?.scope !== "NATIONAL").length : null,
        hours: figures ? figures[0] : null,
      };
    }),
  };
}

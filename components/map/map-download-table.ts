import type { ChartDownloadTable } from "@/components/charts/chart-downloads";
import { MEASURES } from "@/lib/incidents/disruption-hours";
import { openHoursOf, type MapModel, type MapModelFrame } from "@/lib/geo/map-model";
import { KAZAKHSTAN_TIME_ZONE } from "@/lib/time/format";
import { CURATED_SOURCES } from "@/lib/credits/data-credits";

type Translate = (key: string, values?: Record<string, string>) => string;

/**
 * The map's download: every region's figures in the frame shown (null where
 * the region did not exist yet): incidents, each measure's hours with the
 * hours of it that rest on an open end, and the phases not counted.
 */
export function mapDownloadTable(model: MapModel, frame: MapModelFrame, title: string, t: Translate, measures: Translate): ChartDownloadTable {
  const column = (key: string, message: string, unit?: string) => ({ key, label: t(`columns.${message}`), description: t(`columns.${message}`), ...(unit ? { unit } : {}) });
  return {
    title,
    period: { from: frame.fromDay, to: frame.toDay, timeZone: KAZAKHSTAN_TIME_ZONE },
    source: t("source.curated"),
    sources: [...CURATED_SOURCES],
    columns: [
      column("region", "region"),
      column("name", "regionName"),
      column("incidents", "regionIncidents", "incidents"),
      column("local_incidents", "regionLocal", "incidents"),
      ...MEASURES.flatMap((measure) => {
        const name = measures(`names.${measure}`);
        return [
          { key: measure, label: name, description: t("columns.measureHours", { name, counts: measures(`counts.region.${measure}`) }), unit: "hours" },
          { key: `${measure}_open_end_hours`, label: `${name}: open_end_hours`, description: t("columns.regionOpenHours", { name }), unit: "hours" },
        ];
      }),
      column("uncounted_phases", "uncountedPhases", "phases"),
    ],
    rows: model.regions.map((region, index) => {
      const figures = frame.figures[index] ?? null;
      return {
        region: region.slug,
        name: region.name,
        incidents: figures ? figures.incidents.length : null,
        local_incidents: figures ? figures.incidents.filter((incident) => model.incidents[incident]?.scope !== "NATIONAL").length : null,
        ...Object.fromEntries(
          MEASURES.flatMap((measure, position) => [
            [measure, figures ? (figures.hours[position] ?? 0) : null],
            [`${measure}_open_end_hours`, figures ? openHoursOf(figures, measure) : null],
          ]),
        ),
        uncounted_phases: figures ? figures.uncounted : null,
      };
    }),
  };
}

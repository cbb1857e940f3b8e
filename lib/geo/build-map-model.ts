import "server-only";
import { MEASURES, type Measure } from "@/lib/incidents/disruption-hours";
import type { RegionDisruptionSummary } from "@/lib/server/regions/summarize-region-disruption";
import { kazakhstanCalendarDay } from "./region-disruption";
import { kazakhstanMap, UNASSIGNED_POLYGON_ID } from "./kazakhstan-map";
import { classScale } from "./map-classes";
import { figureValue, MAP_MEASURES, type MapMeasure, type MapModel, type MapModelFrame } from "./map-model";

/** Joins the region figures to the projected map, in the compact shape the map island reads. */
export function buildMapModel(summary: RegionDisruptionSummary): MapModel {
  const map = kazakhstanMap();
  const regions = summary.regions.map((region) => ({
    slug: region.slug,
    kind: region.kind,
    name: region.name,
    centreName: region.centreName,
    centre: map.project([region.centreLon, region.centreLat]),
    marker: region.kind === "CITY" || region.parent !== null,
    parent: region.parent,
    establishedOn: region.establishedOn,
  }));
  const ownerOf = new Map(summary.regions.filter((region) => region.parent === null).map((region) => [region.mapPolygonId, region.slug]));
  const polygons = map.polygons.map((polygon) => ({
    ...polygon,
    owner: polygon.id === UNASSIGNED_POLYGON_ID ? null : (ownerOf.get(polygon.id) ?? null),
  }));
  const frames: MapModelFrame[] = summary.frames.map((frame) => ({
    key: frame.key,
    fromDay: frame.fromDay,
    toDay: frame.toDay,
    figures: summary.regions.map((region) => {
      const figures = frame.figures[region.slug];
      if (!figures) return null;
      const open = (measure: Measure) => Math.round((figures.measures[measure].toNowHours + figures.measures[measure].toLastReportHours) * 10) / 10;
      return {
        hours: MEASURES.map((measure) => figures.measures[measure].hours),
        openHours: MEASURES.map(open),
        incidents: figures.incidents,
        uncounted: figures.uncounted,
      };
    }),
  }));
  const maxOf = (measure: MapMeasure, selected: MapModelFrame[]) =>
    Math.max(0, ...selected.flatMap((frame) => frame.figures.map((figures) => figureValue(figures, measure) ?? 0)));
  const scales = Object.fromEntries(
    MAP_MEASURES.map((measure) => [measure, { whole: classScale(maxOf(measure, frames.slice(0, 1))), month: classScale(maxOf(measure, frames.slice(1))) }]),
  ) as MapModel["scales"];
  return {
    width: map.width,
    height: map.height,
    polygons,
    regions,
    incidents: summary.incidents.map((incident) => ({
      slug: incident.slug,
      title: incident.title,
      scope: incident.scope,
      type: incident.type,
      startDay: kazakhstanCalendarDay(incident.startsAt),
    })),
    frames,
    scales,
  };
}

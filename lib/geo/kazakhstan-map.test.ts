import { geoArea, geoContains } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { describe, expect, it } from "vitest";
import kazTopology from "./data/kaz.topo.json";
import { SEED_REGIONS } from "@/prisma/seed/regions";
import { kazakhstanMap, MAP_WIDTH, UNASSIGNED_POLYGON_ID } from "./kazakhstan-map";

const topology = kazTopology as unknown as Topology<{ kaz: GeometryCollection<{ name: string | null }> }>;
const polygons = feature(topology, topology.objects.kaz).features;
const EARTH_RADIUS_KM = 6371;

describe("the Natural Earth map of Kazakhstan", () => {
  it("has the 16 pre-2018 first-level polygons and one unassigned feature", () => {
    const ids = polygons.map((polygon) => String(polygon.id)).sort();
    expect(ids).toEqual(
      ["KZ.AA", "KZ.AC", "KZ.AM", "KZ.AR", "KZ.AS", "KZ.AT", "KZ.EK", "KZ.MG", "KZ.NK", "KZ.PA", "KZ.QG", "KZ.QO", "KZ.QS", "KZ.SK", "KZ.WK", "KZ.ZM", UNASSIGNED_POLYGON_ID].sort(),
    );
  });

  it("leaves only two islets (under 50 km² together) to no region", () => {
    const unassigned = polygons.find((polygon) => String(polygon.id) === UNASSIGNED_POLYGON_ID)!;
    expect(unassigned.properties.name).toBeNull();
    expect(unassigned.geometry.type).toBe("MultiPolygon");
    expect(geoArea(unassigned) * EARTH_RADIUS_KM ** 2).toBeLessThan(50);
  });

  it("holds every region's administrative centre inside the polygon the seed draws it in", () => {
    for (const region of SEED_REGIONS) {
      const polygon = polygons.find((candidate) => String(candidate.id) === region.mapPolygonId);
      expect(polygon, region.slug).toBeDefined();
      expect(geoContains(polygon!, [region.centre.lon, region.centre.lat]), region.slug).toBe(true);
    }
  });

  it("projects into the SVG frame, with a path for every polygon", () => {
    const map = kazakhstanMap();
    expect(map.width).toBe(MAP_WIDTH);
    expect(map.height).toBeGreaterThan(300);
    expect(map.height).toBeLessThan(600);
    expect(map.polygons).toHaveLength(17);
    for (const polygon of map.polygons) {
      expect(polygon.d, polygon.id).toMatch(/^M[-\d]/);
      const [x, y] = polygon.labelAt;
      expect(x >= 0 && x <= map.width && y >= 0 && y <= map.height, polygon.id).toBe(true);
    }
    const [x, y] = map.project([71.45, 51.17]); // Astana, north of the middle
    expect(x).toBeGreaterThan(map.width * 0.5);
    expect(y).toBeLessThan(map.height * 0.5);
  });
});

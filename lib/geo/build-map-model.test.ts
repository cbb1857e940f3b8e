import { describe, expect, it } from "vitest";
import type { RegionDisruptionSummary, RegionOnMap } from "@/lib/server/regions/summarize-region-disruption";
import { buildMapModel } from "./build-map-model";
import { UNASSIGNED_POLYGON_ID } from "./kazakhstan-map";

const region = (overrides: Partial<RegionOnMap> & Pick<RegionOnMap, "slug" | "mapPolygonId">): RegionOnMap => ({
  kind: "REGION",
  name: overrides.slug,
  centreName: "Centre",
  centreLat: 49.95,
  centreLon: 82.61,
  parent: null,
  establishedOn: null,
  ...overrides,
});

const REGIONS = [
  region({ slug: "astana", kind: "CITY", mapPolygonId: "KZ.AS", centreLat: 51.17, centreLon: 71.45 }),
  region({ slug: "east-kazakhstan", mapPolygonId: "KZ.EK" }),
  region({ slug: "abai", mapPolygonId: "KZ.EK", parent: { slug: "east-kazakhstan", name: "East" }, establishedOn: "2022-06-08" }),
];

const measure = (hours: number, open = 0) => ({ hours, onAndOffHours: 0, toNowHours: 0, toLastReportHours: open });
/** Full-blackout hours (with `open` of them to a last report), partial and blocking at 0 and 5. */
const figures = (hours: number, incidents: number[], open = 0) => ({
  count: incidents.length,
  local: 0,
  measures: { full_blackout: measure(hours, open), partial_disruption: measure(0), service_blocking: measure(5) },
  uncounted: 0,
  incidents,
});

const SUMMARY: RegionDisruptionSummary = {
  period: { from: new Date("2022-04-30T18:00:00Z"), to: new Date("2022-06-30T18:00:00Z"), fromDay: "2022-05-01", toDay: "2022-06-30", fromFilters: true },
  regions: REGIONS,
  incidents: [
    { slug: "a", title: "A", scope: "NATIONAL", type: "FULL_BLACKOUT", startsAt: new Date("2022-05-01T00:00:00Z") },
    { slug: "b", title: "B", scope: "REGIONAL", type: "THROTTLING", startsAt: new Date("2022-06-09T00:00:00Z") },
  ],
  frames: [
    { key: "all", from: new Date(0), to: new Date(1), fromDay: "2022-05-01", toDay: "2022-06-30", figures: { astana: figures(1200, [0, 1]), "east-kazakhstan": figures(40, [0]), abai: figures(30, [0]) } },
    { key: "2022-05", from: new Date(0), to: new Date(1), fromDay: "2022-05-01", toDay: "2022-05-31", figures: { astana: figures(10, [0], 4), "east-kazakhstan": figures(10, [0]), abai: null } },
    { key: "2022-06", from: new Date(0), to: new Date(1), fromDay: "2022-06-01", toDay: "2022-06-30", figures: { astana: figures(744, [0, 1]), "east-kazakhstan": figures(30, [0]), abai: figures(30, [0]) } },
  ],
};

describe("buildMapModel", () => {
  const model = buildMapModel(SUMMARY);

  it("shades each polygon for the unit that owns it, not for units drawn inside it", () => {
    const owners = Object.fromEntries(model.polygons.map((polygon) => [polygon.id, polygon.owner]));
    expect(owners["KZ.AS"]).toBe("astana");
    expect(owners["KZ.EK"]).toBe("east-kazakhstan");
    expect(owners[UNASSIGNED_POLYGON_ID]).toBeNull();
    expect(owners["KZ.AT"]).toBeNull(); // no such unit in this summary
  });

  it("draws cities and units inside a parent as markers at their projected centre", () => {
    expect(model.regions.map((entry) => [entry.slug, entry.marker])).toEqual([
      ["astana", true],
      ["east-kazakhstan", false],
      ["abai", true],
    ]);
    const [x, y] = model.regions[0]!.centre;
    expect(x > 0 && x < model.width && y > 0 && y < model.height).toBe(true);
  });

  it("sends each measure's hours, the open-ended part and the incidents in region order, null before a unit existed", () => {
    expect(model.frames[1]!.figures).toEqual([
      { hours: [10, 0, 5], openHours: [4, 0, 0], incidents: [0], uncounted: 0 },
      { hours: [10, 0, 5], openHours: [0, 0, 0], incidents: [0], uncounted: 0 },
      null,
    ]);
    expect(model.incidents.map((incident) => incident.startDay)).toEqual(["2022-05-01", "2022-06-09"]);
  });

  it("scales the whole period on its own and all months on one shared scale", () => {
    expect(model.scales.count).toEqual({ whole: { step: 1, classes: 2 }, month: { step: 1, classes: 2 } });
    expect(model.scales.full_blackout).toEqual({ whole: { step: 500, classes: 3 }, month: { step: 200, classes: 4 } });
    expect(Object.keys(model.scales)).toEqual(["count", "full_blackout", "partial_disruption", "service_blocking"]);
  });
});

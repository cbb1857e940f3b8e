import { beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { IncidentFilters } from "@/lib/schemas/incident-filters";
import { summarizeRegionDisruption } from "@/lib/server/regions/summarize-region-disruption";
import { createTestIncident } from "@/lib/testing/factories";
import { seedReferenceData } from "@/prisma/seed";

/** Incidents here are dated 2047, a year no other test uses, and every call filters to it. */

beforeAll(async () => {
  await seedReferenceData(getDb());
});

const FILTERS: IncidentFilters = { years: [], operators: [], regions: [], types: [], services: [], causes: [], zone: "local", page: 1 };
const NOW = new Date("2048-06-01T00:00:00Z");

describe("summarizeRegionDisruption", () => {
  it("counts incidents and disruption-hours per region and month, nationwide phases in every region", async () => {
    const regional = await createTestIncident({
      title: "Astana outage",
      scope: "REGIONAL",
      regions: ["astana"],
      startsAt: "2047-03-10T10:00:00+05:00",
      endsAt: "2047-03-10T13:00:00+05:00",
    });
    const nationwide = await createTestIncident({ startsAt: "2047-04-30T20:00:00+05:00" }); // six hours, across the month's end (UTC+5 since 2024)

    const summary = await summarizeRegionDisruption({
      caller: ANONYMOUS,
      filters: { ...FILTERS, from: "2047-03-01", to: "2047-05-31" },
      locale: "en",
      now: NOW,
    });

    expect(summary.period).toMatchObject({ fromDay: "2047-03-01", toDay: "2047-05-31", fromFilters: true });
    expect(summary.frames.map((frame) => frame.key)).toEqual(["all", "2047-03", "2047-04", "2047-05"]);
    expect(summary.incidents.map((incident) => incident.slug)).toEqual([regional.slug, nationwide.slug]);

    const [whole, march, april, may] = summary.frames;
    const full = (figures: { measures: { full_blackout: { hours: number } } } | null | undefined) => figures?.measures.full_blackout.hours;
    expect(whole!.figures.astana).toMatchObject({ count: 2, local: 1, incidents: [0, 1], uncounted: 0 });
    expect(full(whole!.figures.astana)).toBe(9);
    expect(whole!.figures.mangystau).toMatchObject({ count: 1, local: 0, incidents: [1] });
    expect(full(whole!.figures.mangystau)).toBe(6);
    expect(whole!.figures.astana!.measures.partial_disruption.hours).toBe(0);
    expect(march!.figures.astana).toMatchObject({ count: 1, local: 1 });
    expect(full(march!.figures.astana)).toBe(3);
    expect(march!.figures["almaty-city"]).toMatchObject({ count: 0 });
    expect(full(march!.figures["almaty-city"])).toBe(0);
    expect(april!.figures.abai).toMatchObject({ count: 1 });
    expect(full(april!.figures.abai)).toBe(4);
    expect(may!.figures.ulytau).toMatchObject({ count: 1 });
    expect(full(may!.figures.ulytau)).toBe(2);
    expect(may!.fromDay).toBe("2047-05-01");
    expect(may!.toDay).toBe("2047-05-31");
  });

  it("lists every unit with its polygon, the units drawn inside a parent, and names in the reader's language", async () => {
    const summary = await summarizeRegionDisruption({ caller: ANONYMOUS, filters: { ...FILTERS, from: "2047-01-01", to: "2047-01-31" }, locale: "ru", now: NOW });
    expect(summary.regions).toHaveLength(20);
    const bySlug = Object.fromEntries(summary.regions.map((region) => [region.slug, region]));
    expect(bySlug.abai).toMatchObject({ name: "Абайская область", mapPolygonId: "KZ.EK", establishedOn: "2022-06-08", parent: { slug: "east-kazakhstan" } });
    expect(bySlug.shymkent).toMatchObject({ kind: "CITY", mapPolygonId: "KZ.SK", establishedOn: "2018-06-19", parent: { slug: "turkistan" } });
    expect(bySlug.astana).toMatchObject({ mapPolygonId: "KZ.AS", parent: null, establishedOn: null });
    expect(summary.regions.slice(0, 3).every((region) => region.kind === "CITY")).toBe(true);
    expect(summary.frames.map((frame) => frame.key)).toEqual(["all", "2047-01"]);
  });

  it("covers the years asked for when no dates are given", async () => {
    const summary = await summarizeRegionDisruption({ caller: ANONYMOUS, filters: { ...FILTERS, years: [2047] }, locale: "en", now: NOW });
    expect(summary.period).toMatchObject({ fromDay: "2047-01-01", toDay: "2047-12-31" });
    expect(summary.frames).toHaveLength(13);
  });

  it("shows the last day of an open-ended period that holds no incident", async () => {
    const summary = await summarizeRegionDisruption({ caller: ANONYMOUS, filters: { ...FILTERS, to: "1995-03-10" }, locale: "en", now: NOW });
    expect(summary.incidents).toEqual([]);
    expect(summary.period).toMatchObject({ fromDay: "1995-03-10", toDay: "1995-03-10" });
    expect(summary.frames.map((frame) => frame.key)).toEqual(["all", "1995-03"]);
  });
});

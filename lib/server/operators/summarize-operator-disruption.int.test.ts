import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { parseIncidentFilters } from "@/lib/schemas/incident-filters";
import { createTestIncident } from "@/lib/testing/factories";
import { seedDatabase } from "@/prisma/seed";
import { summarizeOperatorDisruption } from "./summarize-operator-disruption";

const KNOWN = { operators: ["kazakhtelecom", "kcell", "beeline", "tele2-altel"], regions: ["almaty-city", "mangystau"] };
const filtersOf = (query: Record<string, string | string[]>) => parseIncidentFilters(query, KNOWN).filters;
const now = new Date("2026-11-01T00:00:00Z");

describe("summarizeOperatorDisruption", () => {
  beforeAll(async () => {
    await seedDatabase(getDb());
    // March 2031, Kazakhstan time (UTC+5 by then): Kcell cut for 6 hours; a second incident whose only phase names Beeline.
    await createTestIncident({ startsAt: "2031-03-10T10:00:00Z", operators: ["kcell"] });
    await createTestIncident({
      startsAt: "2031-03-20T00:00:00Z",
      operators: ["kcell", "beeline"],
      type: "MOBILE_DATA_SHUTDOWN",
      phases: [
        {
          label: "Beeline only",
          type: "MOBILE_DATA_SHUTDOWN",
          extent: "FULL",
          startsAt: "2031-03-20T00:00:00Z",
          startPrecision: "EXACT",
          endsAt: "2031-03-20T03:00:00Z",
          endPrecision: "HOUR",
          operators: ["beeline"],
        },
      ],
    });
  });

  it("counts each operator's hours from the phases that affect it, by month, with one shared maximum", async () => {
    const summary = await summarizeOperatorDisruption({ filters: filtersOf({ from: "2031-03-01", to: "2031-04-30" }), locale: "en", now });
    expect(summary.granularity).toBe("month");
    expect(summary.granularityChosen).toBe(false);
    const byOperator = Object.fromEntries(summary.operators.map((entry) => [entry.operator.slug, entry]));
    expect(byOperator.kcell!.buckets.map((bucket) => [bucket.key, bucket.totalHours])).toEqual([
      ["2031-03", 6],
      ["2031-04", 0],
    ]);
    expect(byOperator.kcell!.buckets[0]!.hoursByType).toEqual({ FULL_BLACKOUT: 6 });
    // The second incident names Kcell, but its only phase names Beeline alone: listed, with no hours.
    expect(byOperator.kcell!.incidents.map((incident) => incident.hours)).toEqual([0, 6]);
    expect(byOperator.beeline!.buckets[0]).toMatchObject({ key: "2031-03", totalHours: 3, hoursByType: { MOBILE_DATA_SHUTDOWN: 3 } });
    expect(byOperator.beeline!.phases.map((phase) => phase.label)).toEqual(["Beeline only"]);
    expect(byOperator.kazakhtelecom!.totalHours).toBe(0);
    expect(byOperator.kazakhtelecom!.incidents).toEqual([]);
    expect(summary.sharedMaxHours).toBe(6);
    expect(summary.types).toEqual(["FULL_BLACKOUT", "MOBILE_DATA_SHUTDOWN"]);
  });

  it("honours the type filter at phase level and a chosen granularity", async () => {
    const summary = await summarizeOperatorDisruption({
      filters: filtersOf({ from: "2031-03-01", to: "2031-03-31", type: "MOBILE_DATA_SHUTDOWN" }),
      locale: "en",
      operatorSlugs: ["kcell", "beeline"],
      granularity: "year",
      now,
    });
    expect(summary.granularityChosen).toBe(true);
    expect(summary.operators.map((entry) => [entry.operator.slug, entry.buckets.map((bucket) => bucket.key), entry.totalHours])).toEqual([
      ["beeline", ["2031"], 3],
      ["kcell", ["2031"], 0],
    ]);
  });

  it("gives every operator hours in January 2022 from the seeded Qantar phases, and shades them", async () => {
    const summary = await summarizeOperatorDisruption({ filters: filtersOf({ from: "2022-01-01", to: "2022-01-31" }), locale: "ru", now });
    expect(summary.operators).toHaveLength(4);
    for (const entry of summary.operators) {
      expect(entry.buckets).toHaveLength(1);
      const [january] = entry.buckets;
      // Overlapping phases count once: no more hours than the month has.
      expect(january!.totalHours).toBeGreaterThan(100);
      expect(january!.totalHours).toBeLessThanOrEqual(31 * 24);
      const stacked = Object.values(january!.hoursByType).reduce((sum, hours) => sum + hours, 0);
      expect(Math.abs(stacked - january!.totalHours)).toBeLessThan(0.5);
      expect(entry.incidents.map((incident) => incident.slug)).toContain("2022-01-qantar-shutdowns");
      expect(entry.phases.length).toBeGreaterThanOrEqual(5);
    }
    const kcell = summary.operators.find((entry) => entry.operator.slug === "kcell")!;
    expect(kcell.operator.asns).toEqual([29355]);
    // Russian titles and labels for a Russian page.
    expect(kcell.phases.some((phase) => phase.label === "Отключение фиксированных и мобильных сетей по всей стране")).toBe(true);
    expect(summary.sharedMaxHours).toBe(Math.max(...summary.operators.map((entry) => entry.peakHours)));
  });

  it("covers the record from the first year an operator is named to now, by year, when no period is given", async () => {
    const summary = await summarizeOperatorDisruption({ filters: filtersOf({}), locale: "en", now });
    expect(summary.granularity).toBe("year");
    expect(summary.operators[0]!.buckets[0]!.key).toBe("2019");
    expect(summary.operators[0]!.buckets.at(-1)!.key).toBe("2026");
  });
});

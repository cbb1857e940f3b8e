import { beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS } from "@/lib/auth/permissions";
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

  it("counts each operator's hours from the phases that count for it, by month and measure, with one shared maximum", async () => {
    const summary = await summarizeOperatorDisruption({ caller: ANONYMOUS, filters: filtersOf({ from: "2031-03-01", to: "2031-04-30" }), locale: "en", now });
    expect(summary.granularity).toBe("month");
    expect(summary.granularityChosen).toBe(false);
    const byOperator = Object.fromEntries(summary.operators.map((entry) => [entry.operator.slug, entry]));
    expect(byOperator.kcell!.buckets.map((bucket) => [bucket.key, bucket.measures.full_blackout.hours])).toEqual([
      ["2031-03", 6],
      ["2031-04", 0],
    ]);
    expect(byOperator.kcell!.buckets[0]!.measures.partial_disruption.hours).toBe(0);
    // The second incident names Kcell, but its only phase names Beeline alone: listed, with no hours.
    expect(byOperator.kcell!.incidents.map((incident) => incident.measures.full_blackout.hours)).toEqual([0, 6]);
    // A mobile-only shutdown is a partial disruption, never a full blackout.
    expect(byOperator.beeline!.buckets[0]!.measures).toMatchObject({ full_blackout: { hours: 0 }, partial_disruption: { hours: 3 } });
    expect(byOperator.beeline!.phases.map((phase) => [phase.label, phase.attribution, phase.measure])).toEqual([["Beeline only", "named", "partial_disruption"]]);
    expect(byOperator.kcell!.phases.map((phase) => phase.attribution)).toEqual(["all_operators"]);
    expect(byOperator.kazakhtelecom!.totals.full_blackout.hours).toBe(0);
    expect(byOperator.kazakhtelecom!.incidents).toEqual([]);
    expect(summary.sharedMaxHours).toBe(6);
  });

  it("honours the type filter at phase level and a chosen granularity", async () => {
    const summary = await summarizeOperatorDisruption({
      caller: ANONYMOUS,
      filters: filtersOf({ from: "2031-03-01", to: "2031-03-31", type: "MOBILE_DATA_SHUTDOWN" }),
      locale: "en",
      operatorSlugs: ["kcell", "beeline"],
      granularity: "year",
      now,
    });
    expect(summary.granularityChosen).toBe(true);
    expect(summary.operators.map((entry) => [entry.operator.slug, entry.buckets.map((bucket) => bucket.key), entry.totals.partial_disruption.hours])).toEqual([
      ["beeline", ["2031"], 3],
      ["kcell", ["2031"], 0],
    ]);
  });

  it("counts January 2022 for every operator as separate measures, from the reviewed seed, and shades its phases", async () => {
    const summary = await summarizeOperatorDisruption({ caller: ANONYMOUS, filters: filtersOf({ from: "2022-01-01", to: "2022-01-31" }), locale: "ru", now });
    expect(summary.operators).toHaveLength(4);
    const hours = Object.fromEntries(
      summary.operators.map((entry) => [entry.operator.slug, [entry.totals.full_blackout.hours, entry.totals.partial_disruption.hours, entry.totals.service_blocking.hours]]),
    );
    // The hand-worked figures are in lib/server/reconciliation.int.test.ts; here: every operator has the same
    // nationwide blackout, only Kcell and Tele2 were throttled on 4 January, and blocking stays apart.
    expect(hours).toEqual({ beeline: [88.5, 41.8, 24], kazakhtelecom: [88.5, 41.8, 24], kcell: [88.5, 60.3, 24], "tele2-altel": [88.5, 60.3, 24] });
    const kcell = summary.operators.find((entry) => entry.operator.slug === "kcell")!;
    expect(kcell.operator.asns).toEqual([29355]);
    expect(kcell.incidents.map((incident) => incident.slug)).toContain("2022-01-qantar-shutdowns");
    // Russian labels for a Russian page; the Almaty phase is regional and counted as such.
    const almaty = kcell.phases.find((phase) => phase.label === "Алматы без интернета около 111 часов")!;
    expect(almaty).toMatchObject({ regional: true, measure: "partial_disruption", attribution: "all_operators" });
    expect(summary.sharedMaxHours).toBe(Math.max(...summary.operators.map((entry) => Math.max(entry.peak.network, entry.peak.service))));
  });

  it("covers the record from the first year an operator is named to now, by year, when no period is given", async () => {
    const summary = await summarizeOperatorDisruption({ caller: ANONYMOUS, filters: filtersOf({}), locale: "en", now });
    expect(summary.granularity).toBe("year");
    expect(summary.operators[0]!.buckets[0]!.key).toBe("2019");
    expect(summary.operators[0]!.buckets.at(-1)!.key).toBe("2026");
  });
});

import { describe, expect, it } from "vitest";
import type { IncidentFilters } from "@/lib/schemas/incident-filters";
import { defaultGranularity, summaryPeriod } from "./summary-period";

const NONE: IncidentFilters = { years: [], operators: [], regions: [], types: [], services: [], causes: [], zone: "local", page: 1 };
const NOW = new Date("2026-06-15T00:00:00Z");
/** Midnight in Kazakhstan (UTC+5 since March 2024, UTC+6 before). */
const kzMidnight = (day: string, offsetHours: number) => new Date(new Date(`${day}T00:00:00Z`).getTime() - offsetHours * 3_600_000);

describe("summaryPeriod", () => {
  it("is the filters' dates when they give them, the last day whole", () => {
    expect(summaryPeriod({ ...NONE, from: "2025-01-01", to: "2025-01-31" }, [], NOW)).toEqual({ from: kzMidnight("2025-01-01", 5), to: kzMidnight("2025-02-01", 5) });
  });

  it("is the filters' years, first to last, when they give no dates", () => {
    expect(summaryPeriod({ ...NONE, years: [2023, 2021] }, [], NOW)).toEqual({ from: kzMidnight("2021-01-01", 6), to: kzMidnight("2024-01-01", 6) });
  });

  it("is the whole record up to now otherwise, from the year of the earliest incident", () => {
    const incidents = [{ startsAt: new Date("2022-01-05T11:15:00Z") }, { startsAt: new Date("2019-07-01T00:00:00Z") }];
    expect(summaryPeriod(NONE, incidents, NOW)).toEqual({ from: kzMidnight("2019-01-01", 6), to: NOW });
    expect(summaryPeriod(NONE, [], NOW).from).toEqual(kzMidnight("2018-01-01", 6));
  });

  it("is never empty: a period that would end before it starts lasts a day", () => {
    const period = summaryPeriod({ ...NONE, from: "2030-01-01" }, [], NOW);
    expect(period.to.getTime() - period.from.getTime()).toBe(24 * 3_600_000);
  });
});

describe("defaultGranularity", () => {
  it("shows up to three years by month and longer ones by year", () => {
    const from = new Date("2020-01-01T00:00:00Z");
    expect(defaultGranularity(from, new Date("2022-12-31T00:00:00Z"))).toBe("month");
    expect(defaultGranularity(from, new Date("2023-06-01T00:00:00Z"))).toBe("year");
  });
});

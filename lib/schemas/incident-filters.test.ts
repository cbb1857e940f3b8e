import { describe, expect, it } from "vitest";
import { filtersToQuery, hasActiveFilters, parseIncidentFilters, periodOfFilters, withoutEmptyParams } from "@/lib/schemas/incident-filters";

const known = { operators: ["kcell", "beeline"], regions: ["mangystau", "almaty-city"] };

describe("parseIncidentFilters", () => {
  it("reads every filter, with repeated params as lists", () => {
    const { filters, ignored } = parseIncidentFilters(
      { year: ["2022", "2019"], operator: "kcell", region: "mangystau", type: "full_blackout", service: ["TELEGRAM"], status: "ended", page: "2" },
      known,
    );
    expect(ignored).toEqual([]);
    expect(filters).toEqual({
      years: [2022, 2019],
      operators: ["kcell"],
      regions: ["mangystau"],
      types: ["FULL_BLACKOUT"],
      services: ["TELEGRAM"],
      causes: [],
      state: "ended",
      zone: "local",
      page: 2,
    });
  });

  it("ignores and reports bad values instead of failing", () => {
    const { filters, ignored } = parseIncidentFilters(
      { year: ["abc", "2022"], operator: "nope", region: "atlantis", type: "BANANA", service: "", status: "maybe", page: "-1" },
      known,
    );
    expect(filters).toEqual({ years: [2022], operators: [], regions: [], types: [], services: [], causes: [], state: undefined, zone: "local", page: 1 });
    expect(ignored).toEqual([
      { param: "year", value: "abc" },
      { param: "operator", value: "nope" },
      { param: "region", value: "atlantis" },
      { param: "type", value: "BANANA" },
      { param: "status", value: "maybe" },
      { param: "page", value: "-1" },
    ]);
  });

  it("drops duplicates and extra single-valued params", () => {
    const { filters, ignored } = parseIncidentFilters({ year: ["2022", "2022"], status: ["ongoing", "ended"] }, known);
    expect(filters.years).toEqual([2022]);
    expect(filters.state).toBe("ongoing");
    expect(ignored).toEqual([{ param: "status", value: "ended" }]);
  });

  it("round-trips through the URL query", () => {
    const { filters } = parseIncidentFilters({ year: "2022", operator: ["kcell", "beeline"], type: "THROTTLING", page: "3" }, known);
    expect(filtersToQuery(filters)).toEqual({ year: ["2022"], operator: ["kcell", "beeline"], type: ["THROTTLING"], page: "3" });
    expect(hasActiveFilters(filters)).toBe(true);
    expect(hasActiveFilters(parseIncidentFilters({ page: "2" }, known).filters)).toBe(false);
  });
});

describe("period, cause and time zone", () => {
  it("reads a Kazakhstan calendar period, causes and tz=utc", () => {
    const { filters, ignored } = parseIncidentFilters({ from: "2022-01-01", to: "2022-01-31", cause: ["unrest"], tz: "UTC" }, known);
    expect(ignored).toEqual([]);
    expect(filters).toMatchObject({ from: "2022-01-01", to: "2022-01-31", causes: ["UNREST"], zone: "utc" });
    expect(filtersToQuery(filters)).toEqual({ from: "2022-01-01", to: "2022-01-31", cause: ["UNREST"], tz: "utc" });
    const period = periodOfFilters(filters);
    // Midnight in Almaty (UTC+6) on 1 January to midnight on 1 February.
    expect(period.from?.toISOString()).toBe("2021-12-31T18:00:00.000Z");
    expect(period.to?.toISOString()).toBe("2022-01-31T18:00:00.000Z");
  });

  it("ignores impossible dates and a period that ends before it starts", () => {
    expect(parseIncidentFilters({ from: "2022-02-30" }, known).ignored).toEqual([{ param: "from", value: "2022-02-30" }]);
    expect(parseIncidentFilters({ from: "22-01-01" }, known).filters.from).toBeUndefined();
    const backwards = parseIncidentFilters({ from: "2022-02-01", to: "2022-01-01" }, known);
    expect(backwards.filters).toMatchObject({ from: "2022-02-01" });
    expect(backwards.filters.to).toBeUndefined();
    expect(backwards.ignored).toEqual([{ param: "to", value: "2022-01-01" }]);
    expect(parseIncidentFilters({ tz: "Europe/Paris" }, known).filters.zone).toBe("local");
  });
});

describe("withoutEmptyParams", () => {
  it("drops the empty values a GET form sends for 'Any'", () => {
    expect(withoutEmptyParams({ year: "", operator: "", region: "mangystau", type: ["", "THROTTLING"] })).toEqual({
      region: ["mangystau"],
      type: ["THROTTLING"],
    });
  });

  it("returns null when nothing is empty", () => {
    expect(withoutEmptyParams({ region: "mangystau", year: ["2022"] })).toBeNull();
  });
});

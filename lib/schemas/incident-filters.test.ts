import { describe, expect, it } from "vitest";
import { filtersToQuery, hasActiveFilters, parseIncidentFilters, withoutEmptyParams } from "@/lib/schemas/incident-filters";

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
      state: "ended",
      page: 2,
    });
  });

  it("ignores and reports bad values instead of failing", () => {
    const { filters, ignored } = parseIncidentFilters(
      { year: ["abc", "2022"], operator: "nope", region: "atlantis", type: "BANANA", service: "", status: "maybe", page: "-1" },
      known,
    );
    expect(filters).toEqual({ years: [2022], operators: [], regions: [], types: [], services: [], state: undefined, page: 1 });
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

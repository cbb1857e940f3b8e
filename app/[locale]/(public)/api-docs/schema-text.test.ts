import { describe, expect, it } from "vitest";
import { typeText } from "./schema-text";

describe("typeText", () => {
  it("names types, references, enums, arrays, nulls, limits, defaults and examples", () => {
    expect(typeText({ $ref: "#/components/schemas/IncidentListItem" })).toBe("IncidentListItem");
    expect(typeText({ type: "array", items: { $ref: "#/components/schemas/Region" } })).toBe("array of Region");
    expect(typeText({ type: ["string", "null"], format: "date-time" })).toBe("string (date-time) or null");
    expect(typeText({ type: "integer", minimum: 1, maximum: 100, default: 25 })).toBe("integer (1–100, default 25)");
    expect(typeText({ type: "integer", minimum: -9007199254740991, maximum: 9007199254740991 })).toBe("integer");
    expect(typeText({ type: "string", enum: ["json", "csv"], default: "json" })).toBe("json | csv (default json)");
    expect(typeText({ type: "string", pattern: "^\\d{4}$", examples: ["2022-01-05"] })).toBe("string (e.g. 2022-01-05)");
    expect(typeText({ type: "array", items: { type: "string" }, default: [] })).toBe("array of string");
  });
});

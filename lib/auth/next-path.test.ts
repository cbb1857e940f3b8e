import { describe, expect, it } from "vitest";
import { safeNextPath } from "./next-path";

describe("safeNextPath", () => {
  it.each([
    ["/staff/users", "/staff/users"],
    ["/ru/staff/incidents/12?tab=history#phases", "/ru/staff/incidents/12?tab=history#phases"],
    ["/staff/../staff/audit", "/staff/audit"],
  ])("keeps the same-site path %s", (value, expected) => {
    expect(safeNextPath(value, "/staff")).toBe(expected);
  });

  it.each([
    "https://evil.example/staff",
    "//evil.example/staff",
    "/\\evil.example",
    "\\\\evil.example",
    "/staff\\..\\x",
    "javascript:alert(1)",
    "staff/users",
    "/staff\nSet-Cookie: x=1",
    "/\t/evil.example",
    "",
    "/" + "a".repeat(2100),
    undefined,
    ["/staff"],
  ])("replaces %j with the fallback", (value) => {
    expect(safeNextPath(value, "/staff")).toBe("/staff");
  });
});

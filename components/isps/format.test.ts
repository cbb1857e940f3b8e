import { describe, expect, it } from "vitest";
import { bucketLabel } from "@/lib/time/format";
import { formatHours } from "./format";

describe("operator chart formatting", () => {
  it("labels months and years in the reader's language", () => {
    expect(bucketLabel("2022-01", "en")).toBe("Jan 2022");
    expect(bucketLabel("2022-01", "ru")).toMatch(/янв/i);
    expect(bucketLabel("2022", "ru")).toBe("2022");
  });

  it("writes hours with at most one decimal", () => {
    expect(formatHours(111.04, "en")).toBe("111");
    expect(formatHours(1234.56, "en")).toBe("1,234.6");
  });
});

import { describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS } from "./parameters";
import { requiredHistoryStart, resumeFrom } from "./window";

const since = Date.UTC(2026, 1, 10, 12);
const date = (ms: number) => new Date(ms);

describe("where runs resume and what they read", () => {
  const stored = [
    { group: "operator:kcell", start: date(since - 5 * HOUR_MS), end: null, segments: [{ kind: "service-blocking" as const, start: date(since - 5 * HOUR_MS) }, { kind: "blackout" as const, start: date(since - HOUR_MS) }] },
    { group: "operator:beeline", start: date(since - 20 * HOUR_MS), end: date(since - 10 * HOUR_MS) },
    { group: "operator:tele2-altel", start: date(since - 30 * HOUR_MS), end: date(since - 13 * HOUR_MS) },
  ];

  it("resumes each part type of a group from its own first stored segment", () => {
    expect(resumeFrom("operator:kcell", "connectivity", since, stored)).toBe(since - HOUR_MS);
    expect(resumeFrom("operator:kcell", "service", since, stored)).toBe(since - 5 * HOUR_MS);
  });

  it("resumes a detection that ended less than twelve hours before, from its start, and not an older one", () => {
    expect(resumeFrom("operator:beeline", "connectivity", since, stored)).toBe(since - 20 * HOUR_MS);
    expect(resumeFrom("operator:tele2-altel", "connectivity", since, stored)).toBe(since);
  });

  it("reads 30 days and 12 hours before the earliest resumption", () => {
    expect(requiredHistoryStart({ since: date(since), until: date(since + HOUR_MS) }, stored)).toEqual(date(since - 20 * HOUR_MS - 30 * DAY_MS - 12 * HOUR_MS));
  });
});

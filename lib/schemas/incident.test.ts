import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { checkIncidentInput, incidentIssue, parseIncidentInput, resolvedEndStatus, ZIncidentInput, type IncidentInput } from "@/lib/schemas/incident";
import { fieldIssuesOf } from "@/lib/schemas/parse";

/** A valid incident to vary: nationwide, two operators, one phase with a recorded end. */
const BASE: IncidentInput = {
  slug: "end-status-rules",
  title: "A blackout",
  summary: "A blackout.",
  startsAt: "2022-01-05T10:45:00Z",
  startPrecision: "HOUR",
  endsAt: "2022-01-06T00:00:00+06:00",
  endPrecision: "DAY",
  scope: "NATIONAL",
  type: "FULL_BLACKOUT",
  cause: "UNREST",
  operators: ["kcell", "beeline"],
  phases: [{ label: "Cut", type: "FULL_BLACKOUT", startsAt: "2022-01-05T10:45:00Z", startPrecision: "HOUR", endsAt: "2022-01-05T17:30:00Z", endPrecision: "HOUR" }],
};

function issuesOf(input: IncidentInput): Record<string, string[]> {
  const result = ZIncidentInput.safeParse(input);
  return result.success ? {} : fieldIssuesOf(result.error);
}

describe("end status (decision 0013)", () => {
  it("follows the end when left out: recorded with an end, not recorded without", () => {
    expect(resolvedEndStatus({ endsAt: "2022-01-06T00:00:00Z" })).toBe("RECORDED");
    expect(resolvedEndStatus({})).toBe("NOT_RECORDED");
    expect(resolvedEndStatus({ endStatus: "ONGOING" })).toBe("ONGOING");
    expect(issuesOf(BASE)).toEqual({});
  });

  it("needs an end for a recorded end, and no end date for an open one", () => {
    expect(issuesOf({ ...BASE, endsAt: undefined, endPrecision: undefined, endStatus: "RECORDED" })).toHaveProperty("endsAt");
    expect(issuesOf({ ...BASE, endStatus: "ONGOING", lastCheckedOn: "2022-01-20" })).toHaveProperty("endStatus");
  });

  it("needs a last-checked day for an ongoing incident, and allows it nowhere else", () => {
    const open = { ...BASE, endsAt: undefined, endPrecision: undefined };
    expect(issuesOf({ ...open, endStatus: "ONGOING" })).toHaveProperty("lastCheckedOn");
    expect(issuesOf({ ...open, endStatus: "ONGOING", lastCheckedOn: "2022-01-20" })).toEqual({});
    expect(issuesOf({ ...open, endStatus: "ONGOING", lastCheckedOn: "2022-01-01" })["lastCheckedOn"]).toEqual(["last_check_before_start"]);
    expect(issuesOf({ ...open, lastCheckedOn: "2022-01-20" })).toHaveProperty("lastCheckedOn");
  });

  it("lets an unrecorded end say the last day a source reports it, not before the start nor after the incident's end", () => {
    const phase = { ...BASE.phases![0]!, endsAt: undefined, endPrecision: undefined };
    expect(issuesOf({ ...BASE, phases: [{ ...phase, lastReportedOn: "2022-01-06" }] })).toEqual({});
    expect(issuesOf({ ...BASE, phases: [{ ...phase, lastReportedOn: "2022-01-04" }] })).toHaveProperty(["phases.0.lastReportedOn"]);
    expect(issuesOf({ ...BASE, phases: [{ ...phase, lastReportedOn: "2022-01-07" }] })["phases.0.lastReportedOn"]).toEqual(["last_report_after_incident_end"]);
    expect(issuesOf({ ...BASE, phases: [{ ...BASE.phases![0]!, lastReportedOn: "2022-01-05" }] })).toHaveProperty(["phases.0.lastReportedOn"]);
  });

  it("allows an ongoing phase only in an ongoing incident", () => {
    const phase = { ...BASE.phases![0]!, endsAt: undefined, endPrecision: undefined, endStatus: "ONGOING" as const };
    expect(issuesOf({ ...BASE, phases: [phase] })).toHaveProperty(["phases.0.endStatus"]);
    const ongoing = { ...BASE, endsAt: undefined, endPrecision: undefined, endStatus: "ONGOING" as const, lastCheckedOn: "2022-01-20" };
    expect(issuesOf({ ...ongoing, phases: [phase] })).toEqual({});
  });
});

describe("operator attribution", () => {
  it("marks a phase as affecting all of the incident's operators only instead of naming operators, and only when the incident names some", () => {
    const phase = BASE.phases![0]!;
    expect(issuesOf({ ...BASE, phases: [{ ...phase, allOperators: true }] })).toEqual({});
    expect(issuesOf({ ...BASE, phases: [{ ...phase, allOperators: true, operators: ["kcell"] }] })).toHaveProperty(["phases.0.allOperators"]);
    expect(issuesOf({ ...BASE, operators: [], phases: [{ ...phase, allOperators: true }] })["phases.0.allOperators"]).toEqual(["incident_names_no_operators"]);
  });
});

describe("issues as codes", () => {
  const codesOf = (input: unknown) => {
    const result = checkIncidentInput(input);
    return result.success ? {} : fieldIssuesOf(result.error);
  };

  it("reports zod's generic checks as codes, with the limits they name", () => {
    expect(codesOf({ ...BASE, title: undefined })).toEqual({ title: ["required"] });
    expect(codesOf({ ...BASE, title: "x".repeat(201) })).toEqual({ title: [incidentIssue("too_long", { maximum: 200 })] });
    expect(codesOf({ ...BASE, scope: "EVERYWHERE" })).toEqual({ scope: ["choose_option"] });
    expect(codesOf({ ...BASE, impactEstimates: [{ lowUsd: 1.5, estimatedBy: "Someone" }] })).toEqual({ "impactEstimates.0.lowUsd": ["whole_number"] });
    expect(codesOf({ ...BASE, impactEstimates: [{ lowUsd: -1, estimatedBy: "Someone" }] })).toEqual({ "impactEstimates.0.lowUsd": [incidentIssue("too_small", { minimum: 0 })] });
  });

  it("reports the schema's own formats and rules by their codes", () => {
    expect(codesOf({ ...BASE, startsAt: "soon" })).toEqual({ startsAt: ["invalid_date_time"] });
    expect(codesOf({ ...BASE, slug: "Not A Slug" })).toEqual({ slug: ["slug_format"] });
    expect(codesOf({ ...BASE, operators: ["kcell", "kcell"] })).toEqual({ operators: [incidentIssue("listed_twice", { value: "kcell" })] });
  });

  it("throws a VALIDATION error with the codes, and says them in English in its message", () => {
    let error: unknown;
    try {
      parseIncidentInput({ ...BASE, operators: ["kcell", "kcell"] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldIssues).toEqual({ operators: [incidentIssue("listed_twice", { value: "kcell" })] });
    expect((error as AppError).message).toBe('Invalid input: operators: "kcell" is listed twice');
  });
});
